package org.rectifyflow.clue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.rectifyflow.deadline.DeadlinePattern;

import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareInvestigationDeadline}: the registration deadline is done with;
 * removes it so that {@code Task_ArmDeadline} arms a fresh one, and sets the working days
 * of the route (green channel: fixed; standard: what the discipline lead set).
 */
@Component("clueInvestigationDeadline")
class InvestigationDeadlineDelegate implements JavaDelegate {

	static final String VAR_STANDARD_WORKING_DAYS = "standardWorkingDays";

	private final ClueService clueService;

	InvestigationDeadlineDelegate(ClueService clueService) {
		this.clueService = clueService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Route route = Route.valueOf((String) execution.getVariable(ClueProcess.VAR_ROUTE));
		Object set = execution.getVariable(VAR_STANDARD_WORKING_DAYS);
		Integer byLead = (set instanceof Number n) ? n.intValue()
				: (set instanceof String s && !s.isBlank()) ? Integer.valueOf(s.strip()) : null;
		execution.removeVariable(DeadlinePattern.VAR_DEADLINE_AT);
		execution.removeVariable(DeadlinePattern.VAR_REMINDER_AT);
		execution.setVariable(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS,
				this.clueService.investigationWorkingDays(route, byLead));
		execution.setVariable(DeadlinePattern.VAR_OVERDUE, false);
	}

}
