package org.rectifyflow.inspection;

import org.rectifyflow.deadline.DeadlinePattern;

/**
 * Ids and variable names of {@code bpmn/inspection.bpmn} (明察暗访), business key = the
 * inspection's code (e.g. {@code JC-2026-003}; the code does not tell 明察 from 暗访).
 */
public final class InspectionProcess {

	/** Process definition key. */
	public static final String KEY = "inspection";

	/** Item type of inspections in attachments and audit events. */
	public static final String ITEM_TYPE = "inspection";

	// User tasks
	/** 制定检查方案: the planner (discipline-group) plans, or re-plans after a return. */
	public static final String TASK_PLAN = "Task_Plan";

	/** 审批检查方案和检查组: discipline-lead approves, asks for a redraw or returns. */
	public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";

	/** 现场检查: one per team member, assigned to the member. */
	public static final String TASK_FIELD_WORK = "Task_FieldWork";

	/** 汇总检查情况: the team leader consolidates the findings. */
	public static final String TASK_REPORT = "Task_Report";

	// Service tasks and other elements
	public static final String TASK_REGISTER = "Task_Register";

	public static final String TASK_DRAW_TEAM = "Task_DrawTeam";

	public static final String TASK_ARM_DEADLINE = DeadlinePattern.TASK_ARM_DEADLINE;

	public static final String TASK_END_FIELD_WORK = "Task_EndFieldWork";

	public static final String SUBPROCESS_FIELD_WORK = "SubProcess_FieldWork";

	public static final String SUBPROCESS_MEMBER_WORK = "SubProcess_MemberWork";

	public static final String GATEWAY_TEAM_DRAWN = "Gateway_TeamDrawn";

	public static final String GATEWAY_PLAN_DECISION = "Gateway_PlanDecision";

	public static final String GATEWAY_MORE_FINDINGS = "Gateway_MoreFindings";

	public static final String EVENT_CLOSED = "Event_Closed";

	// Variables
	public static final String VAR_INSPECTION_ID = "inspectionId";

	public static final String VAR_INSPECTION_CODE = "inspectionCode";

	/** The user who started the inspection ({@code camunda:initiator}). */
	public static final String VAR_PLANNER = "planner";

	/** Options of the plan form's target units (task-local): active units by name. */
	public static final String VAR_UNIT_OPTIONS = "unitOptions";

	/**
	 * Options of the plan form's focus and the field work's category (task-local): the
	 * problem categories by Chinese label.
	 */
	public static final String VAR_CATEGORY_OPTIONS = "categoryOptions";

	/** Options of the field work's unit (task-local): the target units by name. */
	public static final String VAR_TARGET_UNIT_OPTIONS = "targetUnitOptions";

	/** The plan's places as the approval and field work forms show them (task-local). */
	public static final String VAR_PLACES_TEXT = "placesText";

	/** The plan's focus as the approval and field work forms show it (task-local). */
	public static final String VAR_FOCUS_TEXT = "focusText";

	// Plan form
	public static final String VAR_KIND = "kind";

	public static final String VAR_TITLE = "title";

	/**
	 * Target units: a checklist of unit codes (an integration may send {@code u1,u2}).
	 */
	public static final String VAR_TARGET_UNITS = "targetUnits";

	/**
	 * The target units by name, as the approval and field work forms show them
	 * (task-local).
	 */
	public static final String VAR_TARGET_UNIT_NAMES = "targetUnitNames";

	/** The kind in Chinese (明察, 暗访), as forms show it (task-local). */
	public static final String VAR_KIND_NAME = "kindName";

	/**
	 * Places: a list of rows, each with a {@code place} (an integration may send lines).
	 */
	public static final String VAR_PLACES = "places";

	/** {@code yyyy-MM-dd}. */
	public static final String VAR_PERIOD_START = "periodStart";

	/** {@code yyyy-MM-dd}; the field work's deadline is 18:00 that day. */
	public static final String VAR_PERIOD_END = "periodEnd";

	public static final String VAR_TEAM_SIZE = "teamSize";

	/** Focus: a taglist of problem category codes (an integration may send text). */
	public static final String VAR_FOCUS = "focus";

	// Draw
	/** Whether the last draw found enough people. */
	public static final String VAR_TEAM_DRAWN = "teamDrawn";

	/** Why the last draw failed, for the planner; {@code null} after a good draw. */
	public static final String VAR_DRAW_MESSAGE = "drawMessage";

	/** The drawn team as text, for the approval form. */
	public static final String VAR_TEAM_SUMMARY = "teamSummary";

	public static final String VAR_TEAM_LEADER = "teamLeader";

	// Approval
	/** Decision of {@link #TASK_APPROVE_PLAN}: one of {@link PlanDecision}. */
	public static final String VAR_PLAN_DECISION = "planDecision";

	public static final String VAR_OPINION = "opinion";

	// Field work (per member: the multi-instance element variable)
	public static final String VAR_MEMBER = "member";

	/** Field work form: {@code FINDING} (record one, continue) or {@code DONE}. */
	public static final String VAR_FIELD_ACTION = "fieldAction";

	public static final String VAR_FINDING_METHOD = "findingMethod";

	public static final String VAR_FINDING_PLACE = "findingPlace";

	public static final String VAR_FINDING_UNIT = "findingUnit";

	public static final String VAR_FINDING_TYPE = "findingType";

	public static final String VAR_FINDING_PERSON = "findingPerson";

	public static final String VAR_FINDING_CATEGORY = "findingCategory";

	public static final String VAR_FINDING_DESCRIPTION = "findingDescription";

	/** Local to a member's work: whether the member continues recording. */
	public static final String VAR_MORE_FINDINGS = "moreFindings";

	/** The field work's deadline, armed when the plan is approved. */
	public static final String VAR_DEADLINE_AT = DeadlinePattern.VAR_DEADLINE_AT;

	// Report
	/** The findings as text, for the report form. */
	public static final String VAR_FINDINGS_SUMMARY = "findingsSummary";

	public static final String VAR_REPORT_SUMMARY = "reportSummary";

	/** Decisions of the plan approval. */
	public enum PlanDecision {

		/** 同意. */
		APPROVE,
		/** 重新抽取检查组. */
		REDRAW,
		/** 退回修改方案. */
		RETURN

	}

	/** Choices of the field work form. */
	public enum FieldAction {

		/** 记录一条发现的问题, then continue. */
		FINDING,
		/** 现场检查完毕. */
		DONE

	}

	private InspectionProcess() {
	}

}
