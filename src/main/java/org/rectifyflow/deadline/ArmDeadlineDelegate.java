package org.rectifyflow.deadline;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

/**
 * {@code Task_ArmDeadline}, the service task right before a work subprocess
 * ({@code camunda:delegateExpression="${armDeadline}"}): sets {@code deadlineAt},
 * {@code reminderAt} and {@code overdue=false}, which the subprocess's timer event
 * subprocesses read. It is a task before the subprocess, not a start listener on it,
 * because the engine creates a scope's timers before its start listeners run.
 */
@Component("armDeadline")
class ArmDeadlineDelegate implements JavaDelegate {

	private final DeadlineService deadlineService;

	ArmDeadlineDelegate(DeadlineService deadlineService) {
		this.deadlineService = deadlineService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object deadlineAt = execution.getVariable(DeadlinePattern.VAR_DEADLINE_AT);
		Object workingDays = execution.getVariable(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS);
		DeadlineService.Deadline deadline = this.deadlineService.compute(
				((ExecutionEntity) execution).getProcessDefinition().getKey(),
				(deadlineAt instanceof Date date) ? date.toInstant() : null,
				(workingDays instanceof Number number) ? number.intValue() : null,
				ClockUtil.getCurrentTime().toInstant());
		execution.setVariable(DeadlinePattern.VAR_DEADLINE_AT, Date.from(deadline.deadlineAt()));
		execution.setVariable(DeadlinePattern.VAR_REMINDER_AT, Date.from(deadline.reminderAt()));
		execution.setVariable(DeadlinePattern.VAR_OVERDUE, false);
	}

}
