package org.rectifyflow.rectification;

import org.rectifyflow.deadline.DeadlinePattern;

/**
 * Ids and variable names of {@code bpmn/rectification.bpmn} (问题整改), one instance per
 * ledger entry, business key = the entry's code.
 */
public final class RectificationProcess {

	/** Process definition key. */
	public static final String KEY = "rectification";

	/**
	 * Name of the message correlated to the campaign process (business key = campaign
	 * code) when every ledger entry of the campaign is closed or carried over.
	 */
	public static final String MESSAGE_LEDGER_CLOSED = "Message_LedgerClosed";

	/** Item type of ledger entries in attachments and audit events. */
	public static final String ITEM_TYPE = "ledger-entry";

	// User tasks
	/** 指定责任人: the unit leader names the responsible person. */
	public static final String TASK_ASSIGN_RESPONSIBLE = "Task_AssignResponsible";

	/** 制定整改措施: the responsible person drafts measures and deadline. */
	public static final String TASK_DRAFT_MEASURES = "Task_DraftMeasures";

	/** 审核整改措施: the responsible leader approves or returns the measures. */
	public static final String TASK_APPROVE_MEASURES = "Task_ApproveMeasures";

	/** 整改落实: the work; progress reports, closure or carry-over requests. */
	public static final String TASK_RECTIFY = "Task_Rectify";

	/** 销号验收: the campaign office accepts or rejects the closure. */
	public static final String TASK_ACCEPT_CLOSURE = "Task_AcceptClosure";

	/** 结转审批: the party group approves or rejects the carry-over. */
	public static final String TASK_APPROVE_CARRY_OVER = "Task_ApproveCarryOver";

	// Other elements
	public static final String TASK_ARM_DEADLINE = "Task_ArmDeadline";

	public static final String SUBPROCESS_RECTIFY = "SubProcess_Rectify";

	public static final String GATEWAY_MEASURES_APPROVED = "Gateway_MeasuresApproved";

	public static final String GATEWAY_RECTIFY_ACTION = "Gateway_RectifyAction";

	public static final String GATEWAY_CLOSURE_ACCEPTED = "Gateway_ClosureAccepted";

	public static final String GATEWAY_CARRY_OVER_APPROVED = "Gateway_CarryOverApproved";

	/** End event: closed (已销号). */
	public static final String EVENT_CLOSED = "Event_Closed";

	/** End event: carried over (已结转). */
	public static final String EVENT_CARRIED_OVER = "Event_CarriedOver";

	// Variables set at start
	public static final String VAR_LEDGER_ENTRY_ID = "ledgerEntryId";

	public static final String VAR_ENTRY_CODE = "entryCode";

	public static final String VAR_CAMPAIGN_ID = "campaignId";

	public static final String VAR_CAMPAIGN_CODE = "campaignCode";

	public static final String VAR_UNIT_CODE = "unitCode";

	public static final String VAR_UNIT_NAME = "unitName";

	/** The responsible person as forms show them: name and unit (task-local). */
	public static final String VAR_RESPONSIBLE_PERSON_NAME = "responsiblePersonName";

	public static final String VAR_UNIT_LEADER = "unitLeader";

	public static final String VAR_CATEGORY_NAME = "categoryName";

	/** The problem's description, cut to 200 characters, for the forms. */
	public static final String VAR_PROBLEM_SUMMARY = "problemSummary";

	// Variables submitted by the forms
	public static final String VAR_RESPONSIBLE_PERSON = "responsiblePerson";

	/** The responsible leader: the unit leader unless the assignment names another. */
	public static final String VAR_RESPONSIBLE_LEADER = "responsibleLeader";

	/**
	 * The measures as one text: what an integration may still send instead of
	 * {@link #VAR_MEASURE_ROWS} (one measure, the entry's responsible person).
	 */
	public static final String VAR_MEASURES = "measures";

	/**
	 * The measures as rows (a dynamic list: {@code measure}, {@code responsible},
	 * {@code deadline}): the drafting form's carrier, and what the approval and work
	 * forms show (task-local, dates in Chinese, persons by name).
	 */
	public static final String VAR_MEASURE_ROWS = "measureRows";

	/** The unit's staff as the options of a measure's responsible person (task-local). */
	public static final String VAR_RESPONSIBLE_OPTIONS = "responsibleOptions";

	/** Working days allowed for the rectification (alternative to a date). */
	public static final String VAR_WORKING_DAYS = "workingDays";

	/** The deadline as a date, {@code yyyy-MM-dd} (alternative to working days). */
	public static final String VAR_DEADLINE_DATE = "deadlineDate";

	/** The proposed, then approved deadline; armed by {@code Task_ArmDeadline}. */
	public static final String VAR_DEADLINE_AT = DeadlinePattern.VAR_DEADLINE_AT;

	/** Decision of {@link #TASK_APPROVE_MEASURES}. */
	public static final String VAR_MEASURES_APPROVED = "measuresApproved";

	/** What the work task submits: one of {@link Action}. */
	public static final String VAR_RECTIFY_ACTION = "rectifyAction";

	public static final String VAR_PROGRESS_TEXT = "progressText";

	public static final String VAR_EVIDENCE_NOTE = "evidenceNote";

	/**
	 * The earlier closure requests' notes and the rejection, as the work form shows them
	 * (task-local).
	 */
	public static final String VAR_PREVIOUS_EVIDENCE = "previousEvidence";

	public static final String VAR_CARRY_OVER_REASON = "carryOverReason";

	/** Decision of {@link #TASK_ACCEPT_CLOSURE}. */
	public static final String VAR_CLOSURE_ACCEPTED = "closureAccepted";

	/** Decision of {@link #TASK_APPROVE_CARRY_OVER}. */
	public static final String VAR_CARRY_OVER_APPROVED = "carryOverApproved";

	/**
	 * Set when the work ends: {@code true} for carried over, {@code false} for closed.
	 */
	public static final String VAR_CARRIED_OVER = "carriedOver";

	/** The approval opinion (审批意见) of the approval tasks. */
	public static final String VAR_OPINION = "opinion";

	/** The choices of the work task. */
	public enum Action {

		/** 报告整改进展: store a progress report, stay in the work. */
		PROGRESS,
		/** 申请销号: the work is done, evidence attached. */
		CLOSURE,
		/** 申请结转: cannot be finished within the campaign. */
		CARRY_OVER

	}

	private RectificationProcess() {
	}

}
