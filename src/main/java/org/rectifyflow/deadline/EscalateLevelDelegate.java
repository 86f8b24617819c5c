package org.rectifyflow.deadline;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import org.springframework.stereotype.Component;

/**
 * {@code Task_Escalate} of the escalation ladder: raises the next level and sets the
 * variables the ladder routes and waits on (level, escalationGroup, external, reurged,
 * nextLevelAt, supervisionSubject).
 */
@Component("escalateLevel")
class EscalateLevelDelegate implements JavaDelegate {

	private final EscalationService escalationService;

	EscalateLevelDelegate(EscalationService escalationService) {
		this.escalationService = escalationService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Integer previous = (Integer) execution.getVariable(EscalationProcess.VAR_LEVEL);
		int level = (previous != null) ? previous + 1 : 1;
		Instant deadline = ((Date) execution.getVariable(EscalationProcess.VAR_DEADLINE_AT)).toInstant();
		Instant levelDueAt = (previous != null)
				? ((Date) execution.getVariable(EscalationProcess.VAR_NEXT_LEVEL_AT)).toInstant() : deadline;
		EscalationService.Escalation escalation = this.escalationService.escalate(
				(String) execution.getVariable(EscalationProcess.VAR_PARENT_PROCESS_DEFINITION_KEY),
				overdueProcessName(execution),
				(String) execution.getVariable(EscalationProcess.VAR_PARENT_PROCESS_INSTANCE_ID),
				execution.getProcessBusinessKey(), level, deadline, levelDueAt, execution.getProcessInstanceId());
		execution.setVariable(EscalationProcess.VAR_LEVEL, escalation.level());
		execution.setVariable(EscalationProcess.VAR_ESCALATION_GROUP, escalation.group());
		execution.setVariable(EscalationProcess.VAR_EXTERNAL, escalation.external());
		execution.setVariable(EscalationProcess.VAR_NEXT_LEVEL_AT, Date.from(escalation.nextLevelAt()));
		execution.setVariable(EscalationProcess.VAR_SUPERVISION_SUBJECT, escalation.subject());
		execution.setVariable(EscalationProcess.VAR_REURGED, escalation.reurged());
	}

	/**
	 * The name of the process whose deadline passed, from the definition of the call
	 * activity that started this ladder: read from the engine's deployment cache, not by
	 * a query.
	 */
	private static String overdueProcessName(DelegateExecution execution) {
		if (execution.getProcessInstance() instanceof ExecutionEntity ladder && ladder.getSuperExecution() != null) {
			return ladder.getSuperExecution().getProcessDefinition().getName();
		}
		return null;
	}

}
