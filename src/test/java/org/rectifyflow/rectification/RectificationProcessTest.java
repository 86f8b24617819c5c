package org.rectifyflow.rectification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.deadline.SupervisionService;
import org.rectifyflow.rectification.internal.ProgressReport;
import org.rectifyflow.taskrules.ApprovalOpinion;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.testsupport.EngineClock;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Walks every path of {@code rectification.bpmn} with the 2026 calendar, starting on
 * Friday 2026-09-18 10:00: 5 working days count the make-up Sunday 09-20 and 09-21..24,
 * so the deadline is Thursday 09-24 18:00 and the reminder 09-23 18:00.
 */
@RectifyFlowTest
class RectificationProcessTest {

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(START);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant START = at(2026, 9, 18, 10);

	private static final Instant DEADLINE = at(2026, 9, 24, 18);

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private ApprovalOpinionService opinions;

	@Autowired
	private SupervisionService supervisionService;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private RectificationDriver driver;

	@Autowired
	private org.rectifyflow.campaign.CampaignService campaigns;

	@Test
	void shouldStoreTheMeasuresRowByRowAndStartAReturnedDraftFromThem() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		ProcessInstance pi = this.driver.instance(entry);
		this.driver.assign(entry, "u1");
		Task draft = this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES);
		// The responsible person is chosen among the unit's staff, by name; the list
		// starts with one row for the entry's responsible person.
		assertThat(this.taskService.getVariable(draft.getId(), RectificationProcess.VAR_RESPONSIBLE_OPTIONS).toString())
			.contains("\"value\":\"u1\"", "\"value\":\"u1lead\"")
			.doesNotContain("\"u2\"");
		assertThat(this.taskService.getVariable(draft.getId(), RectificationProcess.VAR_MEASURE_ROWS).toString())
			.isEqualTo("[{\"responsible\":\"u1\"}]");

		// Each row is checked, the message names the row and the field.
		assertThatThrownBy(() -> draftRows(entry, row("精简例会", "u2", null))).isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第1行「责任人」的选择无效");
		assertThatThrownBy(() -> draftRows(entry, row("精简例会", "u1", null), row(" ", "u1lead", null)))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第2行「措施内容」为必填项");
		assertThatThrownBy(() -> draftRows(entry, row("精简例会", "u1", "2026-09-25")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("第1行「完成时限」不能晚于整改时限2026年9月24日");
		assertThatThrownBy(() -> draftRows(entry)).isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("请至少填写一项整改措施");
		assertThat(this.driver.reload(entry).getMeasureRows()).isEmpty();

		draftRows(entry, row("精简例会，合并同类会议", "u1", "2026-09-22"), row("建立无会日制度", "u1lead", null));
		LedgerEntry drafted = this.driver.reload(entry);
		assertThat(drafted.getMeasureRows())
			.extracting(LedgerMeasure::getText, LedgerMeasure::getResponsible, LedgerMeasure::getDeadline)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("精简例会，合并同类会议", "u1", java.time.LocalDate.of(2026, 9, 22)),
					org.assertj.core.groups.Tuple.tuple("建立无会日制度", "u1lead", null));
		assertThat(drafted.getMeasures()).startsWith("1. 精简例会，合并同类会议；责任人：")
			.contains("完成时限：2026年9月22日\n2. 建立无会日制度；责任人：");
		// The approver sees the rows with names and Chinese dates.
		Task approval = this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES);
		assertThat(this.taskService.getVariable(approval.getId(), RectificationProcess.VAR_MEASURE_ROWS).toString())
			.contains("2026年9月22日", "随整改时限")
			.doesNotContain("\"u1\"");

		// A letter's reply starts from the rows.
		assertThat(this.campaigns.ledgerMeasures(entry.getCampaignId(), "u1")).singleElement()
			.asString()
			.contains("；整改措施：（1）精简例会，合并同类会议，责任人", "，2026年9月22日前完成；（2）建立无会日制度，责任人");

		// Returned: the next draft starts from the rows submitted.
		this.driver.decideMeasures(entry, false);
		Task again = this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES);
		assertThat(this.taskService.getVariable(again.getId(), RectificationProcess.VAR_MEASURE_ROWS).toString())
			.contains("\"measure\":\"精简例会，合并同类会议\"", "\"responsible\":\"u1\"", "\"deadline\":\"2026-09-22\"",
					"建立无会日制度");
		draftRows(entry, row("建立无会日制度", "u1lead", null));
		assertThat(this.driver.reload(entry).getMeasureRows()).extracting(LedgerMeasure::getText)
			.containsExactly("建立无会日制度");
		assertThat(this.runtimeService.getVariable(pi.getId(), RectificationProcess.VAR_MEASURE_ROWS)).isNull();
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName(RectificationProcess.VAR_MEASURE_ROWS)
			.count()).isZero();
	}

	@SafeVarargs
	private void draftRows(LedgerEntry entry, java.util.Map<String, Object>... rows) {
		this.driver.complete(entry, RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.VAR_MEASURE_ROWS,
				org.rectifyflow.taskrules.FormList.json(List.of(rows)), RectificationProcess.VAR_WORKING_DAYS, 5);
	}

	private static java.util.Map<String, Object> row(String measure, String responsible, String deadline) {
		java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("measure", measure);
		row.put("responsible", responsible);
		row.put("deadline", deadline);
		return row;
	}

	@Test
	void shouldWalkFromAssignmentThroughReturnsToClosure() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		ProcessInstance pi = this.driver.instance(entry);
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_ASSIGN_RESPONSIBLE);
		assertThat(pi.getBusinessKey()).isEqualTo(entry.getCode()).endsWith("-001");
		assertThat(this.driver.task(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE).getAssignee())
			.isEqualTo("u1lead");
		assertThat(entry.getStatus()).isEqualTo(LedgerEntry.Status.ASSIGNING);
		assertThat(entry.getResponsibleLeader()).isEqualTo("u1lead");
		// the unit's staff to choose from, by name and unit
		assertThat(this.taskService
			.getVariableLocal(this.driver.task(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE).getId(),
					RectificationProcess.VAR_RESPONSIBLE_OPTIONS)
			.toString()).contains("\"value\":\"u1\"", "\"label\":\"孙晓明（办公室）\"", "\"value\":\"u1lead\"")
			.doesNotContain("u2");

		// A person from another unit is refused; the task stays open.
		assertThatThrownBy(() -> this.driver.assign(entry, "u2")).isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("不是本单位人员");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_ASSIGN_RESPONSIBLE);

		this.driver.assign(entry, "u1");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_DRAFT_MEASURES);
		assertThat(this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getAssignee()).isEqualTo("u1");
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		assertThat(this.driver.reload(entry).getResponsiblePerson()).isEqualTo("u1");

		this.driver.draft(entry, 5);
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_APPROVE_MEASURES);
		assertThat(this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES).getAssignee())
			.isEqualTo("u1lead");
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.APPROVING);
		assertThat(this.driver.reload(entry).getDeadline().toInstant()).isEqualTo(DEADLINE);

		// Returned: drafted again, then approved.
		this.driver.decideMeasures(entry, false);
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_DRAFT_MEASURES);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		// The drafter sees the returning opinion; the next approval starts without one,
		// and the forms' inputs never reach the process instance.
		assertThat(
				this.taskService.getVariable(this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getId(),
						RectificationProcess.VAR_OPINION))
			.isEqualTo("措施不够具体，请细化");
		assertThat(this.runtimeService.getVariable(pi.getId(), RectificationProcess.VAR_OPINION)).isNull();
		this.driver.draft(entry, 5);
		Task approval = this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES);
		assertThat(this.taskService.getVariable(approval.getId(), RectificationProcess.VAR_OPINION)).isNull();
		assertThat(this.taskService.getVariable(approval.getId(), RectificationProcess.VAR_MEASURES_APPROVED)).isNull();
		assertThat(this.taskService.getVariable(approval.getId(), RectificationProcess.VAR_MEASURE_ROWS).toString())
			.contains("精简会议文件，严格执行无会日制度", "随整改时限");
		assertThat(this.runtimeService.getVariable(pi.getId(), RectificationProcess.VAR_MEASURES)).isNull();
		assertThat(this.runtimeService.getVariable(pi.getId(), RectificationProcess.VAR_MEASURE_ROWS)).isNull();
		this.driver.decideMeasures(entry, true);
		assertThat(pi).hasPassed(RectificationProcess.TASK_ARM_DEADLINE).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
		Task work = this.driver.task(entry, RectificationProcess.TASK_RECTIFY);
		assertThat(work.getAssignee()).isEqualTo("u1");
		assertThat(work.getDueDate().toInstant()).isEqualTo(DEADLINE);
		List<String> timers = timerIds(pi);
		assertThat(timers).hasSize(2);
		assertThat(due(timer(pi, DeadlinePattern.TIMER_DEADLINE_PASSED))).isEqualTo(DEADLINE);
		assertThat(this.opinions.history(pi.getId())).extracting(ApprovalOpinion::getDecision)
			.containsExactly("false", "true");

		// Progress reports, any number of times, inside the work.
		this.driver.work(entry, RectificationProcess.Action.PROGRESS, "已召开专题会议部署");
		this.driver.work(entry, RectificationProcess.Action.PROGRESS, "已起草精简文件制度");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		assertThat(this.ledger.progress(entry.getId())).extracting(ProgressReport::getText)
			.containsExactly("已召开专题会议部署", "已起草精简文件制度");
		assertThat(this.ledger.progress(entry.getId())).extracting(ProgressReport::getReportedBy).containsOnly("u1");

		// Closure rejected: back to the work, the deadline timers are the same jobs.
		this.driver.work(entry, RectificationProcess.Action.CLOSURE, "制度已起草");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_ACCEPT_CLOSURE);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.CLOSURE_REQUESTED);
		assertThat(this.driver.reload(entry).getEvidenceNote()).isEqualTo("制度已起草");
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskCandidateGroup("campaign-office")
			.count()).isEqualTo(1);
		this.driver.decideClosure(entry, false);
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
		assertThat(timerIds(pi)).containsExactlyInAnyOrderElementsOf(timers);
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(pi.getId())
			.activityId(RectificationProcess.TASK_ARM_DEADLINE)
			.count()).isEqualTo(1);

		// Closure accepted (销号): the instance ends at its own end event.
		this.driver.close(entry);
		assertThat(pi).hasPassed(RectificationProcess.EVENT_CLOSED)
			.hasNotPassed(RectificationProcess.EVENT_CARRIED_OVER)
			.isEnded();
		LedgerEntry closed = this.driver.reload(entry);
		assertThat(closed.getStatus()).isEqualTo(LedgerEntry.Status.CLOSED);
		assertThat(closed.getClosedAt()).isNotNull();
		assertThat(closed.isOverdue()).isFalse();
		assertThat(this.managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void shouldCarryOverWhenThePartyGroupApproves() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		ProcessInstance pi = this.driver.instance(entry);
		this.driver.toWork(entry);

		this.driver.work(entry, RectificationProcess.Action.CARRY_OVER, "需上级审批");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_APPROVE_CARRY_OVER);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskCandidateGroup("party-group")
			.count()).isEqualTo(1);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.CARRY_OVER_REQUESTED);
		this.driver.decideCarryOver(entry, false);
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);

		this.driver.work(entry, RectificationProcess.Action.CARRY_OVER, "涉及上级审批，需跨年度推进");
		this.driver.decideCarryOver(entry, true);
		assertThat(pi).hasPassed(RectificationProcess.EVENT_CARRIED_OVER)
			.hasNotPassed(RectificationProcess.EVENT_CLOSED)
			.isEnded();
		LedgerEntry carried = this.driver.reload(entry);
		assertThat(carried.getStatus()).isEqualTo(LedgerEntry.Status.CARRIED_OVER);
		assertThat(carried.getCarriedOverReason()).isEqualTo("涉及上级审批，需跨年度推进");
		assertThat(carried.getCarriedOverAt()).isNotNull();
		assertThat(carried.getClosedAt()).isNull();
	}

	@Test
	void shouldEscalateAnOverdueRectificationWhileTheWorkIsOpen() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		ProcessInstance pi = this.driver.instance(entry);
		this.driver.toWork(entry);

		Job deadline = timer(pi, DeadlinePattern.TIMER_DEADLINE_PASSED);
		assertThat(due(deadline)).isEqualTo(DEADLINE);
		this.clock.set(DEADLINE);
		this.managementService.executeJob(deadline.getId());

		assertThat(pi).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		ProcessInstance ladder = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId())
			.processDefinitionKey(EscalationProcess.KEY)
			.singleResult();
		assertThat(ladder).isNotNull();
		Task supervise = this.taskService.createTaskQuery()
			.processInstanceId(ladder.getId())
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.singleResult();
		assertThat(supervise.getName()).startsWith("督办：").contains(entry.getCode());
		assertThat(this.taskService.getIdentityLinksForTask(supervise.getId())).anySatisfy(
				(link) -> org.assertj.core.api.Assertions.assertThat(link.getGroupId()).isEqualTo("supervisors"));
		LedgerEntry overdue = this.driver.reload(entry);
		assertThat(overdue.isOverdue()).isTrue();
		assertThat(overdue.getOverdueSince().toInstant()).isEqualTo(DEADLINE);
		assertThat(this.ledger.summary(entry.getCampaignId()).overdue()).isEqualTo(1);

		// Closing the work ends the ladder and its 督办 task; the overdue mark stays.
		this.driver.close(entry);
		assertThat(pi).isEnded();
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(ladder.getId()).count()).isZero();
		assertThat(this.supervisionService.openNotices(pi.getId())).isEmpty();
		assertThat(this.driver.reload(entry).isOverdue()).isTrue();
		assertThat(this.ledger.summary(entry.getCampaignId()).overdue()).isZero();
	}

	@Test
	void shouldRefuseBadDraftsAndWorkReportsAndKeepTheTaskOpen() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		ProcessInstance pi = this.driver.instance(entry);
		assertThatThrownBy(() -> this.driver.complete(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
				RectificationProcess.VAR_RESPONSIBLE_PERSON, "u1", RectificationProcess.VAR_RESPONSIBLE_LEADER, "u1"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("责任人不能同时是责任领导");
		this.driver.assign(entry, "u1");

		assertThatThrownBy(() -> this.driver.complete(entry, RectificationProcess.TASK_DRAFT_MEASURES,
				RectificationProcess.VAR_MEASURES, "措施", RectificationProcess.VAR_DEADLINE_DATE, "2026-09-17"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("不能早于当前日期");
		assertThatThrownBy(() -> this.driver.complete(entry, RectificationProcess.TASK_DRAFT_MEASURES,
				RectificationProcess.VAR_MEASURES, "措施"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("请填写整改时限");
		assertThatThrownBy(() -> this.driver.complete(entry, RectificationProcess.TASK_DRAFT_MEASURES,
				RectificationProcess.VAR_MEASURES, "措施", RectificationProcess.VAR_WORKING_DAYS, 5,
				RectificationProcess.VAR_DEADLINE_DATE, "2026-10-12"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("其中一项");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_DRAFT_MEASURES);
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.DRAFTING);
		assertThat(this.driver.reload(entry).getMeasures()).isNull();

		// A date: close of business that day.
		this.driver.complete(entry, RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.VAR_MEASURES, "措施",
				RectificationProcess.VAR_DEADLINE_DATE, "2026-10-12");
		assertThat(this.driver.reload(entry).getDeadline().toInstant()).isEqualTo(at(2026, 10, 12, 18));
		this.driver.decideMeasures(entry, true);

		assertThatThrownBy(() -> this.driver.work(entry, RectificationProcess.Action.PROGRESS, " "))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("「整改进展」为必填项");
		assertThatThrownBy(() -> this.driver.work(entry, RectificationProcess.Action.CLOSURE, ""))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("佐证");
		assertThatThrownBy(() -> this.driver.complete(entry, RectificationProcess.TASK_RECTIFY,
				RectificationProcess.VAR_RECTIFY_ACTION, "FINISH"))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("办理方式");
		assertThat(pi).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		assertThat(this.ledger.progress(entry.getId())).isEmpty();
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
	}

	@Test
	void shouldStoreProgressOnTheTasksOwnEntryWhateverEntryIdIsSubmitted() {
		LedgerEntry own = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		LedgerEntry other = this.driver.open(RectificationDriver.newCampaignId(), "u3");
		this.driver.toWork(own);
		this.driver.toWork(other);

		this.driver.complete(own, RectificationProcess.TASK_RECTIFY, RectificationProcess.VAR_RECTIFY_ACTION,
				RectificationProcess.Action.PROGRESS.name(), RectificationProcess.VAR_PROGRESS_TEXT, "已完成第一阶段",
				RectificationProcess.VAR_LEDGER_ENTRY_ID, other.getId());

		assertThat(this.ledger.progress(other.getId())).isEmpty();
		assertThat(this.ledger.progress(own.getId())).extracting(ProgressReport::getText).containsExactly("已完成第一阶段");
		assertThat(this.driver.instance(own)).isWaitingAt(RectificationProcess.TASK_RECTIFY);
	}

	@Test
	void shouldRequestClosureOfTheTasksOwnEntryWhateverEntryIdIsSubmitted() {
		LedgerEntry own = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		LedgerEntry other = this.driver.open(RectificationDriver.newCampaignId(), "u3");
		this.driver.toWork(own);
		this.driver.toWork(other);

		this.driver.complete(own, RectificationProcess.TASK_RECTIFY, RectificationProcess.VAR_RECTIFY_ACTION,
				RectificationProcess.Action.CLOSURE.name(), RectificationProcess.VAR_EVIDENCE_NOTE, "制度已印发",
				RectificationProcess.VAR_LEDGER_ENTRY_ID, other.getId());

		assertThat(this.driver.reload(other).getStatus()).isEqualTo(LedgerEntry.Status.IN_PROGRESS);
		assertThat(this.driver.reload(other).getEvidenceNote()).isNull();
		assertThat(this.driver.instance(other)).isWaitingAt(RectificationProcess.TASK_RECTIFY);
		assertThat(this.driver.reload(own).getStatus()).isEqualTo(LedgerEntry.Status.CLOSURE_REQUESTED);
		assertThat(this.driver.instance(own)).isWaitingAt(RectificationProcess.TASK_ACCEPT_CLOSURE);
	}

	@Test
	void shouldSendTheMeasuresToTheLeaderRecordedOnTheEntryWhateverLeaderIsSubmitted() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.assign(entry, "u1");

		this.driver.complete(entry, RectificationProcess.TASK_DRAFT_MEASURES, RectificationProcess.VAR_MEASURES,
				"精简会议文件", RectificationProcess.VAR_WORKING_DAYS, 5, RectificationProcess.VAR_RESPONSIBLE_LEADER, "u3",
				RectificationProcess.VAR_RESPONSIBLE_PERSON, "u3");

		assertThat(this.driver.task(entry, RectificationProcess.TASK_APPROVE_MEASURES).getAssignee())
			.isEqualTo("u1lead");
		assertThat(this.driver.reload(entry).getResponsibleLeader()).isEqualTo("u1lead");
		this.driver.decideMeasures(entry, false);
		assertThat(this.driver.task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getAssignee()).isEqualTo("u1");
	}

	@Test
	void shouldKeepEachClosureRequestsNoteAndShowThemToTheNextAttempt() {
		LedgerEntry entry = this.driver.open(RectificationDriver.newCampaignId(), "u1");
		this.driver.toWork(entry);
		// what the work form shows: the deadline in Chinese, the person by name and unit
		String work = this.driver.task(entry, RectificationProcess.TASK_RECTIFY).getId();
		assertThat((String) this.taskService.getVariableLocal(work, "deadlineAtText"))
			.matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
		assertThat((String) this.taskService.getVariableLocal(work, RectificationProcess.VAR_RESPONSIBLE_PERSON_NAME))
			.isEqualTo("孙晓明（办公室）");
		assertThat(this.taskService.getVariableLocal(work, RectificationProcess.VAR_PREVIOUS_EVIDENCE)).isNull();

		this.driver.work(entry, RectificationProcess.Action.CLOSURE, "会议精简办法已印发");
		this.driver.decideClosure(entry, false);

		String next = this.driver.task(entry, RectificationProcess.TASK_RECTIFY).getId();
		assertThat((String) this.taskService.getVariableLocal(next, RectificationProcess.VAR_PREVIOUS_EVIDENCE))
			.contains("第1次申请销号", "会议精简办法已印发", "未通过验收的意见：佐证不足");
		// the next attempt adds a note; the first one is kept, not typed again
		this.driver.work(entry, RectificationProcess.Action.CLOSURE, "近一月例会由8次减至3次");
		assertThat(this.driver.reload(entry).getEvidenceNote()).isEqualTo("第1次申请销号：会议精简办法已印发\n第2次申请销号：近一月例会由8次减至3次");
		String accept = this.driver.task(entry, RectificationProcess.TASK_ACCEPT_CLOSURE).getId();
		assertThat((String) this.taskService.getVariableLocal(accept, RectificationProcess.VAR_EVIDENCE_NOTE))
			.contains("会议精简办法已印发", "近一月例会由8次减至3次");
		this.driver.decideClosure(entry, false);
		// a third attempt with nothing new is accepted: the earlier notes stand
		this.driver.complete(entry, RectificationProcess.TASK_RECTIFY, RectificationProcess.VAR_RECTIFY_ACTION,
				RectificationProcess.Action.CLOSURE.name());
		assertThat(this.driver.reload(entry).getStatus()).isEqualTo(LedgerEntry.Status.CLOSURE_REQUESTED);
		assertThat(this.driver.reload(entry).getEvidenceNote()).contains("第2次申请销号");
	}

	private Job timer(ProcessInstance pi, String activityId) {
		return this.managementService.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	private List<String> timerIds(ProcessInstance pi) {
		return this.managementService.createJobQuery()
			.processInstanceId(pi.getId())
			.timers()
			.list()
			.stream()
			.map(Job::getId)
			.toList();
	}

	private static Instant due(Job job) {
		return job.getDuedate().toInstant();
	}

	private static Instant at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).atZone(SHANGHAI).toInstant();
	}

}
