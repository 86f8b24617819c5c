package org.rectifyflow.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
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
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.taskrules.TaskRules;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestModels;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races on one task, through HTTP on real PostgreSQL, as Tasklist and API clients cause
 * them: exactly one request wins, every other gets a 4xx with a Chinese message, never a
 * 500, and the database holds the winner's result only.
 * <p>
 * {@link #CLAIM_ROUTES} lists the ways to claim a task; a feature that offers its own
 * claim under {@code /api} adds a row there.
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

	/**
	 * How a client claims a task: path and JSON body for a task id and user.
	 */
	record ClaimRoute(String name, String pathTemplate, String bodyTemplate) {

		String path(String taskId) {
			return this.pathTemplate.formatted(taskId);
		}

		String body(String userId) {
			return this.bodyTemplate.formatted(userId);
		}

	}

	/** Every way to claim a task. Clue and campaign APIs add their claim routes here. */
	static final List<ClaimRoute> CLAIM_ROUTES = List
		.of(new ClaimRoute("engine-rest (Tasklist)", "/engine-rest/task/%s/claim", "{\"userId\":\"%s\"}"));

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
	ApprovalOpinionService opinions;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void usersAndProcesses() {
		this.identityService.saveGroup(this.identityService.newGroup(GROUP));
		for (int i = 0; i < THREADS; i++) {
			User user = this.identityService.newUser(user(i));
			user.setFirstName("并发" + i);
			user.setPassword(PASSWORD);
			this.identityService.saveUser(user);
			this.identityService.createMembership(user(i), GROUP);
		}
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
		TestModels.userTaskProperties(approval, "Task_Approve", Map.of(TaskRules.APPROVAL, "decision"));
		this.repositoryService.createDeployment()
			.addModelInstance(WORK_PROCESS + ".bpmn", work)
			.addModelInstance(APPROVAL_PROCESS + ".bpmn", approval)
			.deploy();
	}

	@Test
	void shouldLetExactlyOneOfTwentyClaimsWinAndAnswerTheOthersWithConflict() throws Exception {
		for (ClaimRoute route : CLAIM_ROUTES) {
			String taskId = startAndGetTask(WORK_PROCESS);

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
			assertThat(responses).extracting(HttpResponse::statusCode)
				.as("no request fails with a server error")
				.allSatisfy((status) -> assertThat(status).isLessThan(500));
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
