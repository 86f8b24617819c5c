package org.rectifyflow.inspection;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.audit.AuditEvent;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.inspection.internal.TeamDrawRecord;
import org.rectifyflow.inspection.internal.TeamDrawing;
import org.rectifyflow.inspection.internal.TeamMember;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.testsupport.EngineClock;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Walks every path of {@code inspection.bpmn} on the demo organisation, from Friday
 * 2026-09-18 10:00; the field work's deadline is 2026-09-30 18:00.
 */
@RectifyFlowTest
class InspectionProcessTest {

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(START);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant START = at(2026, 9, 18, 10);

	private static final Instant DEADLINE = at(2026, 9, 30, 18);

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private InspectionRegister inspections;

	@Autowired
	private InspectionDriver driver;

	@Autowired
	private LedgerService ledger;

	@Test
	void shouldPlanDrawRedrawReturnAndGoBackToThePlannerWhenTooFewPeople() {
		Inspection inspection = this.driver.start();
		ProcessInstance pi = this.driver.instance(inspection);
		assertThat(pi.getBusinessKey()).isEqualTo(inspection.getCode()).startsWith("JC-2026-");
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_PLAN);
		assertThat(this.driver.task(inspection, InspectionProcess.TASK_PLAN).getAssignee()).isEqualTo("discipline");

		// Bad plans are refused in the engine.
		assertThatThrownBy(() -> this.driver.plan(inspection, Inspection.Kind.UNANNOUNCED, "u1,u9", 2, "2026-09-30"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("u9");
		assertThatThrownBy(() -> this.driver.plan(inspection, Inspection.Kind.UNANNOUNCED, "u1", 2, "2026-09-01"))
			.isInstanceOf(TaskRuleViolation.class);
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_PLAN);

		// Three units are left after 回避 of u1 and u2: a team of four cannot be drawn.
		this.driver.plan(inspection, Inspection.Kind.UNANNOUNCED, "u1,u2", 4, "2026-09-30");
		assertThat(pi).hasPassed(InspectionProcess.TASK_DRAW_TEAM).isWaitingAt(InspectionProcess.TASK_PLAN);
		assertThat((String) this.runtimeService.getVariable(pi.getId(), InspectionProcess.VAR_DRAW_MESSAGE))
			.contains("不足检查组所需的4人");
		assertThat(this.driver.reload(inspection).getStatus()).isEqualTo(Inspection.Status.PLANNING);
		assertThat(this.inspections.draws(inspection.getId())).extracting(TeamDrawRecord::getOutcome)
			.containsExactly(TeamDrawRecord.Outcome.TOO_FEW);

		this.driver.plan(inspection, Inspection.Kind.UNANNOUNCED, "u1,u2", 2, "2026-09-30");
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_APPROVE_PLAN);
		assertTeamFollowsTheRules(inspection);
		// the approver reads the team by name and unit, no user ids
		assertThat((String) this.runtimeService.getVariable(pi.getId(), InspectionProcess.VAR_TEAM_SUMMARY))
			.matches("组长：[^；a-z]+（[^；a-z]+）(；组员：[^；a-z（]+（[^；a-z（）]+）)+");
		assertThat(this.driver.task(inspection, InspectionProcess.TASK_APPROVE_PLAN).getAssignee()).isNull();
		List<String> candidates = this.taskService
			.getIdentityLinksForTask(this.driver.task(inspection, InspectionProcess.TASK_APPROVE_PLAN).getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.toList();
		assertThat(candidates).contains("discipline-lead");

		// Redraw: a second draw record, the approval comes back.
		this.driver.decide(inspection, InspectionProcess.PlanDecision.REDRAW);
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_APPROVE_PLAN);
		assertThat(this.inspections.draws(inspection.getId())).hasSize(3);
		assertTeamFollowsTheRules(inspection);

		// Return: back to the planner, then approve.
		this.driver.decide(inspection, InspectionProcess.PlanDecision.RETURN);
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_PLAN);
		assertThat(this.driver.reload(inspection).getStatus()).isEqualTo(Inspection.Status.PLANNING);
		this.driver.plan(inspection, Inspection.Kind.ANNOUNCED, "u1,u2", 2, "2026-09-30");
		this.driver.decide(inspection, InspectionProcess.PlanDecision.APPROVE);
		assertThat(pi).hasPassed(InspectionProcess.TASK_ARM_DEADLINE).isWaitingAt(InspectionProcess.TASK_FIELD_WORK);
		assertThat(this.driver.reload(inspection).getStatus()).isEqualTo(Inspection.Status.FIELD_WORK);
		assertThat(this.driver.reload(inspection).getKind()).isEqualTo(Inspection.Kind.ANNOUNCED);

		// The draw is audited with its exclusions.
		List<AuditEvent> drawn = this.auditEvents
			.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(InspectionProcess.ITEM_TYPE,
					String.valueOf(inspection.getId()))
			.stream()
			.filter((e) -> e.getAction().startsWith("INSPECTION_TEAM_DRAW"))
			.toList();
		assertThat(drawn).hasSize(4);
		assertThat(drawn.get(0).getAction()).isEqualTo(TeamDrawing.ACTION_DRAW_FAILED);
		assertThat(drawn.get(1).getDetails()).contains("u1(u1):TARGET_UNIT", "u2lead(u2):TARGET_UNIT");
		assertThat(this.inspections.draws(inspection.getId()).get(1).getRecordJson()).contains("\"exclusions\"",
				"目标单位人员，回避", "\"candidates\"", "\"leader\"");
	}

	@Test
	void shouldStoreThePlansListsAsRowsAndStartAReturnedPlanFromThem() {
		Inspection inspection = this.driver.start();
		Task plan = this.driver.task(inspection, InspectionProcess.TASK_PLAN);
		assertThat(this.taskService.getVariableLocal(plan.getId(), InspectionProcess.VAR_UNIT_OPTIONS).toString())
			.contains("\"label\":\"办公室\"", "\"value\":\"u1\"");
		assertThat(this.taskService.getVariableLocal(plan.getId(), InspectionProcess.VAR_CATEGORY_OPTIONS).toString())
			.contains("\"value\":\"IMPLEMENT\"", "抓落实抓细");
		assertThat(this.taskService.getVariable(plan.getId(), InspectionProcess.VAR_PLACES).toString())
			.isEqualTo("[{\"place\":\"\"}]");

		// Rows are checked one by one; a focus must be one of the categories.
		assertThatThrownBy(() -> completePlan(inspection, List.of("u1", "u2"),
				List.of(Map.of("place", "XX镇"), Map.of("place", "镇".repeat(201))), List.of("IMPLEMENT")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第2行「地点」不能超过200个字");
		assertThatThrownBy(() -> completePlan(inspection, List.of("u1", "u2"), List.of(Map.of("place", "XX镇")),
				List.of("NO-SUCH")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「检查重点」的选项无效");
		assertThatThrownBy(
				() -> completePlan(inspection, List.of("u1", "u9"), List.of(Map.of("place", "XX镇")), List.of()))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「目标单位」的选项无效");

		completePlan(inspection, List.of("u1", "u2"),
				List.of(Map.of("place", "XX镇政务服务大厅"), Map.of("place", ""), Map.of("place", "XX嘎查村")),
				List.of("IMPLEMENT", "IMPLEMENT-SUPERVISION"));
		Inspection planned = this.driver.reload(inspection);
		assertThat(planned.targetUnitList()).containsExactly("u1", "u2");
		assertThat(planned.getPlaceList()).containsExactly("XX镇政务服务大厅", "XX嘎查村");
		assertThat(planned.getPlaces()).isEqualTo("XX镇政务服务大厅、XX嘎查村");
		assertThat(planned.getFocusCategories()).containsExactly("IMPLEMENT", "IMPLEMENT-SUPERVISION");
		assertThat(planned.getFocus()).isEqualTo("抓落实抓细、抓落实抓细／督查督办力度不大");
		ProcessInstance pi = this.driver.instance(inspection);
		assertThat(this.runtimeService.getVariable(pi.getId(), InspectionProcess.VAR_PLACES)).isNull();
		assertThat(this.runtimeService.getVariable(pi.getId(), InspectionProcess.VAR_FOCUS)).isNull();

		// The approval shows the places and the focus in words.
		Task approval = this.driver.task(inspection, InspectionProcess.TASK_APPROVE_PLAN);
		assertThat(this.taskService.getVariableLocal(approval.getId(), InspectionProcess.VAR_PLACES_TEXT))
			.isEqualTo("XX镇政务服务大厅、XX嘎查村");
		assertThat(this.taskService.getVariableLocal(approval.getId(), InspectionProcess.VAR_FOCUS_TEXT))
			.isEqualTo("抓落实抓细、抓落实抓细／督查督办力度不大");

		// A returned plan starts from the stored lists.
		this.driver.decide(inspection, InspectionProcess.PlanDecision.RETURN);
		Task again = this.driver.task(inspection, InspectionProcess.TASK_PLAN);
		assertThat(this.taskService.getVariable(again.getId(), InspectionProcess.VAR_PLACES).toString())
			.isEqualTo("[{\"place\":\"XX镇政务服务大厅\"},{\"place\":\"XX嘎查村\"}]");
		assertThat(this.taskService.getVariable(again.getId(), InspectionProcess.VAR_TARGET_UNITS).toString())
			.isEqualTo("[\"u1\",\"u2\"]");
		assertThat(this.taskService.getVariable(again.getId(), InspectionProcess.VAR_FOCUS).toString())
			.isEqualTo("[\"IMPLEMENT\",\"IMPLEMENT-SUPERVISION\"]");
	}

	private void completePlan(Inspection inspection, List<String> targets, List<Map<String, String>> places,
			List<String> focus) {
		this.driver.complete(this.driver.task(inspection, InspectionProcess.TASK_PLAN), InspectionProcess.VAR_KIND,
				"ANNOUNCED", InspectionProcess.VAR_TITLE, "窗口服务作风检查", InspectionProcess.VAR_TARGET_UNITS, targets,
				InspectionProcess.VAR_PLACES, places, InspectionProcess.VAR_PERIOD_START, "2026-09-21",
				InspectionProcess.VAR_PERIOD_END, "2026-09-30", InspectionProcess.VAR_TEAM_SIZE, 2L,
				InspectionProcess.VAR_FOCUS, focus);
	}

	@Test
	void shouldGiveEveryMemberAFieldTaskAndHandTheFindingsOver() {
		Inspection inspection = this.driver.toFieldWork(Inspection.Kind.UNANNOUNCED);
		ProcessInstance pi = this.driver.instance(inspection);
		List<TeamMember> team = this.inspections.team(inspection.getId());
		assertThat(team).hasSize(3);
		List<Task> fieldTasks = this.driver.tasks(inspection, InspectionProcess.TASK_FIELD_WORK);
		assertThat(fieldTasks).extracting(Task::getAssignee)
			.containsExactlyInAnyOrderElementsOf(team.stream().map(TeamMember::getUserId).toList());
		assertThat(fieldTasks).allSatisfy((t) -> assertThat(t.getDueDate().toInstant()).isEqualTo(DEADLINE));
		String leader = this.driver.reload(inspection).getTeamLeader();
		String member = team.stream().filter((m) -> !m.isTeamLeader()).findFirst().orElseThrow().getUserId();

		// A finding outside the target units is refused.
		assertThatThrownBy(
				() -> this.driver.finding(inspection, member, "u3", Finding.Type.PROBLEM, "台账记录与实际不符，补记痕迹明显"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("目标单位");

		this.driver.finding(inspection, member, "u1", Finding.Type.CLUE, "惠农补贴发放中有工作人员优亲厚友");
		this.driver.finding(inspection, member, "u2", Finding.Type.PROBLEM, "惠农政策公示不到位，以会议落实会议");
		assertThat(this.driver.fieldTaskOf(inspection, member)).isNotNull();
		assertThat(this.runtimeService.getVariable(pi.getId(), InspectionProcess.VAR_FINDING_DESCRIPTION)).isNull();
		this.driver.done(inspection, member);
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_FIELD_WORK);
		assertThat(this.driver.reload(inspection).isDisclosed()).isFalse();
		this.driver.allDone(inspection);

		assertThat(pi).hasPassed(InspectionProcess.TASK_END_FIELD_WORK).isWaitingAt(InspectionProcess.TASK_REPORT);
		Inspection reporting = this.driver.reload(inspection);
		assertThat(reporting.getStatus()).isEqualTo(Inspection.Status.REPORTING);
		assertThat(reporting.isDisclosed()).isTrue();
		assertThat(this.driver.task(inspection, InspectionProcess.TASK_REPORT).getAssignee()).isEqualTo(leader);
		assertThat((String) this.runtimeService.getVariable(pi.getId(), InspectionProcess.VAR_FINDINGS_SUMMARY))
			.contains("优亲厚友", "以会议落实会议", "[实地查看] 办公室 XX镇XX嘎查")
			.doesNotContain(" u1 ", " u2 ");

		this.driver.complete(this.driver.task(inspection, InspectionProcess.TASK_REPORT),
				InspectionProcess.VAR_REPORT_SUMMARY, "共发现问题2个，问题线索1条");
		assertThat(pi).hasPassed(InspectionProcess.EVENT_CLOSED).isEnded();
		assertThat(this.driver.reload(inspection).getStatus()).isEqualTo(Inspection.Status.CLOSED);
		List<Finding> findings = this.inspections.findings(inspection.getId());
		assertThat(findings).extracting(Finding::getType).containsExactly(Finding.Type.CLUE, Finding.Type.PROBLEM);
		assertThat(findings).allSatisfy((f) -> assertThat(f.getStatus()).isEqualTo(Finding.Status.HANDED_OVER));
		// The clue about a person became a clue (channel INSPECTION) with its own
		// process.
		Finding clue = findings.get(0);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ClueProcess.KEY)
			.processInstanceBusinessKey(clue.getTargetRef())
			.count()).isEqualTo(1);
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(ClueProcess.ITEM_TYPE,
				clue.getTargetRef()))
			.anySatisfy((e) -> assertThat(e.getDetails()).contains("channel=INSPECTION"));
		// The problem of u2 became a problem of the running demo campaign (in 问题整改) with
		// its own ledger entry and rectification instance.
		Finding problem = findings.get(1);
		assertThat(problem.getStatus()).isEqualTo(Finding.Status.HANDED_OVER);
		ProcessInstance rectification = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.KEY)
			.processInstanceBusinessKey(problem.getTargetRef())
			.singleResult();
		assertThat(rectification).isNotNull();
		assertThat(this.ledger.findByCode(problem.getTargetRef()).orElseThrow().getSourceRef())
			.isEqualTo(inspection.getCode());
	}

	@Test
	void shouldEscalateOverdueFieldWorkInsideTheDisciplineGroup() {
		Inspection inspection = this.driver.toFieldWork(Inspection.Kind.UNANNOUNCED);
		ProcessInstance pi = this.driver.instance(inspection);
		Job deadline = this.managementService.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId(DeadlinePattern.TIMER_DEADLINE_PASSED)
			.singleResult();
		assertThat(deadline.getDuedate().toInstant()).isEqualTo(DEADLINE);
		this.clock.set(DEADLINE);
		this.managementService.executeJob(deadline.getId());

		ProcessInstance ladder = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId())
			.processDefinitionKey(EscalationProcess.KEY)
			.singleResult();
		Task supervise = this.taskService.createTaskQuery()
			.processInstanceId(ladder.getId())
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.singleResult();
		assertThat(this.taskService.getIdentityLinksForTask(supervise.getId())).extracting(IdentityLink::getGroupId)
			.containsOnly("discipline-lead");
		assertThat(this.driver.reload(inspection).isOverdue()).isTrue();
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_FIELD_WORK);

		// Ending the field work ends the ladder.
		this.driver.allDone(inspection);
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(ladder.getId()).count()).isZero();
		assertThat(pi).isWaitingAt(InspectionProcess.TASK_REPORT);
	}

	private void assertTeamFollowsTheRules(Inspection inspection) {
		List<TeamMember> team = this.inspections.team(inspection.getId());
		assertThat(team).filteredOn(TeamMember::isTeamLeader)
			.singleElement()
			.satisfies((m) -> assertThat(m.getUserId()).isIn("discipline", "discipline2"));
		List<TeamMember> staff = team.stream().filter((m) -> !m.isTeamLeader()).toList();
		assertThat(staff).hasSize(2);
		assertThat(staff).extracting(TeamMember::getUnitCode).doesNotHaveDuplicates().doesNotContain("u1", "u2");
	}

	private static Instant at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).atZone(SHANGHAI).toInstant();
	}

}
