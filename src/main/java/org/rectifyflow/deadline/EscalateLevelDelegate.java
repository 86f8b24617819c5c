package org.rectifyflow.deadline;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;

/**
 * {@code Task_Escalate} of the escalation ladder: raises the next level for the process
 * whose call activity started the ladder.
 * <p>
 * The overdue process (its instance and definition) is read from that call activity's
 * execution, so it is never copied into the ladder. Of what the ladder routes and waits
 * on, only {@code level}, {@code nextLevelAt} (read again by the next level) and
 * {@code supervisionSubject} (shown by the 督办 form) are stored; {@code escalationGroup},
 * {@code external} and {@code reurged} are used by the gateway and the 督办 task in this
 * same transaction, and are transient: no row, no history.
 */
@Component("escalateLevel")
class EscalateLevelDelegate implements JavaDelegate {

	private final EscalationService escalationService;

	EscalateLevelDelegate(EscalationService escalationService) {
		this.escalationService = escalationService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ExecutionEntity overdue = overdueExecution(execution);
		Integer previous = (Integer) execution.getVariable(EscalationProcess.VAR_LEVEL);
		int level = (previous != null) ? previous + 1 : 1;
		Instant deadline = ((Date) execution.getVariable(EscalationProcess.VAR_DEADLINE_AT)).toInstant();
		Instant levelDueAt = (previous != null)
				? ((Date) execution.getVariable(EscalationProcess.VAR_NEXT_LEVEL_AT)).toInstant() : deadline;
		EscalationService.Escalation escalation = this.escalationService.escalate(
				overdue.getProcessDefinition().getKey(), overdue.getProcessDefinition().getName(),
				overdue.getProcessInstanceId(), execution.getProcessBusinessKey(), level, deadline, levelDueAt,
				execution.getProcessInstanceId());
		execution.setVariable(EscalationProcess.VAR_LEVEL, escalation.level());
		execution.setVariable(EscalationProcess.VAR_NEXT_LEVEL_AT, Date.from(escalation.nextLevelAt()));
		execution.setVariable(EscalationProcess.VAR_SUPERVISION_SUBJECT, escalation.subject());
		route(execution, EscalationProcess.VAR_ESCALATION_GROUP, Variables.stringValue(escalation.group(), true));
		route(execution, EscalationProcess.VAR_EXTERNAL, Variables.booleanValue(escalation.external(), true));
		route(execution, EscalationProcess.VAR_REURGED, Variables.booleanValue(escalation.reurged(), true));
	}

	/**
	 * The execution of the call activity that started this ladder: the overdue process's.
	 */
	private static ExecutionEntity overdueExecution(DelegateExecution execution) {
		ExecutionEntity ladder = (ExecutionEntity) execution.getProcessInstance();
		ExecutionEntity caller = ladder.getSuperExecution();
		if (caller == null) {
			throw Refusal.invalid("逐级督办只能在办理期限届满时由所督办的流程启动，不能单独启动",
					"the escalation ladder is started by the overdue process's call activity, never on its own");
		}
		return caller;
	}

	/**
	 * Sets a routing flag as a transient variable of the ladder's instance. A ladder
	 * raised by an earlier version holds the flag stored; it keeps storing it, because
	 * the engine turns a stored variable into a transient one neither directly nor by a
	 * removal in the same transaction.
	 */
	private static void route(DelegateExecution execution, String name, TypedValue value) {
		DelegateExecution ladder = execution.getProcessInstance();
		TypedValue stored = ladder.getVariableLocalTyped(name);
		if (stored != null && !stored.isTransient()) {
			ladder.setVariableLocal(name, value.getValue());
		}
		else {
			ladder.setVariableLocal(name, value);
		}
	}

}
