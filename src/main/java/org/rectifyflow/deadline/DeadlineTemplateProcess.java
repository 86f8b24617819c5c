package org.rectifyflow.deadline;

/**
 * Ids and variables of {@code bpmn/deadline-template.bpmn} (限期办理模板), the smallest process
 * that shows the deadline pattern.
 */
public final class DeadlineTemplateProcess {

	public static final String KEY = "deadline-template";

	public static final String SUBPROCESS_WORK = "SubProcess_Work";

	public static final String TASK_WORK = "Task_Work";

	public static final String TASK_REVIEW = "Task_Review";

	public static final String GATEWAY_APPROVED = "Gateway_Approved";

	public static final String EVENT_WORK_DONE = "Event_WorkDone";

	/** Candidate group of {@link #TASK_WORK}; {@code campaign-office} when absent. */
	public static final String VAR_WORK_GROUP = "workGroup";

	/** Set when completing {@link #TASK_REVIEW}. */
	public static final String VAR_APPROVED = "approved";

	private DeadlineTemplateProcess() {
	}

}
