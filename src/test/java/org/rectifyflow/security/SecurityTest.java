package org.rectifyflow.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.taskrules.ApprovalOpinionService;
import org.rectifyflow.taskrules.TaskRules;
import org.rectifyflow.testsupport.RunningServerTest;
import org.rectifyflow.testsupport.TestModels;
import org.rectifyflow.security.internal.LoginThrottle;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single login and Camunda authorization, through HTTP as a browser, Tasklist and API
 * clients use them, with the demo organisation.
 */
class SecurityTest extends RunningServerTest {

	@Autowired
	private LoginThrottle loginThrottle;

	static final String UNIT_PROCESS = "securityUnitTask";

	static final String FORM_PROCESS = "securityRequiredField";

	static final String APPROVAL_PROCESS = "securityFourEyes";

	@Autowired
	AuditEventRepository auditEvents;

	@Autowired
	ApprovalOpinionService opinions;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void deploy() {
		BpmnModelInstance unitTask = oneUserTask(UNIT_PROCESS, "Task_Unit", "单位任务", "unit-u2");
		BpmnModelInstance form = oneUserTask(FORM_PROCESS, "Task_Enter", "填写", "unit-u1");
		TestModels.userTaskProperties(form, "Task_Enter",
				Map.of(TaskRules.REQUIRED, "title", TaskRules.LABEL_PREFIX + "title", "标题"));
		BpmnModelInstance approval = Bpmn.createExecutableProcess(APPROVAL_PROCESS)
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask("Task_Propose")
			.name("提出意见")
			.camundaCandidateGroups("discipline-group")
			.userTask("Task_Approve")
			.name("审批")
			.camundaCandidateGroups("discipline-group")
			.endEvent()
			.done();
		TestModels.userTaskProperties(approval, "Task_Approve",
				Map.of(TaskRules.APPROVAL, "decision", TaskRules.FOUR_EYES, "Task_Propose"));
		deploy(unitTask, form, approval);
	}

	@Test
	void shouldRejectAnonymousCalls() throws Exception {
		assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/notifications", null).statusCode()).isEqualTo(401);
		HttpResponse<String> page = this.http.send(
				request("/camunda/app/tasklist/default/").GET().header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void shouldRejectWrongPasswordAndNeverAcceptAdminAdmin() throws Exception {
		// A failure delays the next attempt of that user, so the successful login is made
		// by another user, and the delays are released for the tests that follow.
		try {
			assertThat(get("/engine-rest/task?maxResults=1", basic("u5", "wrong")).statusCode()).isEqualTo(401);
			assertThat(get("/engine-rest/task?maxResults=1", basic("admin", "admin")).statusCode()).isEqualTo(401);
			assertThat(get("/engine-rest/task?maxResults=1", basic("u4", "demo")).statusCode()).isEqualTo(200);
		}
		finally {
			this.loginThrottle.release("u5");
			this.loginThrottle.release("admin");
		}
	}

	@Test
	void shouldShowAndAllowClaimOnlyForTheTasksOwnUnit() throws Exception {
		String taskId = startAndGetTask(UNIT_PROCESS);

		assertThat(get("/engine-rest/task?maxResults=100&processDefinitionKey=" + UNIT_PROCESS, basic("u1", "demo"))
			.body()).doesNotContain(taskId);
		assertThat(get("/engine-rest/task?maxResults=100&processDefinitionKey=" + UNIT_PROCESS, basic("u2", "demo"))
			.body()).contains(taskId);

		HttpResponse<String> refused = post("/engine-rest/task/" + taskId + "/claim", basic("u1", "demo"),
				"{\"userId\":\"u1\"}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
	}

	@Test
	void shouldAnswerConflictWhenTaskIsAlreadyClaimed() throws Exception {
		String taskId = startAndGetTask(UNIT_PROCESS);

		assertThat(
				post("/engine-rest/task/" + taskId + "/claim", basic("u2", "demo"), "{\"userId\":\"u2\"}").statusCode())
			.isEqualTo(204);
		HttpResponse<String> second = post("/engine-rest/task/" + taskId + "/claim", basic("u2lead", "demo"),
				"{\"userId\":\"u2lead\"}");

		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("该任务已被其他人认领");
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("u2");
	}

	@Test
	void shouldRefuseInvalidCompletionInsideTheEngineWithChineseMessage() throws Exception {
		String taskId = startAndGetTask(FORM_PROCESS);
		long completionsBefore = this.auditEvents.findByActionOrderByOccurredAtAscIdAsc("TASK_COMPLETED").size();

		HttpResponse<String> refused = post("/engine-rest/task/" + taskId + "/complete", basic("u1", "demo"),
				"{\"variables\":{\"title\":{\"value\":\"  \",\"type\":\"String\"}}}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("「标题」为必填项");
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(this.taskService.getVariable(taskId, "title")).isNull();
		assertThat(this.auditEvents.findByActionOrderByOccurredAtAscIdAsc("TASK_COMPLETED"))
			.hasSize((int) completionsBefore);

		HttpResponse<String> accepted = post("/engine-rest/task/" + taskId + "/complete", basic("u1", "demo"),
				"{\"variables\":{\"title\":{\"value\":\"会议过多\",\"type\":\"String\"}}}");
		assertThat(accepted.statusCode()).isEqualTo(204);
		assertThat(this.auditEvents.findByActionOrderByOccurredAtAscIdAsc("TASK_COMPLETED"))
			.anySatisfy((event) -> assertThat(event.getItemId()).isEqualTo(taskId))
			.anySatisfy((event) -> assertThat(event.getActor()).isEqualTo("u1"));
	}

	@Test
	void shouldRefuseTheProposerAsApproverAndRecordTheOpinion() throws Exception {
		String proposeId = startAndGetTask(APPROVAL_PROCESS);
		String processInstanceId = this.taskService.createTaskQuery()
			.taskId(proposeId)
			.singleResult()
			.getProcessInstanceId();
		assertThat(post("/engine-rest/task/" + proposeId + "/claim", basic("discipline", "demo"),
				"{\"userId\":\"discipline\"}")
			.statusCode()).isEqualTo(204);
		assertThat(post("/engine-rest/task/" + proposeId + "/complete", basic("discipline", "demo"), "{}").statusCode())
			.isEqualTo(204);
		String approveId = this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getId();

		HttpResponse<String> selfClaim = post("/engine-rest/task/" + approveId + "/claim", basic("discipline", "demo"),
				"{\"userId\":\"discipline\"}");
		assertThat(selfClaim.statusCode()).isEqualTo(400);
		assertThat(selfClaim.body()).contains("四眼原则");

		String approve = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"opinion\":{\"value\":\"同意，按期办结\"}}}";
		assertThat(post("/engine-rest/task/" + approveId + "/claim", basic("discipline2", "demo"),
				"{\"userId\":\"discipline2\"}")
			.statusCode()).isEqualTo(204);
		assertThat(post("/engine-rest/task/" + approveId + "/complete", basic("discipline2", "demo"), approve)
			.statusCode()).isEqualTo(204);

		assertThat(this.opinions.history(processInstanceId)).singleElement().satisfies((opinion) -> {
			assertThat(opinion.getUserId()).isEqualTo("discipline2");
			assertThat(opinion.getOpinion()).isEqualTo("同意，按期办结");
			assertThat(opinion.getDecision()).isEqualTo("APPROVE");
		});
		// comments by
		// instance
		assertThat(this.taskService.getProcessInstanceComments(processInstanceId))
			.anySatisfy((comment) -> assertThat(comment.getFullMessage()).contains("同意，按期办结"));
	}

	@Test
	void shouldLogInOnceForTheProjectAndTheCamundaWebappsAndLogOutOfBoth() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> loginPage = browser.send(request("/login").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(loginPage.body()).contains("登录");
		String csrf = csrfToken(loginPage.body());

		HttpResponse<String> login = browser
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(form(Map.of("username", "u1", "password", "demo", "_csrf", csrf)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		HttpResponse<String> tasklist = browser.send(request("/camunda/app/tasklist/default/").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(tasklist.statusCode()).isEqualTo(200);
		HttpResponse<String> camundaUser = browser.send(request("/camunda/api/admin/auth/user/default").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(camundaUser.statusCode()).isEqualTo(200);
		assertThat(camundaUser.body()).contains("\"userId\":\"u1\"").contains("tasklist").doesNotContain("cockpit");

		String logoutCsrf = csrfToken(
				browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> logout = browser
			.send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(form(Map.of("_csrf", logoutCsrf)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(browser
			.send(request("/camunda/api/admin/auth/user/default").GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		assertThat(browser.send(request("/api/notifications").GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
	}

	@Test
	void shouldRefuseLoginFormWithoutCsrfToken() throws Exception {
		HttpResponse<String> login = this.http
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(form(Map.of("username", "u1", "password", "demo")))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(403);
	}

	private String startAndGetTask(String processKey) {
		String instanceId = this.runtimeService.startProcessInstanceByKey(processKey).getId();
		Task task = this.taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
		return task.getId();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder builder = request(path).GET().header("Accept", "application/json");
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String authorization, String json)
			throws IOException, InterruptedException {
		return this.http.send(request(path).header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return HttpRequest.BodyPublishers.ofString(body.toString());
	}

	private static String csrfToken(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("login page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

}
