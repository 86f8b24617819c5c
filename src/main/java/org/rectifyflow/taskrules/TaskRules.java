package org.rectifyflow.taskrules;

/**
 * Names of the BPMN extension properties ({@code camunda:properties} on a user task) that
 * the engine enforces on every user task, and the audit actions it records.
 */
public final class TaskRules {

	/**
	 * Comma-separated variable names that must be present and non-blank on completion.
	 */
	public static final String REQUIRED = "rf:required";

	/** Comma-separated date variables that may not lie in the past (engine clock). */
	public static final String NOT_PAST = "rf:notPast";

	/** Prefix of {@code rf:maxLength:<variable>} = maximum number of characters. */
	public static final String MAX_LENGTH_PREFIX = "rf:maxLength:";

	/**
	 * Prefix of {@code rf:label:<variable>} = the Chinese field label used in messages.
	 */
	public static final String LABEL_PREFIX = "rf:label:";

	/**
	 * Comma-separated task definition keys of the same process instance whose completers
	 * may neither claim nor complete this task.
	 */
	public static final String FOUR_EYES = "rf:fourEyes";

	/**
	 * Name of a process variable holding the proposer's user id (four-eyes principle).
	 */
	public static final String FOUR_EYES_VARIABLE = "rf:fourEyesVariable";

	/**
	 * Marks an approval task; the value is the name of its decision variable. Approving
	 * needs no opinion text (the common phrase chosen in
	 * {@link #OPINION_PHRASE_VARIABLE}, or 同意, is recorded); returning or rejecting needs
	 * a non-blank {@link #OPINION_VARIABLE}.
	 */
	public static final String APPROVAL = "rf:approval";

	/** The variable holding the approval opinion (审批意见). */
	public static final String OPINION_VARIABLE = "opinion";

	/** The variable holding the common phrase chosen for an approval (常用意见). */
	public static final String OPINION_PHRASE_VARIABLE = "opinionPhrase";

	/**
	 * The common phrases an approval form offers (the values of its
	 * {@link #OPINION_PHRASE_VARIABLE} select); the first is recorded when an approval
	 * gives neither phrase nor text.
	 */
	public static final java.util.List<String> OPINION_PHRASES = java.util.List.of("同意", "同意，请抓好落实", "原则同意", "退回修改",
			"不同意");

	/** Maximum length of an approval opinion. */
	public static final int OPINION_MAX_LENGTH = 2000;

	/**
	 * Comma-separated operations a user task allows: {@code transfer} (转办),
	 * {@code delegate} (委派), {@code return} (退回), {@code withdraw} (撤回, on the task that
	 * was completed), {@code cc} (抄送), {@code urge} (催办). A task without the property
	 * allows none.
	 */
	public static final String OPERATIONS = "rf:operations";

	/** The id of the user task a 退回 of this task goes back to. */
	public static final String RETURN_TO = "rf:returnTo";

	/**
	 * The task-local variable a 退回 leaves on the task it returns to: who returned it and
	 * why, for that task's form to show (a read-only field {@code returnOpinion}).
	 */
	public static final String RETURN_OPINION = "returnOpinion";

	/**
	 * To whom this task may be transferred or delegated: {@code candidates} (the task's
	 * candidate groups and users), {@code unit} (the units of the task's holder or
	 * candidate unit groups) or {@code owner-group} (the task's candidate groups only, or
	 * the role groups of its holder: for confidential processes).
	 */
	public static final String TRANSFER_TO = "rf:transferTo";

	/**
	 * A process-level property: the comma-separated candidate groups an approval goes to,
	 * level by level, when nobody but its proposers may work on it (four-eyes). The
	 * approval is offered to the first group after its own level that has a member who
	 * did not propose the matter.
	 */
	public static final String APPROVAL_CHAIN = "rf:approvalChain";

	/** Audit item type of task events. */
	public static final String AUDIT_ITEM_TYPE = "task";

	public static final String TASK_CREATED = "TASK_CREATED";

	public static final String TASK_ASSIGNED = "TASK_ASSIGNED";

	public static final String TASK_COMPLETED = "TASK_COMPLETED";

	public static final String TASK_DELETED = "TASK_DELETED";

	/** An approval moved to the next level of its process's approval chain. */
	public static final String TASK_REDIRECTED = "TASK_REDIRECTED";

	private TaskRules() {
	}

}
