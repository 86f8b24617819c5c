package org.rectifyflow.clue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.clue.internal.ClueConsistencyCheck;
import org.rectifyflow.clue.internal.ClueConsistencyIssue;
import org.rectifyflow.clue.internal.ClueExtensionRepository;
import org.rectifyflow.clue.internal.ClueExtensions;
import org.rectifyflow.clue.internal.ClueFeedbackRepository;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.ClueLedgerHandover;
import org.rectifyflow.clue.internal.ClueReporterMail;
import org.rectifyflow.clue.internal.HandlingOutcome;
import org.rectifyflow.deadline.DeadlinePattern;
import org.rectifyflow.deadline.EscalationProcess;
import org.rectifyflow.deadline.SupervisionNotice;
import org.rectifyflow.deadline.SupervisionService;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.TaskRuleViolation;
import org.rectifyflow.testsupport.EngineClock;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Walks every path of {@code clue.bpmn}. The clock starts on Monday 2026-06-01 10:00
 * (Shanghai): the registration deadline is Thursday 06-04 18:00; a green clue accepted
 * that day gets five working days (the Dragon Boat holiday 06-19 is later).
 */
@RectifyFlowTest
class ClueProcessTest {

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(START);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant START = LocalDateTime.of(2026, 6, 1, 10, 0).atZone(SHANGHAI).toInstant();

	@Autowired
	private ClueIntake clueIntake;

	@Autowired
	private ClueRegister clueRegister;

	@Autowired
	private ClueExtensions clueExtensions;

	@Autowired
	private ClueLedgerHandover clueHandover;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private IdentityService identityService;

	@Autowired
	private SupervisionService supervisionService;

	@Autowired
	private ClueFeedbackRepository feedbacks;

	@Autowired
	private ClueExtensionRepository extensions;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	private ClueConsistencyCheck consistencyCheck;

	@Autowired
	private org.rectifyflow.campaign.CampaignService campaignService;

	private ClueTestSupport support;

	@BeforeEach
	void setUp() {
		this.support = new ClueTestSupport(this.clueIntake, this.clueRegister, this.runtimeService, this.taskService,
				this.managementService);
	}

	@AfterEach
	void tearDown() {
		this.identityService.clearAuthentication();
	}

	@Test
	void shouldWaitForRegistrationWithThreeWorkingDays() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "RESEARCH", "调研走过场"));
		ProcessInstance pi = this.support.instance(clue);
		assertThat(pi).isWaitingAt(ClueProcess.TASK_REGISTER);
		assertThat(pi.getBusinessKey()).isEqualTo(clue.getNumber()).matches("XS-2026-\\d{6}");
		assertThat(this.support.task(clue, ClueProcess.TASK_REGISTER).getDueDate().toInstant())
			.isEqualTo(LocalDateTime.of(2026, 6, 4, 18, 0).atZone(SHANGHAI).toInstant());
		assertThat(clue.getStatus()).isEqualTo(ClueStatus.RECEIVED);
	}

	@Test
	void shouldLinkADuplicate() {
		Clue first = this.support.receive(ClueTestSupport.anonymous("u1", "RESEARCH", "第一次反映"));
		Clue second = this.support.receive(ClueTestSupport.anonymous("u1", "RESEARCH", "重复反映"));
		this.support.complete(second, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "DUPLICATE", ClueProcess.VAR_DUPLICATE_OF,
						first.getNumber(), ClueProcess.VAR_DECISION_REASON, "同一事项"));
		assertThat(this.support.instance(second)).isNull();
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(second.getProcessInstanceId())
			.activityId(ClueProcess.EVENT_DUPLICATE)
			.count()).isOne();
		Clue reloaded = this.support.reload(second);
		assertThat(reloaded.getStatus()).isEqualTo(ClueStatus.DUPLICATE);
		assertThat(reloaded.getDuplicateOf()).isEqualTo(first.getNumber());
	}

	@Test
	void shouldRefuseADuplicateOfAnUnknownClue() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "RESEARCH", "反映"));
		assertThatThrownBy(() -> this.support.complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "DUPLICATE", ClueProcess.VAR_DUPLICATE_OF,
						"XS-1999-000001", ClueProcess.VAR_DECISION_REASON, "同一事项")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("不存在");
		assertThat(this.support.instance(clue)).isWaitingAt(ClueProcess.TASK_REGISTER);
	}

	@Test
	void shouldTransferOutOfJurisdiction() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u2", "OTHER", "不属本级管辖"));
		this.support.complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "TRANSFER", ClueProcess.VAR_TRANSFER_BODY, "旗纪委监委",
						ClueProcess.VAR_DECISION_REASON, "涉及旗管干部"));
		Clue reloaded = this.support.reload(clue);
		assertThat(reloaded.getStatus()).isEqualTo(ClueStatus.TRANSFERRED);
		assertThat(reloaded.getTransferBody()).isEqualTo("旗纪委监委");
		assertThat(hasPassed(clue, ClueProcess.EVENT_TRANSFERRED)).isTrue();
	}

	@Test
	void shouldDeclineWithAReason() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u2", "OTHER", "与作风无关"));
		assertThatThrownBy(() -> this.support.complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "DECLINE")))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("理由");
		this.support.complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "DECLINE", ClueProcess.VAR_DECISION_REASON, "不属于受理范围"));
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.DECLINED);
		assertThat(hasPassed(clue, ClueProcess.EVENT_DECLINED)).isTrue();
	}

	@Test
	void shouldCloseAGreenClueWithinItsDeadlineAndMailTheNamedReporter() {
		Clue clue = this.support
			.receive(ClueTestSupport.named("u3", "会议材料层层加码", "王五", "13800000000", "wangwu@example.org"));
		this.support.register(clue, true, true, true, true);
		ProcessInstance pi = this.support.instance(clue);
		assertThat(pi).isWaitingAt(ClueProcess.TASK_DISPOSE);
		assertThat(this.runtimeService.getVariable(pi.getId(), ClueProcess.VAR_ROUTE)).isEqualTo("GREEN");
		// The suggestion is pre-filled.
		assertThat(this.runtimeService.getVariable(pi.getId(), ClueProcess.VAR_DISPOSAL)).isEqualTo("TALK_INQUIRY");
		// The form shows route and suggestion in Chinese.
		String dispose = this.support.task(clue, ClueProcess.TASK_DISPOSE).getId();
		assertThat(this.taskService.getVariableLocal(dispose, ClueProcess.VAR_ROUTE_NAME)).isEqualTo("快查快结（绿色通道）");
		assertThat(this.taskService.getVariableLocal(dispose, ClueProcess.VAR_SUGGESTED_DISPOSAL_NAME))
			.isEqualTo("谈话函询");
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline", Map.of());
		assertThat(pi).isWaitingAt(ClueProcess.TASK_INVESTIGATE);
		Instant deadline = ((Date) this.runtimeService.getVariable(pi.getId(), DeadlinePattern.VAR_DEADLINE_AT))
			.toInstant();
		// Monday 06-01 + 5 working days = Monday 06-08, 18:00.
		assertThat(deadline).isEqualTo(LocalDateTime.of(2026, 6, 8, 18, 0).atZone(SHANGHAI).toInstant());
		assertThat(this.support.timer(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED).getDuedate().toInstant())
			.isEqualTo(deadline);
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.INVESTIGATING);

		this.support.complete(clue, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "经谈话，情况属实"));
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "discipline",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "CRITICISM", ClueProcess.VAR_HANDLING_OPINION, "批评教育"));
		this.support.complete(clue, ClueProcess.TASK_APPROVE_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_OPINION_APPROVED, true, "opinion", "同意"));
		assertThat(pi).isWaitingAt(ClueProcess.TASK_WRITE_FEEDBACK);
		assertThat(this.supervisionService.notices(pi.getId())).isEmpty();
		this.support.complete(clue, ClueProcess.TASK_WRITE_FEEDBACK, "discipline",
				Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "经核实，已对相关人员批评教育。"));
		assertThat(pi).isEnded();
		assertThat(hasPassed(clue, ClueProcess.EVENT_CLOSED)).isTrue();
		Clue closed = this.support.reload(clue);
		assertThat(closed.getStatus()).isEqualTo(ClueStatus.CLOSED);
		assertThat(closed.isOverdue()).isFalse();
		assertThat(this.feedbacks.findByClueId(clue.getId()))
			.hasValueSatisfying((f) -> assertThat(f.isMailed()).isTrue());
		assertThat(this.jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Long.class,
				ClueReporterMail.reference(clue.getNumber())))
			.as("the feedback mail names the reporter by the clue")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from mail_outbox where recipient like '%wangwu%'",
				Long.class))
			.as("the address stays encrypted in the clue")
			.isZero();
		assertThat(this.managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void shouldRefuseTheHandlerApprovingItsOwnOpinion() {
		Clue clue = greenUnderInvestigation("四眼原则");
		this.support.complete(clue, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "核查情况"));
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "NO_ACTION", ClueProcess.VAR_HANDLING_OPINION, "不予处理"));
		Task approval = this.support.task(clue, ClueProcess.TASK_APPROVE_OPINION);
		assertThatThrownBy(() -> this.taskService.claim(approval.getId(), "disciplinelead"))
			.satisfies((ex) -> assertThat(Refusal.in(ex)).isPresent());
		assertThat(this.support.instance(clue)).isWaitingAt(ClueProcess.TASK_APPROVE_OPINION);
	}

	@Test
	void shouldOfferTheOnlyLeadersOwnOpinionToTheNextLevelInsteadOfDeadlocking() {
		Clue clue = greenUnderInvestigation("四眼原则无人审批");
		this.support.complete(clue, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "核查情况"));
		// the only 纪检组组长 proposes the handling opinion: discipline-lead has nobody else
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "NO_ACTION", ClueProcess.VAR_HANDLING_OPINION, "不予处理"));

		Task approval = this.support.task(clue, ClueProcess.TASK_APPROVE_OPINION);
		assertThat(this.taskService.getIdentityLinksForTask(approval.getId()))
			.filteredOn((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.extracting(IdentityLink::getGroupId)
			.as("the next level of the clue's approval chain, never party-group")
			.containsExactly("discipline-group");
		assertThat(this.jdbc.queryForList(
				"select before_state || '>' || after_state from audit_event where action = 'TASK_REDIRECTED' and item_id = ?",
				String.class, approval.getId()))
			.containsExactly("discipline-lead>discipline-group");
		assertThat(notices("discipline2", approval.getId())).isEqualTo(1);
		assertThat(notices("disciplinelead", approval.getId())).as("the proposer is told where it went, only").isZero();
		assertThat(notices("disciplinelead", clue.getProcessInstanceId())).isEqualTo(1);

		// neither the proposer nor the investigator may approve it, another member may
		for (String proposer : List.of("disciplinelead", "discipline")) {
			assertThatThrownBy(() -> this.taskService.claim(approval.getId(), proposer))
				.satisfies((ex) -> assertThat(Refusal.in(ex)).isPresent());
		}
		this.support.complete(clue, ClueProcess.TASK_APPROVE_OPINION, "discipline2",
				Map.of(ClueProcess.VAR_OPINION_APPROVED, "true"));
		assertThat(this.support.instance(clue)).hasPassed(ClueProcess.TASK_APPROVE_OPINION);
		assertThat(this.support.instance(clue)).isNotWaitingAt(ClueProcess.TASK_APPROVE_OPINION);
	}

	/**
	 * Notices to a user about a redirected approval, linking to the task or the process.
	 */
	private int notices(String user, String linkedId) {
		return this.jdbc.queryForObject(
				"select count(*) from notification where recipient = ? and text like '%转由%' and link like ?",
				Integer.class, user, "%" + linkedId);
	}

	@Test
	void shouldReturnARejectedOpinion() {
		Clue clue = greenUnderInvestigation("退回修改");
		this.support.complete(clue, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "核查情况"));
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "discipline",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "ADMONITION", ClueProcess.VAR_HANDLING_OPINION, "诫勉"));
		Task approval = this.support.task(clue, ClueProcess.TASK_APPROVE_OPINION);
		assertThat(this.taskService.getVariablesLocal(approval.getId()))
			.containsEntry(ClueProcess.VAR_HANDLING_OUTCOME_NAME, HandlingOutcome.ADMONITION.label())
			.containsEntry(ClueProcess.VAR_HANDLING_OPINION, "诫勉");
		this.support.complete(clue, ClueProcess.TASK_APPROVE_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_OPINION_APPROVED, "false", "opinion", "处理过重"));
		assertThat(this.runtimeService.getVariable(clue.getProcessInstanceId(), ClueProcess.VAR_OPINION_APPROVED))
			.isEqualTo(false);
		assertThat(this.support.instance(clue)).isWaitingAt(ClueProcess.TASK_HANDLING_OPINION);
	}

	@Test
	void shouldExtendAStandardClueOnceAndRefuseASecondRequest() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u4", "WORK_IMPLEMENTATION", "长期拖延"));
		this.support.register(clue, true, true, true, false);
		assertThat(this.support.instance(clue)).isWaitingAt(ClueProcess.TASK_SET_DEADLINE);
		assertThatThrownBy(() -> this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 91)))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageContaining("90");
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 10));
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "PRELIMINARY_VERIFICATION"));
		ProcessInstance pi = this.support.instance(clue);
		assertThat(pi).isWaitingAt(ClueProcess.TASK_INVESTIGATE);
		// Monday 06-01 + 10 working days = Monday 06-15, 18:00.
		Instant deadline = LocalDateTime.of(2026, 6, 15, 18, 0).atZone(SHANGHAI).toInstant();
		assertThat(this.support.timer(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED).getDuedate().toInstant())
			.isEqualTo(deadline);

		this.clueExtensions.request(clue.getId(), "需要调取更多材料", 5, "discipline");
		assertThatThrownBy(() -> this.clueExtensions.request(clue.getId(), "还需要时间", 5, "discipline"))
			.isInstanceOfSatisfying(org.rectifyflow.kernel.Refusal.class,
					(ex) -> assertThat(ex.getMessageEn()).contains("already"));
		Task approval = this.support.task(clue, ClueProcess.TASK_APPROVE_EXTENSION);
		assertThatThrownBy(() -> this.taskService.claim(approval.getId(), "discipline"))
			.satisfies((ex) -> assertThat(Refusal.in(ex))
				.hasValueSatisfying((refusal) -> assertThat(refusal.getMessageZh()).contains("四眼原则")));
		assertThat(this.taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
		this.support.complete(clue, ClueProcess.TASK_APPROVE_EXTENSION, "disciplinelead",
				Map.of(ClueProcess.VAR_EXTENSION_APPROVED, "true", "opinion", "同意延期5个工作日"));
		// 06-15 + 5 working days, skipping the Dragon Boat holiday 06-19: 06-16, 17, 18,
		// 22, 23.
		Instant extended = LocalDateTime.of(2026, 6, 23, 18, 0).atZone(SHANGHAI).toInstant();
		assertThat(this.support.timer(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED).getDuedate().toInstant())
			.isEqualTo(extended);
		assertThat(this.support.reload(clue).getDeadlineAt().toInstant()).isEqualTo(extended);
		assertThat(this.support.task(clue, ClueProcess.TASK_INVESTIGATE).getDueDate().toInstant())
			.as("the engine task's due date, which Tasklist shows, moves with the extension")
			.isEqualTo(extended);
		assertThat(this.extensions.findByClueIdOrderByIdAsc(clue.getId())).singleElement()
			.satisfies((e) -> assertThat(e.getApproved()).isTrue());
		assertThatThrownBy(() -> this.clueExtensions.request(clue.getId(), "再延期", 5, "discipline"))
			.isInstanceOf(org.rectifyflow.kernel.Refusal.class)
			.satisfies((ex) -> assertThat(((org.rectifyflow.kernel.Refusal) ex).getMessageZh()).contains("只能申请一次"));
		assertThat(pi).isWaitingAt(ClueProcess.TASK_INVESTIGATE);
	}

	@Test
	void shouldRefuseTheRequesterApprovingItsOwnExtensionEvenWhenItNamesSomeoneElseAsRequester() {
		Clue clue = standardUnderInvestigation("延期四眼原则");
		ProcessInstance pi = this.support.instance(clue);
		Date deadline = this.support.timer(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED).getDuedate();
		// the only 纪检组组长 requests it: the approval goes to the next level of the chain
		this.clueExtensions.request(clue.getId(), "需要调取更多材料", 5, "disciplinelead");
		Task approval = this.support.task(clue, ClueProcess.TASK_APPROVE_EXTENSION);
		assertThat(this.taskService.getIdentityLinksForTask(approval.getId()))
			.filteredOn((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("discipline-group");
		this.identityService.setAuthentication("disciplinelead",
				List.of(Roles.DISCIPLINE_GROUP, Roles.DISCIPLINE_LEAD));
		try {
			assertThatThrownBy(() -> this.taskService.claim(approval.getId(), "disciplinelead"))
				.satisfies((ex) -> assertThat(Refusal.in(ex))
					.hasValueSatisfying((refusal) -> assertThat(refusal.getMessageZh()).contains("四眼原则")));
			// Naming someone else as the requester is not an input of the approval at
			// all.
			assertThatThrownBy(() -> this.taskService.complete(approval.getId(),
					Map.of(ClueProcess.VAR_EXTENSION_APPROVED, true, "opinion", "同意延期",
							ClueProcess.VAR_EXTENSION_REQUESTED_BY, "discipline")))
				.isInstanceOfSatisfying(Refusal.class,
						(ex) -> assertThat(ex.getMessageZh()).contains(ClueProcess.VAR_EXTENSION_REQUESTED_BY));
			// Without it, four-eyes compares with the requester the system recorded.
			assertThatThrownBy(() -> this.taskService.complete(approval.getId(),
					Map.of(ClueProcess.VAR_EXTENSION_APPROVED, true, "opinion", "同意延期")))
				.isInstanceOfSatisfying(TaskRuleViolation.class,
						(ex) -> assertThat(ex.getMessageZh()).contains("四眼原则"));
		}
		finally {
			this.identityService.clearAuthentication();
		}
		assertThat(pi).isWaitingAt(ClueProcess.TASK_APPROVE_EXTENSION);
		assertThat(this.runtimeService.getVariable(pi.getId(), ClueProcess.VAR_EXTENSION_REQUESTED_BY))
			.isEqualTo("disciplinelead");
		assertThat(this.extensions.findByClueIdOrderByIdAsc(clue.getId())).singleElement()
			.satisfies((e) -> assertThat(e.getApproved()).isNull());
		assertThat(this.support.timer(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED).getDuedate())
			.isEqualTo(deadline);
		assertThat(this.support.reload(clue).getDeadlineAt().toInstant()).isEqualTo(deadline.toInstant());
	}

	@Test
	void shouldRouteAnApprovedDisposalAsProposedWhateverTheApproverSubmits() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u2", "WORK_IMPLEMENTATION", "暂存不改道"));
		this.support.register(clue, true, true, true, false);
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 30));
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "SHELVE", ClueProcess.VAR_DISPOSAL_REASON, "线索暂不具备核查条件"));
		this.support.complete(clue, ClueProcess.TASK_APPROVE_DISPOSAL, "disciplinelead",
				Map.of(ClueProcess.VAR_DISPOSAL_APPROVED, true, "opinion", "同意", ClueProcess.VAR_DISPOSAL, "CLOSE"));
		assertThat(this.support.instance(clue)).isWaitingAt(ClueProcess.TIMER_SHELVED);
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.SHELVED);
	}

	@Test
	void shouldRefuseAnExtensionThatEndsInThePastAndKeepTheClueOverdue() {
		Clue clue = standardUnderInvestigation("延期仍已逾期");
		ProcessInstance pi = this.support.instance(clue);
		// The deadline was Monday 06-15, 18:00; a month later the clue is overdue.
		this.clock.fire(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED);
		this.clock.set(LocalDateTime.of(2026, 7, 15, 10, 0).atZone(SHANGHAI).toInstant());
		assertThat(this.support.reload(clue).isOverdue()).isTrue();
		Instant deadline = this.support.reload(clue).getDeadlineAt().toInstant();

		// Five working days after 06-15 is still in the past.
		this.clueExtensions.request(clue.getId(), "需要调取更多材料", 5, "discipline");
		Task approval = this.support.task(clue, ClueProcess.TASK_APPROVE_EXTENSION);
		this.taskService.claim(approval.getId(), "disciplinelead");
		assertThatThrownBy(() -> this.taskService.complete(approval.getId(),
				Map.of(ClueProcess.VAR_EXTENSION_APPROVED, "true", "opinion", "同意延期")))
			.satisfies((ex) -> assertThat(Refusal.in(ex))
				.hasValueSatisfying((refusal) -> assertThat(refusal.getMessageZh()).contains("已经过去")));

		Clue after = this.support.reload(clue);
		assertThat(after.isOverdue()).as("the overdue mark stays").isTrue();
		assertThat(after.getDeadlineAt().toInstant()).isEqualTo(deadline);
		assertThat(this.support.task(clue, ClueProcess.TASK_INVESTIGATE).getDueDate().toInstant()).isEqualTo(deadline);
		assertThat(this.support.task(clue, ClueProcess.TASK_APPROVE_EXTENSION).getId()).isEqualTo(approval.getId());
	}

	@Test
	void shouldEscalateWhenDeadlinePassesWithTheInvestigationStillOpen() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u5", "WORK_IMPLEMENTATION", "压案不查"));
		this.support.register(clue, true, true, true, false);
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 30));
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline", Map.of());
		ProcessInstance pi = this.support.instance(clue);
		this.clock.fire(pi.getId(), DeadlinePattern.TIMER_REMINDER);
		this.clock.fire(pi.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED);
		ProcessInstance ladder = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(pi.getId())
			.processDefinitionKey(EscalationProcess.KEY)
			.singleResult();
		assertThat(ladder).isNotNull();
		List<Task> supervise = this.taskService.createTaskQuery()
			.processInstanceId(ladder.getId())
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.list();
		assertThat(supervise).singleElement().satisfies((t) -> {
			assertThat(t.getName()).contains(clue.getNumber());
			assertThat(this.taskService.getIdentityLinksForTask(t.getId()))
				.anySatisfy((link) -> assertThat(link.getGroupId()).isEqualTo("discipline-lead"));
		});
		assertThat(this.support.reload(clue).isOverdue()).isTrue();
		assertThat(pi).isWaitingAt(ClueProcess.TASK_INVESTIGATE);

		this.clock.fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL);
		assertThat(this.supervisionService.openNotices(pi.getId())).extracting(SupervisionNotice::getExternalRecipient)
			.containsExactly(null, "superior-commission");
		assertThat(this.supervisionService.openNotices(pi.getId()))
			.noneSatisfy((n) -> assertThat(n.getEscalationGroup()).isEqualTo("party-group"));
		// No timer ever closes a clue.
		assertThat(pi).isWaitingAt(ClueProcess.TASK_INVESTIGATE);
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.INVESTIGATING);
	}

	@Test
	void shouldShelveAfterApprovalAndComeBackAfterNinetyDays() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "RESPONSIBILITY", "内容笼统"));
		this.support.register(clue, true, true, false, false);
		ProcessInstance pi = this.support.instance(clue);
		assertThat(this.runtimeService.getVariable(pi.getId(), ClueProcess.VAR_SUGGESTED_DISPOSAL)).isEqualTo("SHELVE");
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 30));
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "SHELVE", ClueProcess.VAR_DISPOSAL_REASON, "待补充材料"));
		assertThat(pi).isWaitingAt(ClueProcess.TASK_APPROVE_DISPOSAL);
		assertThat(this.taskService.getVariableLocal(this.support.task(clue, ClueProcess.TASK_APPROVE_DISPOSAL).getId(),
				ClueProcess.VAR_DISPOSAL_NAME))
			.isEqualTo("暂存待查");
		assertThatThrownBy(() -> this.taskService
			.claim(this.support.task(clue, ClueProcess.TASK_APPROVE_DISPOSAL).getId(), "discipline"))
			.satisfies((ex) -> assertThat(Refusal.in(ex)).isPresent());
		this.support.complete(clue, ClueProcess.TASK_APPROVE_DISPOSAL, "disciplinelead",
				Map.of(ClueProcess.VAR_DISPOSAL_APPROVED, true, "opinion", "同意暂存"));
		assertThat(pi).isWaitingAt(ClueProcess.TIMER_SHELVED);
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.SHELVED);
		assertThat(this.support.timer(pi.getId(), ClueProcess.TIMER_SHELVED).getDuedate().toInstant())
			.isEqualTo(START.plus(Duration.ofDays(90)));
		this.clock.fire(pi.getId(), ClueProcess.TIMER_SHELVED);
		assertThat(pi).isWaitingAt(ClueProcess.TASK_DISPOSE);
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.ACCEPTED);
		String reReviewed = "问题线索" + clue.getNumber() + "暂存期满%";
		assertThat(this.jdbc.queryForList("select recipient from notification where text like ?", String.class,
				reReviewed))
			.as("the discipline group and its lead are told, by number only")
			.containsExactlyInAnyOrder("discipline", "discipline2", "disciplinelead");
	}

	@Test
	void shouldCloseWithoutActionAfterApprovalAndReturnARejectedDisposal() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u2", "OTHER", "无具体内容"));
		this.support.register(clue, false, false, false, false);
		ProcessInstance pi = this.support.instance(clue);
		assertThat(this.runtimeService.getVariable(pi.getId(), ClueProcess.VAR_SUGGESTED_DISPOSAL)).isEqualTo("CLOSE");
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 30));
		assertThatThrownBy(() -> this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "CLOSE")))
			.isInstanceOf(TaskRuleViolation.class);
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "CLOSE", ClueProcess.VAR_DISPOSAL_REASON, "无法查证"));
		this.support.complete(clue, ClueProcess.TASK_APPROVE_DISPOSAL, "disciplinelead",
				Map.of(ClueProcess.VAR_DISPOSAL_APPROVED, false, "opinion", "先初步核实"));
		assertThat(pi).isWaitingAt(ClueProcess.TASK_DISPOSE);
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline2",
				Map.of(ClueProcess.VAR_DISPOSAL, "CLOSE", ClueProcess.VAR_DISPOSAL_REASON, "经初步了解无法查证"));
		this.support.complete(clue, ClueProcess.TASK_APPROVE_DISPOSAL, "disciplinelead",
				Map.of(ClueProcess.VAR_DISPOSAL_APPROVED, true, "opinion", "同意了结"));
		assertThat(pi).isWaitingAt(ClueProcess.TASK_WRITE_FEEDBACK);
		this.support.complete(clue, ClueProcess.TASK_WRITE_FEEDBACK, "discipline",
				Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "反映内容无法查证，予以了结。"));
		assertThat(pi).isEnded();
		assertThat(this.support.reload(clue).getStatus()).isEqualTo(ClueStatus.CLOSED);
	}

	@Test
	void shouldInvestigateByTalkInquiryOnTheStandardRoute() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u3", "MISCONDUCT", "违规收受礼品"));
		this.support.register(clue, true, true, true, true);
		ProcessInstance pi = this.support.instance(clue);
		assertThat(this.runtimeService.getVariable(pi.getId(), ClueProcess.VAR_ROUTE)).isEqualTo("STANDARD");
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, "20"));
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "TALK_INQUIRY"));
		assertThat(pi).isWaitingAt(ClueProcess.TASK_INVESTIGATE);
		assertThat(this.support.reload(clue).getDisposal()).isEqualTo(DisposalMethod.TALK_INQUIRY);
	}

	@Test
	void shouldRefuseDeletingAClueEvenForAdmin() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "RESEARCH", "不得删除"));
		this.identityService.setAuthentication("admin", List.of("camunda-admin"));
		assertThatThrownBy(() -> this.runtimeService.deleteProcessInstance(clue.getProcessInstanceId(), "删除"))
			.hasMessageContaining("never deleted");
		assertThatThrownBy(() -> this.runtimeService.deleteProcessInstance(clue.getProcessInstanceId(), "删除", true,
				true, true, true))
			.hasMessageContaining("never deleted");
		this.identityService.clearAuthentication();
		assertThat(this.support.instance(clue)).isWaitingAt(ClueProcess.TASK_REGISTER);
	}

	@Test
	void shouldReportAProcessWithoutAnOpenClue() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "RESEARCH", "一致性检查"));
		this.consistencyCheck.check();
		assertThat(this.consistencyCheck.check()).isEmpty();
		// A process started behind the register's back.
		ProcessInstance rogue = this.runtimeService.startProcessInstanceByKey(ClueProcess.KEY, "XS-ROGUE-1",
				Map.of(ClueProcess.VAR_CLUE_ID, clue.getId(), DeadlinePattern.VAR_DEADLINE_WORKING_DAYS, 3,
						ClueProcess.VAR_CLUE_NUMBER, "XS-ROGUE-1"));
		List<ClueConsistencyIssue> issues = this.consistencyCheck.check();
		assertThat(issues).extracting(ClueConsistencyIssue::getProcessInstanceId).contains(rogue.getId());
		assertThat(this.runtimeService.createIncidentQuery()
			.processInstanceId(rogue.getId())
			.incidentType(ClueConsistencyCheck.INCIDENT_TYPE)
			.count()).isOne();
	}

	@Test
	void shouldTurnAConfirmedClueIntoALedgerEntryOfTheRunningCampaignOnce() {
		Clue clue = greenUnderInvestigation("确认的问题");
		this.support.complete(clue, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "属实"));
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "discipline",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "SELF_EXAMINATION", ClueProcess.VAR_HANDLING_OPINION, "责令检查"));
		assertThatThrownBy(() -> this.clueHandover.toLedger(clue.getId(), null, "x", null, "discipline"))
			.isInstanceOf(org.rectifyflow.kernel.Refusal.class);
		this.support.complete(clue, ClueProcess.TASK_APPROVE_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_OPINION_APPROVED, true, "opinion", "同意"));
		this.support.complete(clue, ClueProcess.TASK_WRITE_FEEDBACK, "discipline",
				Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "已责令检查"));
		org.rectifyflow.campaign.Campaign campaign = this.campaignService.running().get(0);
		String category = this.campaignService.categories()
			.stream()
			.filter((c) -> c.isActive())
			.findFirst()
			.orElseThrow()
			.getCode();
		assertThatThrownBy(() -> this.clueHandover.toLedger(clue.getId(), campaign.getId(), category, null, "u1"))
			.isInstanceOf(org.rectifyflow.kernel.Refusal.class);
		String code = this.clueHandover.toLedger(clue.getId(), campaign.getId(), category, null, "discipline");
		assertThat(code).startsWith(campaign.getCode() + "-");
		assertThat(this.support.reload(clue).getLedgerEntryCode()).isEqualTo(code);
		assertThat(this.jdbc.queryForObject("select source_ref from ledger_entry where code = ?", String.class, code))
			.isEqualTo(clue.getNumber());
		assertThatThrownBy(
				() -> this.clueHandover.toLedger(clue.getId(), campaign.getId(), category, null, "discipline"))
			.isInstanceOfSatisfying(org.rectifyflow.kernel.Refusal.class,
					(ex) -> assertThat(ex.getMessageEn()).contains("already"));
	}

	private Clue greenUnderInvestigation(String description) {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "MEETINGS_DOCUMENTS", description));
		this.support.register(clue, true, true, true, true);
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline", Map.of());
		return clue;
	}

	private Clue standardUnderInvestigation(String description) {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u4", "WORK_IMPLEMENTATION", description));
		this.support.register(clue, true, true, true, false);
		this.support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 10));
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "PRELIMINARY_VERIFICATION"));
		return clue;
	}

	private boolean hasPassed(Clue clue, String activityId) {
		return this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(clue.getProcessInstanceId())
			.activityId(activityId)
			.count() > 0;
	}

}
