package org.rectifyflow.deadline;

import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.rectifyflow.engine.WithheldHistory;

import org.springframework.stereotype.Component;

/**
 * Keeps the escalation ladder's bookkeeping out of the engine's history: its copy of the
 * deadline, the current level, when the next is due and the subject of its 督办 task. Each
 * level's supervision notice and audit entry record all of them, so a historic variable
 * instance and a historic detail per value and level (eight rows of an escalation's
 * forty-odd) record nothing new. The runtime variables stay, so Cockpit shows a running
 * ladder's level; what a user enters in a 督办 task is not bookkeeping and reaches history
 * as before.
 */
@Component
class LadderHistory extends AbstractProcessEnginePlugin {

	static final Set<String> BOOKKEEPING = Set.of(EscalationProcess.VAR_DEADLINE_AT, EscalationProcess.VAR_LEVEL,
			EscalationProcess.VAR_NEXT_LEVEL_AT, EscalationProcess.VAR_SUPERVISION_SUBJECT);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		WithheldHistory.install(configuration, LadderHistory::bookkeeping);
	}

	static boolean bookkeeping(HistoryEvent event) {
		return event instanceof HistoricVariableUpdateEventEntity variable
				&& EscalationProcess.KEY.equals(variable.getProcessDefinitionKey())
				&& BOOKKEEPING.contains(variable.getVariableName());
	}

}
