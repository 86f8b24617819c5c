package org.rectifyflow.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.ClueTestSupport;
import org.rectifyflow.clue.internal.HandlingOutcome;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.taskrules.ApprovalOpinion;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.taskrules.TaskRules;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestModels;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races on one task, through HTTP on real PostgreSQL, as Tasklist and API clients cause
 * them: exactly one request wins, every other gets a 4xx with a Chinese message, never a
 * 500, and the database holds the winner's result only.
 * <p>
 * {@link #CLAIM_ROUTES} lists the ways to claim a task; a feature that offers its own
 * claim under {@code /api} adds a row there. The clue process has no claim or approval
 * endpoint of its own: its tasks are claimed and completed through {@code /engine-rest}
 * as Tasklist does, which the clue rows and the clue approval race exercise.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {

	static final String WORK_PROCESS = "concurrencyWork";

	static final String APPROVAL_PROCESS = "concurrencyApproval";

	static final String GROUP = "concurrency-group";

	static final int THREADS = 20;

	/** Races are decided by timing: each two-request race runs several times. */
	static final int ROUNDS = 5;

	static final String PASSWORD = "Concurrency-1";

	static final String CLUE_UNIT = "cc-unit";

	/** Proposes the clues' handling opinions, so may not approve them. */
	static final String CLUE_HANDLER = "cc-handler";

	/** A task that the race users may all claim. */
	enum Claimable {

		/** A plain user task of {@link #GROUP}. */
		WORK,
		/** 受理登记 of a new clue, a task of the discipline group. */
		CLUE_REGISTRATION

	}

	/**
	 * How a client claims a task: the kind of task, path and JSON body for a task id and
	 * user.
	 */
	record ClaimRoute(String name, Claimable task, String pathTemplate, String bodyTemplate) {

		String path(String taskId) {
			return this.pathTemplate.formatted(taskId);
		}

		String body(String userId) {
			return this.bodyTemplate.formatted(userId);
		}

	}

	/** Every way to claim a task. Clue and campaign APIs add their claim routes here. */
	static final List<ClaimRoute> CLAIM_ROUTES = List.of(
			new ClaimRoute("engine-rest (Tasklist)", Claimable.WORK, "/engine-rest/task/%s/claim",
					"{\"userId\":\"%s\"}"),
			new ClaimRoute("engine-rest (Tasklist), clue 受理登记", Claimable.CLUE_REGISTRATION,
					"/engine-rest/task/%s/claim", "{\"userId\":\"%s\"}"));

	/**
	 * How Tasklist completes a task: {@code submit-form} for a task with a form (every
	 * clue task), {@code complete} otherwise; API clients may use either.
	 */
	enum CompletionRoute {

		SUBMIT_FORM("/engine-rest/task/%s/submit-form"), COMPLETE("/engine-rest/task/%s/complete");

		private final String pathTemplate;

		CompletionRoute(String pathTemplate) {
			this.pathTemplate = pathTemplate;
		}

		String path(String taskId) {
			return this.pathTemplate.formatted(taskId);
		}

	}

	/**
	 * Two approvals of one clue opinion at once: the first request approves, the second
	 * returns the opinion; by two members of the discipline lead or one of them twice.
	 */
	record ApprovalRace(String name, CompletionRoute first, CompletionRoute second, boolean sameUser) {

		CompletionRoute route(int i) {
			return (i == 0) ? this.first : this.second;
		}

		String user(int i) {
			return ConcurrencyIT.user(this.sameUser ? 0 : i);
		}

	}

	static final List<ApprovalRace> CLUE_APPROVAL_RACES = List.of(
			new ApprovalRace("two approvers in Tasklist", CompletionRoute.SUBMIT_FORM, CompletionRoute.SUBMIT_FORM,
					false),
			new ApprovalRace("Tasklist and an API client", CompletionRoute.SUBMIT_FORM, CompletionRoute.COMPLETE,
					false),
			new ApprovalRace("one approver, double submit", CompletionRoute.SUBMIT_FORM, CompletionRoute.SUBMIT_FORM,
					true));

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ApprovalOpinionService opinions;

	@Autowired
	ClueIntake clueIntake;

	@Autowired
	ClueRegister clueRegister;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	ClueTestSupport clues;

	@BeforeAll
	void usersAndProcesses() {
		this.identityService.saveGroup(this.identityService.newGroup(GROUP));
		for (int i = 0; i < THREADS; i++) {
			User user = this.identityService.newUser(user(i));
			user.setFirstName("并发" + i);
			user.setPassword(PASSWORD);
			this.identityService.saveUser(user);
			this.identityService.createMembership(user(i), GROUP);
			// clue tasks: 受理登记 belongs to the discipline group, the approvals to its lead
			this.identityService.createMembership(user(i), Roles.DISCIPLINE_GROUP);
			this.identityService.createMembership(user(i), Roles.DISCIPLINE_LEAD);
		}
		this.clues = new ClueTestSupport(this.clueIntake, this.clueRegister, this.runtimeService, this.taskService,
				this.managementService);
		ClueTestSupport.unit(this.jdbc, CLUE_UNIT);
		BpmnModelInstance work = Bpmn.createExecutableProcess(WORK_PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Work")
			.name("办理")
			.camundaCandidateGroups(GROUP)
			.endEvent()
			.done();
		BpmnModelInstance approval = Bpmn.createExecutableProcess(APPROVAL_PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_Approve")
			.name("审批")
			.camundaCandidateGroups(GROUP)
			.endEvent()
			.done();
		// The work task's one input, so that the engine accepts it from a user
		TestModels.userTaskProperties(work, "Task_Work", Map.of("rf:label:result", "办理结果"));
		TestModels.userTaskProperties(approval, "Task_Approve", Map.of(TaskRules.APPROVAL, "decision"));
		this.repositoryService.createDeployment()
			.addModelInstance(WORK_PROCESS + ".bpmn", work)
			.addModelInstance(APPROVAL_PROCESS + ".bpmn", approval)
			.deploy();
	}

	@Test
	void shouldLetExactlyOneOfTwentyClaimsWinAndAnswerTheOthersWithConflict() throws Exception {
		for (ClaimRoute route : CLAIM_ROUTES) {
			String taskId = claimableTask(route.task());

			List<HttpResponse<String>> responses = race(THREADS,
					(i) -> post(route.path(taskId), user(i), route.body(user(i))));

			List<HttpResponse<String>> won = responses.stream().filter((r) -> r.statusCode() == 204).toList();
			assertThat(won).as(route.name() + ": exactly one claim wins").hasSize(1);
			assertThat(responses).filteredOn((r) -> r.statusCode() != 204)
				.as(route.name() + ": the others are told in Chinese that someone else was faster")
				.hasSize(THREADS - 1)
				.allSatisfy((r) -> {
					assertThat(r.statusCode()).isEqualTo(409);
					// a claim that lost at the database's row version gets the general
					// message
					assertThat(r.body()).containsAnyOf("该任务已被其他人认领", "该事项已被他人同时修改");
				});
			String assignee = this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
			assertThat(assignee).isNotNull();
			assertThat(won.get(0).request().headers().firstValue("X-User")).hasValue(assignee);
		}
	}

	@Test
	void shouldLetOneOfTwoCompletionsWinWithoutServerError() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			completeTwiceAtOnce();
		}
	}

	private void completeTwiceAtOnce() throws Exception {
		String taskId = startAndGetTask(WORK_PROCESS);
		String processInstanceId = this.taskService.createTaskQuery()
			.taskId(taskId)
			.singleResult()
			.getProcessInstanceId();

		List<HttpResponse<String>> responses = race(2, (i) -> post("/engine-rest/task/" + taskId + "/complete", user(i),
				"{\"variables\":{\"result\":{\"value\":\"" + user(i) + "\",\"type\":\"String\"}}}"));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnlyOnce(204);
		assertThat(responses).filteredOn((r) -> r.statusCode() != 204).singleElement().satisfies((r) -> {
			assertThat(r.statusCode()).isIn(404, 409);
			assertThat(r.body()).contains("message");
		});
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
			.isZero();
	}

	@Test
	void shouldRecordOneOpinionWhenTwoApproversDecideAtOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			approveTwiceAtOnce();
		}
	}

	private void approveTwiceAtOnce() throws Exception {
		String taskId = startAndGetTask(APPROVAL_PROCESS);
		String processInstanceId = this.taskService.createTaskQuery()
			.taskId(taskId)
			.singleResult()
			.getProcessInstanceId();

		List<HttpResponse<String>> responses = race(2,
				(i) -> post("/engine-rest/task/" + taskId + "/complete", user(i),
						"{\"variables\":{\"decision\":{\"value\":\"" + ((i == 0) ? "APPROVE" : "REJECT")
								+ "\",\"type\":\"String\"},\"opinion\":{\"value\":\"意见" + i
								+ "\",\"type\":\"String\"}}}"));

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnlyOnce(204);
		assertThat(responses).filteredOn((r) -> r.statusCode() != 204)
			.singleElement()
			.satisfies((r) -> assertThat(r.statusCode()).isIn(404, 409));
		assertThat(this.opinions.history(processInstanceId)).as("one opinion, the winner's").hasSize(1);
	}

	@Test
	void shouldDecideAClueOpinionOnceWhenTwoApprovalsArriveAtOnce() throws Exception {
		for (int round = 0; round < 10 * CLUE_APPROVAL_RACES.size(); round++) {
			approveClueOpinionTwiceAtOnce(CLUE_APPROVAL_RACES.get(round % CLUE_APPROVAL_RACES.size()));
		}
	}

	private void approveClueOpinionTwiceAtOnce(ApprovalRace race) throws Exception {
		Clue clue = newClue("审批竞争：" + race.name());
		String taskId = this.clues.toOpinionApproval(clue, CLUE_HANDLER, HandlingOutcome.CRITICISM).getId();
		String processInstanceId = clue.getProcessInstanceId();

		List<HttpResponse<String>> responses = race(2,
				(i) -> post(race.route(i).path(taskId), race.user(i),
						"{\"variables\":{\"" + ClueProcess.VAR_OPINION_APPROVED + "\":{\"value\":" + (i == 0)
								+ ",\"type\":\"Boolean\"},\"opinion\":{\"value\":\"" + ((i == 0) ? "同意" : "处理偏轻，退回")
								+ "\",\"type\":\"String\"}}}"));

		String name = race.name() + ": ";
		assertThat(responses).extracting(HttpResponse::statusCode).as(name + "one approval wins").containsOnlyOnce(204);
		int winner = (responses.get(0).statusCode() == 204) ? 0 : 1;
		boolean approved = winner == 0;
		assertThat(responses.get(1 - winner)).as(name + "the other is told in Chinese").satisfies((r) -> {
			assertThat(r.statusCode()).isIn(404, 409);
			assertThat(r.body()).containsAnyOf("该任务不存在或已被他人办理", "该事项已被他人同时修改", "该任务已被其他人认领");
		});

		List<ApprovalOpinion> recorded = this.opinions.history(processInstanceId);
		assertThat(recorded).as(name + "one approval opinion, the winner's").singleElement().satisfies((o) -> {
			assertThat(o.getTaskId()).isEqualTo(taskId);
			assertThat(o.getUserId()).isEqualTo(race.user(winner));
			assertThat(o.getDecision()).isEqualTo(String.valueOf(approved));
		});
		assertThat(this.taskService.getTaskComments(taskId)).as(name + "one approval comment").hasSize(1);
		assertThat(this.jdbc.queryForList(
				"select approved, decided_by from clue_handling_opinion where clue_id = ? and decided_at is not null",
				clue.getId()))
			.as(name + "the handling opinion is decided once, by the winner")
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("approved")).isEqualTo(approved);
				assertThat(row.get("decided_by")).isEqualTo(race.user(winner));
			});
		assertThat(count("select count(*) from audit_event where action = 'TASK_COMPLETED' and item_type = 'task'"
				+ " and item_id = ?", taskId))
			.as(name + "one audited completion")
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action in ('CLUE_OPINION_APPROVED',"
				+ " 'CLUE_OPINION_REJECTED') and item_type = 'clue' and item_id = ?", clue.getNumber()))
			.as(name + "one audited decision")
			.isEqualTo(1);
		assertThat(this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityId(ClueProcess.TASK_APPROVE_OPINION)
			.finished()
			.count()).as(name + "the approval step ran once").isEqualTo(1);
		assertThat(this.taskService.createTaskQuery().processInstanceId(processInstanceId).list())
			.as(name + "the process moved on once, the winner's way")
			.singleElement()
			.satisfies((task) -> assertThat(task.getTaskDefinitionKey())
				.isEqualTo(approved ? ClueProcess.TASK_WRITE_FEEDBACK : ClueProcess.TASK_HANDLING_OPINION));
	}

	@Test
	void shouldNumberTheFirstCluesOfAYearArrivingAtOnce() throws Exception {
		// No clue has been received in 2099 yet: its number row does not exist.
		EngineClock.at(LocalDateTime.of(2099, 3, 2, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), () -> {
			List<HttpResponse<String>> responses = race(THREADS, (i) -> post("/api/clues", user(i), """
					{"channel":"PHONE","subjectUnit":"%s","category":"RESPONSIBILITY",
					 "description":"新年第一批来电反映 %d"}""".formatted(CLUE_UNIT, i)));

			assertThat(responses).as("every clue is received")
				.allSatisfy((r) -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
			assertThat(this.jdbc.queryForList("select clue_number from clue where clue_number like 'XS-2099-%'",
					String.class))
				.as("numbered without gaps or doubles")
				.containsExactlyInAnyOrderElementsOf(
						IntStream.rangeClosed(1, THREADS).mapToObj("XS-2099-%06d"::formatted).toList());
		});
	}

	private String claimableTask(Claimable kind) {
		return switch (kind) {
			case WORK -> startAndGetTask(WORK_PROCESS);
			case CLUE_REGISTRATION -> this.clues.task(newClue("认领竞争"), ClueProcess.TASK_REGISTER).getId();
		};
	}

	private Clue newClue(String description) {
		return this.clues.receive(ClueTestSupport.anonymous(CLUE_UNIT, "WORK_IMPLEMENTATION", description));
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	private String startAndGetTask(String processKey) {
		String processInstanceId = this.runtimeService.startProcessInstanceByKey(processKey).getId();
		Task task = this.taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		return task.getId();
	}

	/**
	 * Sends the requests from as many threads, released at the same moment.
	 */
	private List<HttpResponse<String>> race(int threads, RequestFactory requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			IntStream.range(0, threads).forEach((i) -> futures.add(pool.submit((Callable<HttpResponse<String>>) () -> {
				HttpRequest request = requests.create(i);
				ready.countDown();
				go.await();
				return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			})));
			ready.await();
			go.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get());
			}
			assertThat(responses).as("no request fails with a server error")
				.allSatisfy((r) -> assertThat(r.statusCode()).as(r.body()).isLessThan(500));
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HttpRequest post(String path, String userId, String json) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", ClusterNode.basic(userId, PASSWORD))
			.header("Content-Type", "application/json")
			.header("X-User", userId)
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
	}

	private static String user(int i) {
		return "cc" + i;
	}

	@FunctionalInterface
	interface RequestFactory {

		HttpRequest create(int index);

	}

}
