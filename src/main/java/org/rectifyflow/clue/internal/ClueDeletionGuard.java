package org.rectifyflow.clue.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.rectifyflow.clue.ClueProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A clue is never deleted. Camunda authorizations cannot promise that: a REVOKE cannot be
 * of type GLOBAL, members of {@code camunda-admin} skip authorization checks altogether,
 * and a REVOKE for user {@code *} switches Camunda's revoke checks on for every query and
 * then also hid the task permissions that candidate groups get (tried: tasks could no
 * longer be completed). Nobody but {@code camunda-admin} is granted DELETE on process
 * instances, so the guard that counts is this engine plugin: a history event handler that
 * refuses any end of a {@code clue} process instance other than reaching one of its end
 * events (history state {@code COMPLETED}). Every deletion (runtime API, engine REST,
 * Cockpit, batch deletion, cascading undeployment, a modification that cancels
 * everything) ends an instance in a TERMINATED state, also with
 * {@code skipCustomListeners}; the exception rolls the whole command back, for
 * {@code admin} too. The clue process has no process-level terminate end event, so its
 * normal ends are all COMPLETED.
 */
@Component
class ClueDeletionGuard extends AbstractProcessEnginePlugin {

	static final String REFUSAL = "问题线索不得删除 / A problem clue is never deleted";

	private static final Logger log = LoggerFactory.getLogger(ClueDeletionGuard.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomHistoryEventHandlers() == null) {
			configuration.setCustomHistoryEventHandlers(new ArrayList<>());
		}
		configuration.getCustomHistoryEventHandlers().add(new RefuseDeletion());
	}

	/** Refuses the deletion of a clue process instance. */
	static class RefuseDeletion implements HistoryEventHandler {

		@Override
		public void handleEvent(HistoryEvent event) {
			if (event instanceof HistoricProcessInstanceEventEntity instance
					&& HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
					&& ClueProcess.KEY.equals(instance.getProcessDefinitionKey())
					&& !HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
				log.error("Refused to delete clue process instance {} ({})", instance.getProcessInstanceId(),
						instance.getBusinessKey());
				throw new ProcessEngineException(REFUSAL);
			}
		}

		@Override
		public void handleEvents(java.util.List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

	}

}
