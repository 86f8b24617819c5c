package org.rectifyflow.deadline;

/**
 * Element ids and process variables of the deadline pattern, shared by every process that
 * copies it (see {@code docs/deadline-pattern.md}). A process keeps these ids for its
 * reminder and level-1 timers so that {@link DeadlineService#extend} finds them.
 */
public final class DeadlinePattern {

	/** Service task right before the work subprocess that computes the deadline. */
	public static final String TASK_ARM_DEADLINE = "Task_ArmDeadline";

	/** Event subprocess that reminds the people working on open tasks. */
	public static final String SUBPROCESS_REMINDER = "SubProcess_Reminder";

	/** Non-interrupting timer start event of the reminder, date {@code ${reminderAt}}. */
	public static final String TIMER_REMINDER = "Timer_Reminder";

	/** Service task that sends the reminder. */
	public static final String TASK_REMIND = "Task_Remind";

	/** Event subprocess that starts the escalation ladder at the deadline. */
	public static final String SUBPROCESS_ESCALATION = "SubProcess_Escalation";

	/** Non-interrupting timer start event at the deadline, date {@code ${deadlineAt}}. */
	public static final String TIMER_DEADLINE_PASSED = "Timer_DeadlinePassed";

	/** Call activity that runs the {@link EscalationProcess escalation} ladder. */
	public static final String CALL_ESCALATION = "Call_Escalation";

	/** Input: deadline as a date (kept if set before the work subprocess starts). */
	public static final String VAR_DEADLINE_AT = "deadlineAt";

	/** Input: deadline in working days from the start of the work subprocess. */
	public static final String VAR_DEADLINE_WORKING_DAYS = "deadlineWorkingDays";

	/** Computed when the work starts: when the reminder fires (Date). */
	public static final String VAR_REMINDER_AT = "reminderAt";

	/** {@code false} when armed, {@code true} once the deadline has passed. */
	public static final String VAR_OVERDUE = "overdue";

	private DeadlinePattern() {
	}

}
