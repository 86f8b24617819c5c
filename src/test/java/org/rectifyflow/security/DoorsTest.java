package org.rectifyflow.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.EngineRestClient;
import org.rectifyflow.testsupport.RunningServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every door answers properly: refusals of Camunda's REST APIs are 4xx with Chinese text,
 * never 500; multipart reaches the engine REST API; the project's pages send a
 * Content-Security-Policy and create no session for anonymous readers; a forged request
 * never ends a session.
 */
class DoorsTest extends RunningServerTest {

	static final String PROCESS = "doorsUnitTask";

	static final String OBJECT_VARIABLE = "{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{"
			+ "\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";

	EngineRestClient rest;

	String taskId;

	@BeforeEach
	void startTask() {
		this.rest = rest();
		deploy(oneUserTask(PROCESS, "Task_Unit", "单位任务", "unit-u1"));
		this.taskId = startAndClaim(PROCESS, "u1");
	}

	@Test
	void shouldAnswerOneVariableOrTheFormOfAMissingTaskOrExecutionWithNotFound() {
		this.taskService.setVariableLocal(this.taskId, "note", "geheim-running");
		String runningInstanceId = this.taskService.createTaskQuery()
			.taskId(this.taskId)
			.singleResult()
			.getProcessInstanceId();
		String finishedInstanceId = this.runtimeService.startProcessInstanceByKey(PROCESS).getId();
		String finishedTaskId = this.taskService.createTaskQuery()
			.processInstanceId(finishedInstanceId)
			.singleResult()
			.getId();
		this.taskService.setVariableLocal(finishedTaskId, "note", "geheim-finished");
		this.taskService.complete(finishedTaskId);

		for (String user : new String[] { "u1", "party" }) {
			// the task itself and its other sub-resources: 404 when it does not exist
			assertThat(this.rest.send("GET", "/engine-rest/task/" + finishedTaskId, user, null).statusCode())
				.isEqualTo(404);
			assertThat(this.rest.send("GET", "/engine-rest/task/" + finishedTaskId + "/identity-links", user, null)
				.statusCode()).isEqualTo(404);
			for (String path : new String[] { "/task/" + finishedTaskId + "/variables/note",
					"/task/" + finishedTaskId + "/localVariables/note",
					"/task/" + finishedTaskId + "/variables/note/data",
					"/task/" + finishedTaskId + "/localVariables/note/data",
					"/task/" + finishedTaskId + "/deployed-form", "/task/" + runningInstanceId + "/variables/note",
					"/task/" + runningInstanceId + "/deployed-form" }) {
				assertMissing(this.rest.send("GET", "/engine-rest" + path, user, null), "该任务不存在");
			}
			for (String path : new String[] { "/execution/" + finishedInstanceId + "/localVariables/note",
					"/execution/" + finishedInstanceId + "/localVariables/note/data",
					"/process-instance/" + finishedInstanceId + "/variables/note",
					"/process-instance/" + finishedInstanceId + "/variables/note/data",
					"/execution/" + this.taskId + "/localVariables/note" }) {
				assertMissing(this.rest.send("GET", "/engine-rest" + path, user, null), "该流程实例不存在");
			}
		}
		// a task that exists but the caller may not see: 403, as for its other
		// sub-resources
		assertThat(this.rest.send("GET", "/engine-rest/task/" + this.taskId + "/variables", "party", null).statusCode())
			.isEqualTo(403);
		for (String path : new String[] { "/task/" + this.taskId + "/localVariables/note",
				"/task/" + this.taskId + "/localVariables/note/data", "/task/" + this.taskId + "/deployed-form" }) {
			HttpResponse<String> hidden = this.rest.send("GET", "/engine-rest" + path, "party", null);
			assertThat(hidden.statusCode()).as(path).isEqualTo(403);
			assertThat(hidden.body()).as(path).contains("您没有执行此操作的权限").doesNotContain("geheim");
		}
	}

	private static void assertMissing(HttpResponse<String> response, String messageZh) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(404);
		assertThat(response.body()).as(response.uri().toString())
			.contains(messageZh)
			.doesNotContain("geheim")
			.doesNotContain("Cannot invoke");
	}

	@Test
	void shouldRefuseVariablesOfTypeObjectThroughEveryDoor() {
		String variables = "{\"variables\":{\"o\":" + OBJECT_VARIABLE + "}}";
		assertRefused(this.rest.send("POST", "/engine-rest/task/" + this.taskId + "/complete", "u1", variables),
				"对象（Object）类型");
		assertRefused(this.rest.send("POST", "/engine-rest/task/" + this.taskId + "/submit-form", "u1", variables),
				"对象（Object）类型");
		assertRefused(
				this.rest.send("PUT", "/engine-rest/task/" + this.taskId + "/localVariables/o", "u1", OBJECT_VARIABLE),
				"对象（Object）类型");
		assertRefused(this.rest.send("POST", "/engine-rest/task/" + this.taskId + "/localVariables", "u1",
				"{\"modifications\":{\"o\":" + OBJECT_VARIABLE + "}}"), "对象（Object）类型");
		assertRefused(
				this.rest.send("POST", "/engine-rest/process-definition/key/" + PROCESS + "/start", "admin", variables),
				"对象（Object）类型");
		assertThat(this.taskService.createTaskQuery().taskId(this.taskId).count()).isOne();
		assertThat(this.taskService.getVariables(this.taskId)).doesNotContainKey("o");
	}

	@Test
	void shouldRefuseAListAsTheValueOfAQueryCondition() {
		assertRefused(this.rest.send("POST", "/engine-rest/history/task", "u1",
				"{\"taskVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":[1,2]}]}"), "不能是列表或对象");
		assertRefused(
				this.rest.send("POST", "/engine-rest/history/task", "u1",
						"{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}"),
				"不能是列表或对象");
		CockpitSession cockpit = cockpitSession("discipline");
		assertRefused(cockpit.post("/camunda/api/cockpit/plugin/base/default/process-instance",
				"{\"variables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":[1]}]}"), "不能是列表或对象");
	}

	/** A browser logged in through the form, holding the webapps' CSRF token. */
	record CockpitSession(EngineRestClient rest, HttpClient browser, CookieManager cookies) {

		HttpResponse<String> get(String path) {
			try {
				return this.browser.send(this.rest.request(path).header("Accept", "application/json").GET().build(),
						HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		HttpResponse<String> post(String path, String json) {
			String token = this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow();
			try {
				return this.browser.send(this.rest.request(path)
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.header("X-XSRF-TOKEN", token)
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private CockpitSession cockpitSession(String user) {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		try {
			String csrf = csrfToken(
					browser.send(this.rest.request("/login").GET().build(), HttpResponse.BodyHandlers.ofString())
						.body());
			HttpResponse<String> login = browser.send(this.rest.request("/login")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(browser
				.send(this.rest.request("/camunda/app/cockpit/default/").GET().build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new CockpitSession(this.rest, browser, cookies);
	}

	@Test
	void shouldRefuseNulOnEveryDatabase() {
		assertRefused(this.rest.send("PUT", "/engine-rest/task/" + this.taskId + "/localVariables/note", "u1",
				"{\"value\":\"a\\u0000b\",\"type\":\"String\"}"), "空字符");
		assertRefused(this.rest.send("GET", "/engine-rest/task?nameLike=%00", "u1", null), "空字符");
		assertThat(this.taskService.getVariablesLocal(this.taskId)).doesNotContainKey("note");
	}

	@Test
	void shouldAnswerEngineAndCockpitRefusalsInChinese() {
		HttpResponse<String> engine = this.rest.send("GET", "/engine-rest/task?sortBy=nonsense&sortOrder=asc", "u1",
				null);
		assertThat(engine.statusCode()).isEqualTo(400);
		assertThat(engine.body()).contains("请求的参数或内容无效").contains("sortBy");
		HttpResponse<String> cockpit = cockpitSession("discipline")
			.get("/camunda/api/engine/engine/default/process-instance?sortBy=nonsense&sortOrder=asc");
		assertThat(cockpit.statusCode()).isEqualTo(400);
		assertThat(cockpit.body()).contains("请求的参数或内容无效");
		HttpResponse<String> missing = this.rest.send("GET", "/engine-rest/process-definition/key/nosuchprocess", "u1",
				null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("请求的地址不存在");
	}

	@Test
	void shouldRefuseAPageBeyondTheAddressableRowsWithBadRequest() {
		for (String path : new String[] { "/api/cc?page=21474837&size=100", "/api/notifications?page=21474837&size=100",
				"/api/cc?page=2147483647" }) {
			HttpResponse<String> page = this.rest.send("GET", path, "u1", null);
			assertThat(page.statusCode()).as(path).isEqualTo(400);
			assertThat(page.body()).as(path).contains("页码超出范围");
		}
		assertThat(this.rest.send("GET", "/api/cc?page=0", "u1", null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAnswerAnAnonymousErrorPageWithoutServerError() {
		HttpResponse<String> error = this.rest.send("GET", "/error", null, null);
		assertThat(error.statusCode()).isBetween(400, 499);
		assertThat(error.body()).doesNotContain("Exception");
	}

	@Test
	void shouldLetAnAdministratorDeployABpmnFileThroughMultipart() {
		String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("modelerUpload")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask("Task_Check")
			.name("检查")
			.endEvent()
			.done());
		String boundary = "----rectifyflow" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n上传测试\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
				+ "Camunda Modeler\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"upload.bpmn\"; filename=\"upload.bpmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
		HttpRequest.Builder request = this.rest.request("/engine-rest/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

		HttpResponse<String> asAdmin = this.rest
			.send(request.copy().header("Authorization", EngineRestClient.basic("admin", "demo")).build());
		HttpResponse<String> asHandler = this.rest
			.send(request.copy().header("Authorization", EngineRestClient.basic("u1", "demo")).build());

		assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
		assertThat(asHandler.statusCode()).isEqualTo(403);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("modelerUpload").count())
			.isOne();
		this.repositoryService.deleteDeployment(
				this.repositoryService.createDeploymentQuery().deploymentName("上传测试").singleResult().getId(), true);
	}

	@Test
	void shouldServeTheProjectsPagesWithAPolicy() {
		for (String path : new String[] { "/login", "/report" }) {
			HttpResponse<String> page = this.rest.send(this.rest.request(path).GET().build());
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self'"));
		}
		for (String path : new String[] { "/dashboard", "/attachments/upload?itemType=deadline-template&itemId=X" }) {
			HttpResponse<String> page = this.rest.send(this.rest.request(path)
				.header("Authorization", EngineRestClient.basic("supervisor", "demo"))
				.GET()
				.build());
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
		}
	}

	@Test
	void shouldCreateNoSessionBeforeTheLogin() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> loginPage = browser.send(this.rest.request("/login").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> reportPage = browser.send(this.rest.request("/report").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> lookup = browser.send(this.rest.request("/report/lookup")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("receiptCode=NONE&_csrf=" + csrfToken(reportPage.body())))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> clue = browser.send(this.rest.request("/api/public/clues")
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEBSITE\",\"subjectUnit\":\"u4\","
					+ "\"category\":\"MEETINGS_DOCUMENTS\",\"description\":\"会议过多，无会期安排，无会前审批。\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> protectedPage = browser.send(
				this.rest.request("/dashboard").header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> protectedApi = browser.send(
				this.rest.request("/api/notifications").header("Accept", "application/json").GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(loginPage.statusCode()).isEqualTo(200);
		assertThat(reportPage.statusCode()).isEqualTo(200);
		assertThat(lookup.statusCode()).as("the page's token is accepted without a session").isEqualTo(404);
		assertThat(lookup.body()).contains("查询码");
		assertThat(clue.statusCode()).as(clue.body()).isEqualTo(201);
		assertThat(protectedPage.statusCode()).isEqualTo(302);
		assertThat(protectedApi.statusCode()).isEqualTo(401);
		for (HttpResponse<String> anonymous : java.util.List.of(loginPage, reportPage, lookup, clue, protectedPage,
				protectedApi)) {
			assertThat(anonymous.headers().allValues("Set-Cookie")).as(anonymous.request().uri().getPath())
				.noneSatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID"));
		}
		assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).doesNotContain("JSESSIONID");

		// the login page's token, kept in a cookie, logs in and leads back to the page
		// asked for; only then is there a session
		HttpResponse<String> login = browser.send(this.rest.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=supervisor&password=demo&_csrf=" + csrfToken(loginPage.body())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID"));
		HttpResponse<String> dashboard = browser.send(this.rest.request("/dashboard").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(dashboard.statusCode()).isEqualTo(200);
		// the token of the login page is spent: a forged login with it is refused
		HttpResponse<String> replay = HttpClient.newHttpClient()
			.send(this.rest.request("/login")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "JSESSIONID=x")
				.POST(HttpRequest.BodyPublishers.ofString("username=u1&password=demo&_csrf=forged"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldKeepTheSessionWhenAForgedRequestFailsTheCsrfCheck() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String csrf = csrfToken(
				browser.send(this.rest.request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> login = browser.send(this.rest.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=u1&password=demo&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID").containsIgnoringCase("SameSite=Lax"));
		assertThat(browser
			.send(this.rest.request("/camunda/app/tasklist/default/").GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		HttpRequest whoAmI = this.rest.request("/camunda/api/admin/auth/user/default").GET().build();
		assertThat(browser.send(whoAmI, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

		HttpResponse<String> forgedLogout = browser
			.send(this.rest.request("/camunda/api/admin/auth/user/default/logout")
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> forgedChange = browser
			.send(this.rest.request("/camunda/api/engine/engine/default/task/" + this.taskId + "/unclaim")
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", "forged")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forgedLogout.statusCode()).isEqualTo(403);
		assertThat(forgedChange.statusCode()).isEqualTo(403);
		assertThat(forgedChange.body()).contains("安全令牌无效");
		assertThat(this.taskService.createTaskQuery().taskId(this.taskId).singleResult().getAssignee()).isEqualTo("u1");
		assertThat(browser.send(whoAmI, HttpResponse.BodyHandlers.ofString()).statusCode()).as("still logged in")
			.isEqualTo(200);
	}

	private static void assertRefused(HttpResponse<String> response, String messageZh) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains(messageZh);
	}

	private static String csrfToken(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("login page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

}
