package org.rectifyflow.clue.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.deadline.DeadlinePattern;

import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareInvestigationDeadline}: the registration deadline is done with;
 * removes it so that {@code Task_ArmDeadline} arms a fresh one, and sets the working days
 * of the clue's route (green channel: fixed; standard: what the discipline lead set), as
 * recorded with the clue.
 */
@Component("clueInvestigationDeadline")
class InvestigationDeadlineDelegate implements JavaDelegate {

	private final ClueRegister register;

	private final ClueSteps steps;

	InvestigationDeadlineDelegate(ClueRegister register, ClueSteps steps) {
		this.register = register;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Clue clue = this.register.findByNumber(execution.getProcessBusinessKey())
			.orElseThrow(() -> new IllegalStateException("No clue " + execution.getProcessBusinessKey()));
		execution.removeVariable(DeadlinePattern.VAR_DEADLINE_AT);
		execution.removeVariable(DeadlinePattern.VAR_REMINDER_AT);
		execution.setVariable(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS, this.steps.investigationWorkingDays(clue));
		execution.setVariable(DeadlinePattern.VAR_OVERDUE, false);
	}

}
