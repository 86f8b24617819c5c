package org.rectifyflow.rectification;

import org.rectifyflow.rectification.internal.RectificationService;
import org.rectifyflow.taskrules.TaskRuleViolation;

import org.rectifyflow.campaign.CampaignService;

import org.rectifyflow.campaign.Campaign;

import org.rectifyflow.calendar.WorkingDayCalendar;

import java.time.LocalDate;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.rectifyflow.kernel.Refusal;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

@RectifyFlowTest
class LedgerServiceTest {

	/** Stands in for the campaign process: waits for the ledger to be settled. */
	static final String WAITER = "ledgerClosedWaiterTest";

	@Autowired
	private RepositoryService repositoryService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private RectificationDriver driver;

	@Autowired
	private RectificationService rectification;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private WorkingDayCalendar calendar;

	@RegisterExtension
	final EngineClock clock = EngineClock.realTime();

	@BeforeEach
	void setUp() {
		if (this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(WAITER).count() == 0) {
			BpmnModelInstance waiter = Bpmn.createExecutableProcess(WAITER)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.intermediateCatchEvent("Event_LedgerClosed")
				.message(RectificationProcess.MESSAGE_LEDGER_CLOSED)
				.endEvent("Event_PhaseDone")
				.done();
			this.repositoryService.createDeployment().addModelInstance(WAITER + ".bpmn", waiter).deploy();
		}
	}

	@Test
	void shouldRefuseARectificationDeadlineAfterThePhaseOrOnADayOff() {
		Campaign campaign = this.campaigns.all()
			.stream()
			.filter((c) -> this.campaigns.findPlan(c.getId()).isPresent())
			.findFirst()
			.orElseThrow();
		LocalDate phaseEnd = this.campaigns.plan(campaign.getId()).getDeadlines().rectification();
		LocalDate today = LocalDate.now(this.calendar.zone());
		LocalDate afterPhase = this.calendar.plusWorkingDays(phaseEnd.isAfter(today) ? phaseEnd : today, 1);
		assertThatThrownBy(() -> this.rectification.proposedDeadline(null, afterPhase, campaign.getId()))
			.isInstanceOfSatisfying(TaskRuleViolation.class, (ex) -> assertThat(ex.getMessage()).contains("整改阶段截止时间")
				.contains(phaseEnd.getYear() + "年" + phaseEnd.getMonthValue() + "月" + phaseEnd.getDayOfMonth() + "日"));
		LocalDate saturday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
		while (this.calendar.isWorkingDay(saturday)) {
			saturday = saturday.plusWeeks(1);
		}
		LocalDate dayOff = saturday;
		assertThatThrownBy(() -> this.rectification.proposedDeadline(null, dayOff, campaign.getId()))
			.isInstanceOfSatisfying(TaskRuleViolation.class, (ex) -> assertThat(ex.getMessage()).contains("不是工作日"));
	}

	@Test
	void shouldOpenOneNumberedRectificationPerEntry() {
		long campaign = RectificationDriver.newCampaignId();
		assertThat(this.ledger.allSettled(campaign)).isTrue();
		List<LedgerEntry> opened = List.of(this.driver.open(campaign, "u1"), this.driver.open(campaign, "u2"),
				this.driver.open(campaign, "u3"));

		String code = RectificationDriver.codeOf(campaign);
		assertThat(opened).extracting(LedgerEntry::getCode)
			.containsExactly(code + "-001", code + "-002", code + "-003");
		assertThat(opened).extracting(LedgerEntry::getResponsibleLeader).containsExactly("u1lead", "u2lead", "u3lead");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.KEY)
			.variableValueEquals(RectificationProcess.VAR_CAMPAIGN_ID, campaign)
			.list()).extracting(ProcessInstance::getBusinessKey)
			.containsExactlyInAnyOrder(code + "-001", code + "-002", code + "-003");
		assertThat(opened).allSatisfy(
				(entry) -> assertThat(entry.getProcessInstanceId()).isEqualTo(this.driver.instance(entry).getId()));
		assertThat(this.ledger.entries(campaign)).extracting(LedgerEntry::getCode)
			.containsExactly(code + "-001", code + "-002", code + "-003");
		assertThat(this.ledger.allSettled(campaign)).isFalse();
	}

	@Test
	void shouldCorrelateLedgerClosedExactlyWhenTheLastEntrySettles() {
		long campaign = RectificationDriver.newCampaignId();
		long otherCampaign = RectificationDriver.newCampaignId();
		ProcessInstance waiter = this.runtimeService.startProcessInstanceByKey(WAITER,
				RectificationDriver.codeOf(campaign));
		ProcessInstance otherWaiter = this.runtimeService.startProcessInstanceByKey(WAITER,
				RectificationDriver.codeOf(otherCampaign));
		LedgerEntry first = this.driver.open(campaign, "u1");
		LedgerEntry second = this.driver.open(campaign, "u1");
		LedgerEntry third = this.driver.open(campaign, "u2");
		this.driver.open(otherCampaign, "u3");
		for (LedgerEntry entry : List.of(first, second)) {
			this.driver.toWork(entry);
		}
		this.driver.toWork(third);

		this.driver.close(first);
		this.driver.carryOver(second);
		assertThat(this.ledger.allSettled(campaign)).isFalse();
		assertThat(isWaiting(waiter)).isTrue();

		// A fourth entry arrives while the third is still open.
		LedgerEntry fourth = this.driver.open(campaign, "u4");
		assertThat(fourth.getCode()).endsWith("-004");
		this.driver.close(third);
		assertThat(this.ledger.allSettled(campaign)).isFalse();
		assertThat(isWaiting(waiter)).isTrue();

		this.driver.toWork(fourth);
		assertThat(isWaiting(waiter)).isTrue();
		this.driver.close(fourth);
		assertThat(this.ledger.allSettled(campaign)).isTrue();
		assertThat(isWaiting(waiter)).isFalse();
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(waiter.getId()).count()).isZero();
		assertThat(isWaiting(otherWaiter)).isTrue();

		LedgerSummary summary = this.ledger.summary(campaign);
		assertThat(summary.total()).isEqualTo(4);
		assertThat(summary.open()).isZero();
		assertThat(summary.closed()).isEqualTo(3);
		assertThat(summary.carriedOver()).isEqualTo(1);
		assertThat(summary.closureRate()).isEqualTo(0.75);
		assertThat(summary.byUnit()).containsExactly(entry("u1", 2L), entry("u2", 1L), entry("u4", 1L));
		assertThat(summary.byStatus()).containsOnly(entry("CLOSED", 3L), entry("CARRIED_OVER", 1L));
		assertThat(summary.byCategory()).containsOnly(entry("C4", 4L));
	}

	@Test
	void shouldSummariseAnOpenLedger() {
		long campaign = RectificationDriver.newCampaignId();
		this.ledger.open(RectificationDriver.entry(campaign, "u1", "C1"));
		this.ledger.open(RectificationDriver.entry(campaign, "u1", "C2"));
		LedgerEntry third = this.ledger.open(RectificationDriver.entry(campaign, "u2", "C2"));
		this.driver.toWork(third);

		LedgerSummary summary = this.ledger.summary(campaign);
		assertThat(summary.total()).isEqualTo(3);
		assertThat(summary.open()).isEqualTo(3);
		assertThat(summary.closed()).isZero();
		assertThat(summary.closureRate()).isZero();
		assertThat(summary.byCategory()).containsExactly(entry("C1", 1L), entry("C2", 2L));
		assertThat(summary.byStatus()).containsOnly(entry("ASSIGNING", 2L), entry("IN_PROGRESS", 1L));
		assertThat(summary.overdueByUnit()).isEmpty();
	}

	@Test
	void shouldRefuseInvalidEntriesAndStoreNothing() {
		long campaign = RectificationDriver.newCampaignId();
		String code = RectificationDriver.codeOf(campaign);
		assertThatThrownBy(() -> this.ledger.open(RectificationDriver.entry(campaign, "nope", "C1")))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.getMessageZh()).contains("单位不存在"));
		assertThatThrownBy(() -> this.ledger
			.open(new NewLedgerEntry(campaign, code, null, "u1", "C1", "类别", "描述", "GOSSIP", null)))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.getMessageZh()).contains("问题来源"));
		assertThatThrownBy(
				() -> this.ledger.open(new NewLedgerEntry(campaign, code, null, "u1", "C1", "类别", " ", "CLUE", null)))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.getMessageZh()).contains("问题描述"));
		assertThatThrownBy(() -> this.ledger
			.open(new NewLedgerEntry(campaign, "bad code!", null, "u1", "C1", "类别", "描述", "CLUE", null)))
			.isInstanceOf(Refusal.class);
		this.ledger.open(RectificationDriver.entry(campaign, "u1", "C1"));
		assertThatThrownBy(() -> this.ledger
			.open(new NewLedgerEntry(campaign, code + "X", null, "u1", "C1", "类别", "描述", "CLUE", null)))
			.isInstanceOfSatisfying(Refusal.class, (ex) -> assertThat(ex.getMessageZh()).contains("整治活动编号与已有台账不一致"));
		assertThat(this.ledger.entries(campaign)).hasSize(1);
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(RectificationProcess.KEY)
			.variableValueEquals(RectificationProcess.VAR_CAMPAIGN_ID, campaign)
			.count()).isEqualTo(1);
	}

	private boolean isWaiting(ProcessInstance instance) {
		return this.runtimeService.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId("Event_LedgerClosed")
			.count() == 1;
	}

}
