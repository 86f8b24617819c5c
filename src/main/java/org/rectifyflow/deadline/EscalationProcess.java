package org.rectifyflow.deadline;

/**
 * Ids and variables of {@code bpmn/escalation.bpmn}, the escalation ladder that a work
 * subprocess calls when its deadline passes.
 */
public final class EscalationProcess {

	public static final String KEY = "escalation";

	public static final String GATEWAY_NEXT_LEVEL = "Gateway_NextLevel";

	public static final String TASK_ESCALATE = "Task_Escalate";

	public static final String GATEWAY_EXTERNAL = "Gateway_External";

	/** The 督办 user task for the level's escalation group. */
	public static final String TASK_SUPERVISE = "Task_Supervise";

	/** Intermediate timer, date {@code ${nextLevelAt}}, that loops to the next level. */
	public static final String TIMER_NEXT_LEVEL = "Timer_NextLevel";

	/**
	 * Input: the deadline that passed (Date). The overdue process itself is the one whose
	 * call activity started the ladder.
	 */
	public static final String VAR_DEADLINE_AT = DeadlinePattern.VAR_DEADLINE_AT;

	/** The current level, 1 for the first. */
	public static final String VAR_LEVEL = "level";

	/** Candidate group of the level's 督办 task; absent for an external level. */
	public static final String VAR_ESCALATION_GROUP = "escalationGroup";

	/** Whether the level is an external recipient (mail, no task). */
	public static final String VAR_EXTERNAL = "external";

	/** When the next level is due (Date). */
	public static final String VAR_NEXT_LEVEL_AT = "nextLevelAt";

	/** Short text used in the 督办 task's name. */
	public static final String VAR_SUPERVISION_SUBJECT = "supervisionSubject";

	/**
	 * Whether the level's group, still holding an open 督办 task, was urged again instead.
	 */
	public static final String VAR_REURGED = "reurged";

	public static final String EVENT_REURGED = "Event_Reurged";

	private EscalationProcess() {
	}

}
