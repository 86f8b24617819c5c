package org.rectifyflow.clue;

/**
 * Ids and variables of {@code bpmn/clue.bpmn}.
 */
public final class ClueProcess {

	public static final String KEY = "clue";

	public static final String DECISION_TRIAGE = "clue-triage";

	public static final String ITEM_TYPE = "clue";

	public static final String TASK_REGISTER = "Task_Register";

	public static final String TASK_SET_DEADLINE = "Task_SetDeadline";

	public static final String TASK_DISPOSE = "Task_Dispose";

	public static final String TASK_APPROVE_DISPOSAL = "Task_ApproveDisposal";

	public static final String TASK_INVESTIGATE = "Task_Investigate";

	public static final String TASK_HANDLING_OPINION = "Task_HandlingOpinion";

	public static final String TASK_APPROVE_OPINION = "Task_ApproveOpinion";

	public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";

	public static final String TASK_WRITE_FEEDBACK = "Task_WriteFeedback";

	public static final String TASK_TRIAGE = "Task_Triage";

	public static final String TIMER_SHELVED = "Timer_ShelvePeriodOver";

	public static final String TIMER_REGISTRATION_DEADLINE = "Timer_RegistrationDeadlinePassed";

	public static final String SUBPROCESS_REGISTRATION = "SubProcess_Registration";

	public static final String SUBPROCESS_INVESTIGATION = "SubProcess_Investigation";

	public static final String EVENT_CLOSED = "Event_Closed";

	public static final String EVENT_DUPLICATE = "Event_Duplicate";

	public static final String EVENT_TRANSFERRED = "Event_Transferred";

	public static final String EVENT_DECLINED = "Event_Declined";

	public static final String MESSAGE_EXTENSION_REQUESTED = "ClueExtensionRequested";

	public static final String VAR_CLUE_ID = "clueId";

	public static final String VAR_CLUE_NUMBER = "clueNumber";

	public static final String VAR_REGISTRATION_DECISION = "registrationDecision";

	public static final String VAR_DUPLICATE_OF = "duplicateOf";

	/**
	 * Options of the registration's duplicate (task-local): other clues in words, by
	 * number.
	 */
	public static final String VAR_DUPLICATE_OPTIONS = "duplicateOptions";

	/** The route in Chinese, as the disposal form shows it (task-local). */
	public static final String VAR_ROUTE_NAME = "routeName";

	/** The suggested disposal in Chinese, as the disposal form shows it (task-local). */
	public static final String VAR_SUGGESTED_DISPOSAL_NAME = "suggestedDisposalName";

	/** The proposed disposal in Chinese, as its approval form shows it (task-local). */
	public static final String VAR_DISPOSAL_NAME = "disposalName";

	public static final String VAR_TRANSFER_BODY = "transferBody";

	public static final String VAR_DECISION_REASON = "decisionReason";

	public static final String VAR_CLEAR = "clueClear";

	public static final String VAR_TARGETED = "clueTargeted";

	public static final String VAR_SPECIFIC = "clueSpecific";

	public static final String VAR_QUICK = "quickVerifiable";

	public static final String VAR_CATEGORY = "category";

	public static final String VAR_ROUTE = "route";

	public static final String VAR_SUGGESTED_DISPOSAL = "suggestedDisposal";

	public static final String VAR_DISPOSAL = "disposal";

	public static final String VAR_DISPOSAL_REASON = "disposalReason";

	public static final String VAR_DISPOSAL_APPROVED = "disposalApproved";

	/** Routing flag: the chosen disposal needs the discipline lead's approval. */
	public static final String VAR_DISPOSAL_NEEDS_APPROVAL = "disposalNeedsApproval";

	/** The working days the discipline lead sets for a STANDARD clue. */
	public static final String VAR_STANDARD_WORKING_DAYS = "standardWorkingDays";

	public static final String VAR_DEADLINE_WORKING_DAYS = "deadlineWorkingDays";

	public static final String VAR_SHELVE_PERIOD = "shelvePeriod";

	public static final String VAR_HANDLING_OUTCOME = "handlingOutcome";

	/** The handling opinion's outcome in Chinese, for the approval form. */
	public static final String VAR_HANDLING_OUTCOME_NAME = "handlingOutcomeName";

	public static final String VAR_HANDLING_OPINION = "handlingOpinion";

	public static final String VAR_OPINION_APPROVED = "opinionApproved";

	public static final String VAR_EXTENSION_APPROVED = "extensionApproved";

	/**
	 * Who requested the extension: written by the system with the request, never by a
	 * user; {@code Task_ApproveExtension} names it as its {@code rf:fourEyesVariable}.
	 */
	public static final String VAR_EXTENSION_REQUESTED_BY = "extensionRequestedBy";

	public static final String VAR_FEEDBACK_TEXT = "feedbackText";

	public static final String VAR_INVESTIGATION_FINDINGS = "findings";

	/** Registration decisions ({@value #VAR_REGISTRATION_DECISION}). */
	public enum RegistrationDecision {

		ACCEPT, DUPLICATE, TRANSFER, DECLINE

	}

	private ClueProcess() {
	}

}
