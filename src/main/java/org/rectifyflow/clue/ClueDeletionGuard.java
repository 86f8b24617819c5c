package org.rectifyflow.clue;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A clue is never deleted. Two layers:
 * <ol>
 * <li>a Camunda REVOKE authorization of {@code DELETE_INSTANCE} on the {@code clue}
 * process definition for every user ({@code userId = *}); Camunda allows no REVOKE of
 * type GLOBAL, and members of {@code camunda-admin} skip authorization checks altogether,
 * so this layer cannot stop {@code admin};</li>
 * <li>therefore an engine-level guard: a history event handler that refuses the end of a
 * {@code clue} process instance in state {@code EXTERNALLY_TERMINATED}, which is how
 * every deletion ends an instance (runtime API, engine REST, Cockpit, batch deletion,
 * cascading undeployment), also with {@code skipCustomListeners}. The exception rolls the
 * whole command back. Normal ends (completed, internally terminated) pass.</li>
 * </ol>
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
