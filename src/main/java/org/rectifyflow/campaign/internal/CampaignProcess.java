package org.rectifyflow.campaign.internal;

/**
 * Ids and variables of {@code bpmn/campaign.bpmn} (专项整治).
 */
public final class CampaignProcess {

	public static final String KEY = "campaign";

	public static final String START_EVENT = "StartEvent_Campaign";

	public static final String TASK_REGISTER = "Task_RegisterCampaign";

	public static final String TASK_STUDY_SESSION = "Task_RecordStudySession";

	public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";

	public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";

	public static final String TASK_PUBLISH_PLAN = "Task_PublishPlan";

	public static final String SUBPROCESS_SELF_INSPECTION = "SubProcess_SelfInspection";

	public static final String TASK_SELF_INSPECTION = "Task_SelfInspection";

	public static final String TASK_ASSIGN_CROSS_INSPECTION = "Task_AssignCrossInspection";

	public static final String SUBPROCESS_CROSS_INSPECTION = "SubProcess_CrossInspection";

	public static final String TASK_CROSS_INSPECTION = "Task_CrossInspection";

	public static final String TIMER_CROSS_INSPECTION_REMINDER = "Timer_CrossInspectionReminder";

	public static final String TIMER_CROSS_INSPECTION_DEADLINE = "Timer_CrossInspectionDeadlinePassed";

	public static final String TASK_REVIEW = "Task_Review";

	public static final String SUBPROCESS_RECTIFY = "SubProcess_Rectify";

	public static final String TASK_OPEN_LEDGER = "Task_OpenLedgerEntries";

	public static final String EVENT_LEDGER_CLOSED = "Event_LedgerClosed";

	public static final String MESSAGE_LEDGER_CLOSED = "Message_LedgerClosed";

	public static final String TIMER_ANALYSIS = "Timer_Analysis";

	public static final String SUBPROCESS_ANALYSIS = "SubProcess_Analysis";

	public static final String TASK_ANALYSIS_REVIEW = "Task_AnalysisReview";

	public static final String TASK_DECIDE_FLAG = "Task_DecideFlag";

	public static final String TASK_DRAFT_REGULATION = "Task_DraftRegulation";

	public static final String TASK_REVIEW_REGULATION = "Task_ReviewRegulation";

	public static final String TASK_SUMMARY = "Task_CampaignSummary";

	public static final String EVENT_END = "Event_CampaignEnded";

	/** The campaign entity id (Long). */
	public static final String VAR_CAMPAIGN_ID = "campaignId";

	/** The campaign code, also the business key. */
	public static final String VAR_CAMPAIGN_CODE = "campaignCode";

	/** Readable name of the instance for Cockpit: code and title. */
	public static final String VAR_CAMPAIGN_NAME = "campaignName";

	/** The current phase, in Chinese. */
	public static final String VAR_PHASE = "phase";

	// Start form
	public static final String VAR_TITLE = "title";

	public static final String VAR_BASIS_DOCUMENTS = "basisDocuments";

	public static final String VAR_SCOPE_UNITS = "scopeUnits";

	public static final String VAR_SELF_INSPECTION_DEADLINE = "selfInspectionDeadline";

	public static final String VAR_CROSS_INSPECTION_DEADLINE = "crossInspectionDeadline";

	public static final String VAR_REVIEW_DEADLINE = "reviewDeadline";

	public static final String VAR_RECTIFICATION_DEADLINE = "rectificationDeadline";

	public static final String VAR_REGULATION_DEADLINE = "regulationDeadline";

	// Study session
	public static final String VAR_STUDY_DATE = "studyDate";

	public static final String VAR_ATTENDEES = "attendees";

	/** The confirmed problems, as the options of a regulation's problems. */
	public static final String VAR_REGULATION_PROBLEM_OPTIONS = "regulationProblemOptions";

	/** The study session's attendees from outside: a list of name and unit. */
	public static final String VAR_EXTERNAL_ATTENDEES = "externalAttendees";

	/** The people of the organisation, as the options of {@link #VAR_ATTENDEES}. */
	public static final String VAR_ATTENDEE_OPTIONS = "attendeeOptions";

	public static final String VAR_MATERIALS = "materials";

	// Plan
	public static final String VAR_CATEGORIES = "categories";

	public static final String VAR_PLAN_APPROVED = "planApproved";

	// Inspections
	public static final String VAR_UNIT_CODE = "unitCode";

	public static final String VAR_INSPECTOR_UNIT = "inspectorUnit";

	public static final String VAR_INSPECTED_UNIT = "inspectedUnit";

	public static final String VAR_PROBLEMS = "problems";

	/** The options of a problem's category in the 自查/互查 form (task-local). */
	public static final String VAR_CATEGORY_OPTIONS = "categoryOptions";

	/** The options of a problem's severity (task-local). */
	public static final String VAR_SEVERITY_OPTIONS = "severityOptions";

	/** The units a plan may cover, by name (task-local). */
	public static final String VAR_UNIT_OPTIONS = "unitOptions";

	/** The categories a plan may name (task-local). */
	public static final String VAR_CATEGORY_PLAN_OPTIONS = "categoryPlanOptions";

	/** The decisions a 全面剖析 row may take (task-local). */
	public static final String VAR_DECISION_OPTIONS = "decisionOptions";

	/** The problems a 全面剖析 row may be merged into (task-local). */
	public static final String VAR_PROBLEM_OPTIONS = "problemOptions";

	/** 互查: the inspected unit's own 自查 list, shown read-only (task-local). */
	public static final String VAR_OWN_PROBLEMS = "ownProblems";

	public static final String VAR_CROSS_INSPECTION_NEEDED = "crossInspectionNeeded";

	// Review
	public static final String VAR_DECISIONS = "decisions";

	// Rectification and analysis
	public static final String VAR_LEDGER_SETTLED = "ledgerSettled";

	public static final String VAR_SNAPSHOT_ID = "snapshotId";

	public static final String VAR_FLAG_ID = "flagId";

	public static final String VAR_REVIEW_NOTE = "reviewNote";

	public static final String VAR_DECISION_NOTE = "decisionNote";

	/** {@code Task_DecideFlag}: whether to issue a recommendation letter for the flag. */
	public static final String VAR_ISSUE_LETTER = "issueLetter";

	/** {@code Task_DecideFlag}: the unit the letter goes to. */
	public static final String VAR_LETTER_UNIT = "letterUnit";

	// Regulations
	public static final String VAR_REGULATION_ID = "regulationId";

	/** Task-local: the party group's opinion on the returned regulation draft. */
	public static final String VAR_RETURN_OPINION = "returnOpinion";

	public static final String VAR_REGULATION_TITLE = "regulationTitle";

	public static final String VAR_REGULATION_BODY = "regulationBody";

	public static final String VAR_REGULATION_PROBLEMS = "regulationProblems";

	public static final String VAR_MORE_REGULATIONS = "moreRegulations";

	public static final String VAR_REGULATION_APPROVED = "regulationApproved";

	public static final String VAR_SUMMARY = "summary";

	/** Display-only task variable with the text a form shows. */
	public static final String VAR_INFO = "info";

	private CampaignProcess() {
	}

}
