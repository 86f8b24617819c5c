package org.rectifyflow.recommendation;

import org.rectifyflow.deadline.DeadlinePattern;

/**
 * Ids and variable names of {@code bpmn/recommendation.bpmn} (纪律检查建议书 / 监察建议书), business
 * key = the letter's code ({@code JY-2026-001}); the document number (文号, e.g.
 * 纪建〔2026〕3号) is given when the letter is issued.
 */
public final class RecommendationProcess {

	/** Process definition key. */
	public static final String KEY = "recommendation";

	/** Item type of letters in attachments (the unit's evidence) and audit events. */
	public static final String ITEM_TYPE = "recommendation";

	// User tasks
	/** 起草建议书: discipline-group. */
	public static final String TASK_DRAFT = "Task_Draft";

	/** 审批建议书: discipline-lead, four eyes. */
	public static final String TASK_APPROVE = "Task_Approve";

	/** 回复整改情况: the unit's recorded leader, under the deadline pattern. */
	public static final String TASK_REPLY = "Task_Reply";

	/** 核实整改情况: discipline-group accepts or sends back. */
	public static final String TASK_VERIFY = "Task_Verify";

	// Other elements
	public static final String TASK_REGISTER = "Task_Register";

	public static final String TASK_ISSUE = "Task_Issue";

	public static final String TASK_ARM_DEADLINE = DeadlinePattern.TASK_ARM_DEADLINE;

	public static final String SUBPROCESS_REPLY = "SubProcess_Reply";

	public static final String GATEWAY_APPROVED = "Gateway_Approved";

	public static final String GATEWAY_REPLY_ACCEPTED = "Gateway_ReplyAccepted";

	public static final String EVENT_CLOSED = "Event_Closed";

	// Variables
	public static final String VAR_LETTER_ID = "letterId";

	public static final String VAR_LETTER_CODE = "letterCode";

	/** Who started it ({@code camunda:initiator}). */
	public static final String VAR_STARTED_BY = "startedBy";

	/** Options of the draft's unit (task-local): active units by name. */
	public static final String VAR_UNIT_OPTIONS = "unitOptions";

	/**
	 * Options of the draft's basis (task-local): the campaign problems by Chinese label,
	 * by problem id.
	 */
	public static final String VAR_BASIS_OPTIONS = "basisOptions";

	/** The problems as the later forms show them, numbered (task-local). */
	public static final String VAR_PROBLEMS_TEXT = "problemsText";

	/** The requirements as the later forms show them, numbered (task-local). */
	public static final String VAR_REQUIREMENTS_TEXT = "requirementsText";

	/** The basis as the approval form shows it (task-local). */
	public static final String VAR_BASIS_TEXT = "basisText";

	// Draft form (a campaign flag pre-fills unitCode and problems)
	/** {@code DISCIPLINE} (纪律检查建议书) or {@code SUPERVISION} (监察建议书). */
	public static final String VAR_LETTER_KIND = "letterKind";

	public static final String VAR_UNIT_CODE = "unitCode";

	/**
	 * The problems: a list of rows, each with an {@code item} (an integration may send
	 * lines).
	 */
	public static final String VAR_PROBLEMS = "problems";

	/** The campaign problems the letter rests on: a taglist of problem ids. */
	public static final String VAR_BASIS_REFS = "basisRefs";

	/** The requirements: a list of rows, each with an {@code item} (or lines of text). */
	public static final String VAR_REQUIREMENTS = "requirements";

	public static final String VAR_REPLY_WORKING_DAYS = "replyWorkingDays";

	// Approval and issue
	public static final String VAR_LETTER_APPROVED = "letterApproved";

	public static final String VAR_OPINION = "opinion";

	public static final String VAR_DOC_NUMBER = "docNumber";

	/** The unit's recorded leader, who replies. */
	public static final String VAR_RECIPIENT = "recipient";

	public static final String VAR_UNIT_NAME = "unitName";

	/** The letter's kind in Chinese, as the approval form shows it (task-local). */
	public static final String VAR_LETTER_KIND_NAME = "letterKindName";

	// Reply and verification
	public static final String VAR_REPLY_MEASURES = "replyMeasures";

	public static final String VAR_REPLY_EVIDENCE = "replyEvidence";

	public static final String VAR_REPLY_ACCEPTED = "replyAccepted";

	public static final String VAR_DEADLINE_AT = DeadlinePattern.VAR_DEADLINE_AT;

	private RecommendationProcess() {
	}

}
