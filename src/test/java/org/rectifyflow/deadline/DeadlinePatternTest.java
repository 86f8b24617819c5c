package org.rectifyflow.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Walks the deadline pattern on the template process with the 2026 calendar. Expected
 * instants are worked out by hand: Friday 2026-09-18 + 5 working days counts Sunday 09-20
 * (make-up working day), 09-21..24, so the deadline is Thursday 09-24 18:00; the reminder
 * one working day earlier, 09-23 18:00. Level 2 is 3 working days after the deadline,
 * skipping the Mid-Autumn holiday 09-25..27: 09-28, 29, 30. Level 3 skips National Day
 * 10-01..07: 10-08, 10-09 and Saturday 10-10 (make-up working day). Level 4: 10-12, 13,
 * 14.
 */
@SpringBootTest(
		properties = { "rectify.escalation.chains.deadline-clue-style=discipline-lead,external:superior-commission",
				"rectify.escalation.external.superior-commission.address=jiwei@superior.example" })
@RecordApplicationEvents
class DeadlinePatternTest {

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(START);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Instant START = at(2026, 9, 18, 10);

	private static final Instant REMINDER = at(2026, 9, 23, 18);

	private static final Instant DEADLINE = at(2026, 9, 24, 18);

	private static final Instant LEVEL_2 = at(2026, 9, 30, 18);

	private static final Instant LEVEL_3 = at(2026, 10, 10, 18);

	private static final Instant LEVEL_4 = at(2026, 10, 14, 18);

	private static final String CLUE_STYLE = "deadline-clue-style";

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private HistoryService historyService;

	@Autowired
	private TaskService taskService;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private RepositoryService repositoryService;

	@Autowired
	private SupervisionService supervisionService;

	@Autowired
	private DeadlineService deadlineService;

	@Autowired
	private EscalationProperties escalationProperties;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private ApplicationEvents events;

	@MockitoBean
	private Notifier notifier;

	@BeforeEach
	void setUp() {
		// The demo data loaded at start-up notifies through the same mock.
		clearInvocations(this.notifier);
	}

	@Test
	void shouldRemindEscalateLevelByLevelAndResolveWhenWorkIsDone() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-1");
		BpmnAwareTests.assertThat(work).isWaitingAt(DeadlineTemplateProcess.TASK_WORK);
		assertThat(date(work, DeadlinePattern.VAR_DEADLINE_AT)).isEqualTo(DEADLINE);
		assertThat(date(work, DeadlinePattern.VAR_REMINDER_AT)).isEqualTo(REMINDER);
		assertThat(this.runtimeService.getVariable(work.getId(), DeadlinePattern.VAR_OVERDUE)).isEqualTo(false);
		assertThat(due(timer(work.getId(), DeadlinePattern.TIMER_REMINDER))).isEqualTo(REMINDER);
		assertThat(due(timer(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED))).isEqualTo(DEADLINE);
		assertThat(task(DeadlineTemplateProcess.TASK_WORK, work).getDueDate().toInstant()).isEqualTo(DEADLINE);
		this.taskService.claim(task(DeadlineTemplateProcess.TASK_WORK, work).getId(), "zhangsan");

		fire(work.getId(), DeadlinePattern.TIMER_REMINDER, REMINDER);
		verify(this.notifier).notifyUser(eq("zhangsan"), contains("办理"), anyString());
		verify(this.notifier, never()).notifyGroup(anyString(), anyString(), anyString());
		assertThat(this.supervisionService.notices(work.getId())).isEmpty();

		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		ProcessInstance ladder = ladderOf(work);
		BpmnAwareTests.assertThat(ladder)
			.isWaitingAt(EscalationProcess.TASK_SUPERVISE, EscalationProcess.TIMER_NEXT_LEVEL);
		BpmnAwareTests.assertThat(work).isWaitingAt(DeadlineTemplateProcess.TASK_WORK);
		assertThat(supervisionGroups(ladder)).containsExactly("supervisors");
		Task supervise = supervisionTasks(ladder).get(0);
		assertThat(supervise.getName()).startsWith("督办：限期办理模板（T-1）");
		assertThat(supervise.getDueDate().toInstant()).isEqualTo(DEADLINE);
		assertThat(this.runtimeService.getVariable(work.getId(), DeadlinePattern.VAR_OVERDUE)).isEqualTo(true);
		assertThat(this.events.stream(DeadlinePassed.class))
			.containsExactly(new DeadlinePassed(DeadlineTemplateProcess.KEY, work.getId(), "T-1", 1, DEADLINE));
		verify(this.notifier).notifyGroup(eq("supervisors"), contains("逾期"), anyString());
		List<SupervisionNotice> notices = this.supervisionService.notices(work.getId());
		assertThat(notices).singleElement().satisfies((notice) -> {
			assertThat(notice.getStatus()).isEqualTo(SupervisionNotice.Status.OPEN);
			assertThat(notice.getLevel()).isEqualTo(1);
			assertThat(notice.getEscalationGroup()).isEqualTo("supervisors");
			assertThat(notice.getProcessDefinitionKey()).isEqualTo(DeadlineTemplateProcess.KEY);
			assertThat(notice.getBusinessKey()).isEqualTo("T-1");
			assertThat(notice.getDeadline().toInstant()).isEqualTo(DEADLINE);
			assertThat(notice.getRaisedAt().toInstant()).isEqualTo(DEADLINE);
		});
		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(LEVEL_2);

		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_2);
		assertThat(supervisionGroups(ladder)).containsExactlyInAnyOrder("supervisors", "discipline-lead");
		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(LEVEL_3);

		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_3);
		assertThat(supervisionGroups(ladder)).containsExactlyInAnyOrder("supervisors", "discipline-lead",
				"party-group");
		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(LEVEL_4);
		assertThat(this.events.stream(DeadlinePassed.class).map(DeadlinePassed::level)).containsExactly(1, 2, 3);
		// the routing flags live for one transaction only
		assertThat(this.runtimeService.getVariables(ladder.getId())).containsEntry(EscalationProcess.VAR_LEVEL, 3)
			.doesNotContainKeys(EscalationProcess.VAR_ESCALATION_GROUP, EscalationProcess.VAR_EXTERNAL,
					EscalationProcess.VAR_REURGED);
		assertThat(this.supervisionService.openNotices(work.getId())).extracting(SupervisionNotice::getEscalationGroup)
			.containsExactly("supervisors", "discipline-lead", "party-group");
		BpmnAwareTests.assertThat(work).isWaitingAt(DeadlineTemplateProcess.TASK_WORK);

		completeWork(work, true);
		BpmnAwareTests.assertThat(work).isEnded();
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(ladder.getId()).count()).isZero();
		assertThat(supervisionTasks(ladder)).isEmpty();
		assertThat(this.managementService.createJobQuery().processInstanceId(ladder.getId()).count()).isZero();
		assertThat(this.supervisionService.notices(work.getId())).hasSize(3).allSatisfy((notice) -> {
			assertThat(notice.getStatus()).isEqualTo(SupervisionNotice.Status.RESOLVED);
			assertThat(notice.getResolvedAt()).isNotNull();
		});
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("process-instance", work.getId()))
			.extracting((event) -> event.getAction())
			.containsExactly("DEADLINE_REMINDER_SENT", "DEADLINE_ESCALATED", "DEADLINE_ESCALATED",
					"DEADLINE_ESCALATED");
		// the notices and the audit trail record the levels; the ladder's variables leave
		// no history
		assertThat(this.historyService.createHistoricVariableInstanceQuery().processInstanceId(ladder.getId()).count())
			.isZero();
		assertThat(this.historyService.createHistoricDetailQuery().processInstanceId(ladder.getId()).count()).isZero();
	}

	@Test
	void shouldRaiseOnlyTheLevelDueNowAfterAPauseAndUrgeTheTopLevelAgainInsteadOfAddingTasks() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-PAUSE");
		clearInvocations(this.notifier);

		// Nothing ran from before the deadline until after the third level was due.
		Instant resumed = LEVEL_3.plus(Duration.ofHours(2));
		fireLate(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE, resumed);
		ProcessInstance ladder = ladderOf(work);
		assertThat(supervisionGroups(ladder)).containsExactly("party-group");
		assertThat(this.supervisionService.notices(work.getId())).singleElement().satisfies((notice) -> {
			assertThat(notice.getLevel()).isEqualTo(3);
			assertThat(notice.getPassedFromLevel()).isEqualTo(1);
			assertThat(notice.getEscalationGroup()).isEqualTo("party-group");
		});
		assertThat(this.events.stream(DeadlinePassed.class).map(DeadlinePassed::level)).containsExactly(3);
		verify(this.notifier).notifyGroup(eq("party-group"), contains("逾期"), anyString());
		verify(this.notifier, never()).notifyGroup(eq("supervisors"), anyString(), anyString());
		verify(this.notifier, never()).notifyGroup(eq("discipline-lead"), anyString(), anyString());
		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(LEVEL_4);

		// The last level repeats: its group still holds the open 督办 task, so it is urged
		// again, with no second task and no second notice.
		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_4);
		assertThat(supervisionTasks(ladder)).hasSize(1);
		assertThat(this.supervisionService.notices(work.getId())).hasSize(1);
		verify(this.notifier).notifyGroup(eq("party-group"), contains("再次督促"), anyString());
		Instant level5 = due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL));
		assertThat(level5).isAfter(LEVEL_4);

		// Once the 督办 task is done, the next interval gives the group a new one.
		complete(supervisionTasks(ladder).get(0), withVariables("supervisionNote", "已督促整改责任单位"));
		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, level5);
		assertThat(supervisionGroups(ladder)).containsExactly("party-group");
		assertThat(this.supervisionService.notices(work.getId())).hasSize(2);
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("process-instance", work.getId()))
			.extracting((event) -> event.getAction())
			.containsExactly("DEADLINE_ESCALATED", "DEADLINE_REURGED", "DEADLINE_ESCALATED");
	}

	@Test
	void shouldSkipTheLevelsPassedDuringAPauseOnTheLadder() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-PAUSE-2");
		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		ProcessInstance ladder = ladderOf(work);
		clearInvocations(this.notifier);

		fireLate(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_2, LEVEL_3.plus(Duration.ofMinutes(5)));
		assertThat(supervisionGroups(ladder)).containsExactlyInAnyOrder("supervisors", "party-group");
		assertThat(this.supervisionService.notices(work.getId()))
			.extracting(SupervisionNotice::getLevel, SupervisionNotice::getPassedFromLevel)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, null), org.assertj.core.groups.Tuple.tuple(3, 2));
		verify(this.notifier, never()).notifyGroup(eq("discipline-lead"), anyString(), anyString());
		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(LEVEL_4);
	}

	@Test
	void shouldKeepStoringTheRoutingFlagsOfALadderRaisedBeforeTheyWereTransient() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-STORED");
		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		ProcessInstance ladder = ladderOf(work);
		// what a ladder raised by an earlier version holds
		this.runtimeService.setVariables(ladder.getId(), Map.of(EscalationProcess.VAR_ESCALATION_GROUP, "supervisors",
				EscalationProcess.VAR_EXTERNAL, false, EscalationProcess.VAR_REURGED, false));

		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_2);
		assertThat(supervisionGroups(ladder)).containsExactlyInAnyOrder("supervisors", "discipline-lead");
		assertThat(this.runtimeService.getVariables(ladder.getId())).containsEntry(EscalationProcess.VAR_LEVEL, 2)
			.containsEntry(EscalationProcess.VAR_ESCALATION_GROUP, "discipline-lead")
			.containsEntry(EscalationProcess.VAR_EXTERNAL, false);
	}

	@Test
	void shouldRefuseToStartTheLadderOnItsOwn() {
		assertThatThrownBy(() -> this.runtimeService.startProcessInstanceByKey(EscalationProcess.KEY, "T-ALONE",
				Map.of(EscalationProcess.VAR_DEADLINE_AT, Date.from(DEADLINE))))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.getMessageZh()).contains("不能单独启动"));
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("T-ALONE").count())
			.isZero();
		verify(this.notifier, never()).notifyGroup(anyString(), anyString(), anyString());
	}

	@Test
	void shouldRemindTheCandidateGroupOfAnUnclaimedTask() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-2");
		fire(work.getId(), DeadlinePattern.TIMER_REMINDER, REMINDER);
		verify(this.notifier).notifyGroup(eq("unit-a"), contains("办理"), anyString());
	}

	@Test
	void shouldEndWithoutEscalationWhenWorkIsDoneInTime() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-3");
		completeWork(work, true);
		BpmnAwareTests.assertThat(work).isEnded();
		assertThat(this.managementService.createJobQuery().processInstanceId(work.getId()).count()).isZero();
		assertThat(this.supervisionService.notices(work.getId())).isEmpty();
		verify(this.notifier, never()).notifyGroup(anyString(), anyString(), anyString());
	}

	@Test
	void shouldKeepAGivenDeadlineAndFallBackToTheConfiguredDefault() {
		Instant given = at(2026, 10, 12, 9);
		ProcessInstance withDeadline = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "T-7",
				Map.of(DeadlinePattern.VAR_DEADLINE_AT, Date.from(given)));
		assertThat(due(timer(withDeadline.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED))).isEqualTo(given);
		// One working day earlier, same time of day: the make-up Saturday 10-10.
		assertThat(due(timer(withDeadline.getId(), DeadlinePattern.TIMER_REMINDER))).isEqualTo(at(2026, 10, 10, 9));

		// Default 10 working days from Friday 09-18: 09-20..24 (5), 09-28..30 (8), 10-08,
		// 10-09.
		ProcessInstance byDefault = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "T-8");
		assertThat(due(timer(byDefault.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED))).isEqualTo(at(2026, 10, 9, 18));
		assertThat(due(timer(byDefault.getId(), DeadlinePattern.TIMER_REMINDER))).isEqualTo(at(2026, 10, 8, 18));
		assertThat(task(DeadlineTemplateProcess.TASK_WORK, byDefault)).isNotNull();
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(byDefault.getId())
			.taskCandidateGroup("campaign-office")
			.count()).isEqualTo(1);
	}

	@Test
	void shouldNotRearmTimersWhenReviewReturnsTheWork() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-4");
		List<String> timers = timerIds(work.getId());
		assertThat(timers).hasSize(2);

		completeWork(work, false);
		BpmnAwareTests.assertThat(work).isWaitingAt(DeadlineTemplateProcess.TASK_WORK);
		assertThat(timerIds(work.getId())).containsExactlyInAnyOrderElementsOf(timers);

		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		completeWork(work, false);
		assertThat(timerIds(work.getId())).containsExactly(timer(work.getId(), DeadlinePattern.TIMER_REMINDER).getId());
		assertThat(this.runtimeService.createProcessInstanceQuery().superProcessInstanceId(work.getId()).count())
			.isEqualTo(1);
		assertThat(supervisionTasks(ladderOf(work))).hasSize(1);
	}

	@Test
	void shouldMoveTheTimersWhenTheDeadlineIsExtended() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-5");
		// Monday 10-12; one working day earlier is the make-up Saturday 10-10.
		Instant extended = at(2026, 10, 12, 18);

		this.deadlineService.extend(work.getId(), extended);

		assertThat(due(timer(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED))).isEqualTo(extended);
		assertThat(due(timer(work.getId(), DeadlinePattern.TIMER_REMINDER))).isEqualTo(at(2026, 10, 10, 18));
		assertThat(date(work, DeadlinePattern.VAR_DEADLINE_AT)).isEqualTo(extended);
		assertThat(date(work, DeadlinePattern.VAR_REMINDER_AT)).isEqualTo(at(2026, 10, 10, 18));
		assertThat(task(DeadlineTemplateProcess.TASK_WORK, work).getDueDate().toInstant())
			.as("the task shows the extended deadline")
			.isEqualTo(extended);
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("process-instance", work.getId()))
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.getAction()).isEqualTo("DEADLINE_EXTENDED");
				assertThat(event.getBeforeState()).isEqualTo(DEADLINE.toString());
				assertThat(event.getAfterState()).isEqualTo(extended.toString());
			});
		assertThatThrownBy(() -> this.deadlineService.extend(work.getId(), DEADLINE))
			.isInstanceOf(org.rectifyflow.kernel.Refusal.class);
	}

	@Test
	void shouldRefuseAnExtensionToADateAlreadyPast() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-PAST");
		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		this.clock.set(LEVEL_3);

		assertThatThrownBy(() -> this.deadlineService.extend(work.getId(), LEVEL_2)).isInstanceOfSatisfying(
				org.rectifyflow.kernel.Refusal.class, (ex) -> assertThat(ex.getMessageZh()).contains("已经过去"));
		assertThat(date(work, DeadlinePattern.VAR_DEADLINE_AT)).isEqualTo(DEADLINE);
		assertThat(this.runtimeService.getVariable(work.getId(), DeadlinePattern.VAR_OVERDUE)).isEqualTo(true);
	}

	@Test
	void shouldPostponeThePendingLevelWhenExtendedAfterTheDeadline() {
		ProcessInstance work = start(DeadlineTemplateProcess.KEY, "T-6");
		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		ProcessInstance ladder = ladderOf(work);
		// Friday 10-16; three working days later: 10-19, 20, 21.
		Instant extended = at(2026, 10, 16, 18);

		this.deadlineService.extend(work.getId(), extended);

		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(extended);
		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, extended);
		assertThat(supervisionGroups(ladder)).containsExactlyInAnyOrder("supervisors", "discipline-lead");
		assertThat(due(timer(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL))).isEqualTo(at(2026, 10, 21, 18));
	}

	@Test
	void shouldMailTheExternalLevelOfAClueStyleChain() throws IOException {
		assertThat(this.escalationProperties.chainFor("clue")).containsExactly("discipline-lead",
				"external:superior-commission");
		deployCopyOfTemplate(CLUE_STYLE);
		ProcessInstance work = start(CLUE_STYLE, "C-1");

		fire(work.getId(), DeadlinePattern.TIMER_DEADLINE_PASSED, DEADLINE);
		ProcessInstance ladder = ladderOf(work);
		assertThat(supervisionGroups(ladder)).containsExactly("discipline-lead");
		verify(this.notifier, never()).mailExternal(anyString(), anyString(), anyString());

		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_2);
		verify(this.notifier).mailExternal(eq("jiwei@superior.example"), contains("督办"), contains("C-1"));
		assertThat(supervisionGroups(ladder)).containsExactly("discipline-lead");
		assertThat(this.supervisionService.openNotices(work.getId())).hasSize(2).last().satisfies((notice) -> {
			assertThat(notice.getLevel()).isEqualTo(2);
			assertThat(notice.getEscalationGroup()).isNull();
			assertThat(notice.getExternalRecipient()).isEqualTo("superior-commission");
			assertThat(notice.getProcessDefinitionKey()).isEqualTo(CLUE_STYLE);
		});

		fire(ladder.getId(), EscalationProcess.TIMER_NEXT_LEVEL, LEVEL_3);
		verify(this.notifier, times(2)).mailExternal(eq("jiwei@superior.example"), anyString(), anyString());
		verify(this.notifier, never()).notifyGroup(eq("party-group"), anyString(), anyString());

		completeWork(work, true);
		assertThat(this.supervisionService.openNotices(work.getId())).isEmpty();
		assertThat(this.supervisionService.notices(work.getId())).hasSize(3);
	}

	private ProcessInstance start(String key, String businessKey) {
		return this.runtimeService.startProcessInstanceByKey(key, businessKey,
				Map.of(DeadlinePattern.VAR_DEADLINE_WORKING_DAYS, 5, DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-a"));
	}

	private void completeWork(ProcessInstance work, boolean approved) {
		complete(task(DeadlineTemplateProcess.TASK_WORK, work));
		complete(task(DeadlineTemplateProcess.TASK_REVIEW, work),
				withVariables(DeadlineTemplateProcess.VAR_APPROVED, approved));
	}

	private void fire(String processInstanceId, String activityId, Instant expectedDue) {
		Job job = timer(processInstanceId, activityId);
		assertThat(due(job)).isEqualTo(expectedDue);
		this.clock.set(expectedDue);
		this.managementService.executeJob(job.getId());
	}

	/**
	 * Fires a timer late, as the job executor does when the application resumes after a
	 * pause.
	 */
	private void fireLate(String processInstanceId, String activityId, Instant expectedDue, Instant now) {
		Job job = timer(processInstanceId, activityId);
		assertThat(due(job)).isEqualTo(expectedDue);
		this.clock.set(now);
		this.managementService.executeJob(job.getId());
	}

	private Job timer(String processInstanceId, String activityId) {
		Job job = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.singleResult();
		assertThat(job).as("timer %s", activityId).isNotNull();
		return job;
	}

	private List<String> timerIds(String processInstanceId) {
		return this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.timers()
			.list()
			.stream()
			.map(Job::getId)
			.toList();
	}

	private ProcessInstance ladderOf(ProcessInstance work) {
		ProcessInstance ladder = this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(work.getId())
			.processDefinitionKey(EscalationProcess.KEY)
			.singleResult();
		assertThat(ladder).as("escalation ladder").isNotNull();
		return ladder;
	}

	private List<Task> supervisionTasks(ProcessInstance ladder) {
		return this.taskService.createTaskQuery()
			.processInstanceId(ladder.getId())
			.taskDefinitionKey(EscalationProcess.TASK_SUPERVISE)
			.list();
	}

	private List<String> supervisionGroups(ProcessInstance ladder) {
		return supervisionTasks(ladder).stream()
			.flatMap((task) -> this.taskService.getIdentityLinksForTask(task.getId()).stream())
			.filter((link) -> link.getGroupId() != null)
			.map((link) -> link.getGroupId())
			.toList();
	}

	private Instant date(ProcessInstance instance, String variable) {
		return ((Date) this.runtimeService.getVariable(instance.getId(), variable)).toInstant();
	}

	private static Instant due(Job job) {
		return job.getDuedate().toInstant();
	}

	private void deployCopyOfTemplate(String key) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/bpmn/deadline-template.bpmn")) {
			String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("id=\"" + DeadlineTemplateProcess.KEY + "\"", "id=\"" + key + "\"")
				.replace("bpmnElement=\"" + DeadlineTemplateProcess.KEY + "\"", "bpmnElement=\"" + key + "\"");
			this.repositoryService.createDeployment().addString(key + ".bpmn", xml).deploy();
		}
	}

	private static Instant at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).atZone(SHANGHAI).toInstant();
	}

}
