package org.rectifyflow.reliability;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix: every endpoint group × every demo role (and anonymous) → the
 * HTTP status, from the one table {@link #MATRIX}, which {@code docs/security.md} shows
 * row for row (the test fails when the document and the table differ). Also: a browser
 * session's POST without a CSRF token is refused, and the engine throttles logins after a
 * failure.
 * <p>
 * Features add their endpoints as rows. The clue feature adds its rows here, and the
 * check that a reporter's identity appears in no response, log line or process variable
 * next to this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityMatrixTest {

	/** The columns of the matrix, in order; {@code null} password means anonymous. */
	static final List<String> ROLES = List.of("admin", "party", "office", "discipline", "disciplinelead", "supervisor",
			"u1", "u1lead", "anonymous");

	static final String MATRIX_KEY = "MATRIX";

	/**
	 * One endpoint: the request and the expected status per role, in {@link #ROLES}
	 * order.
	 */
	record Row(String method, String path, String body, String accept, List<Integer> expected, String note) {

		String markdown() {
			return "| `" + this.method + " " + this.path + "` | "
					+ this.expected.stream().map(String::valueOf).collect(Collectors.joining(" | ")) + " | " + this.note
					+ " |";
		}

	}

	static Row row(String method, String path, String body, String note, Integer... expected) {
		return new Row(method, path, body, "application/json", List.of(expected), note);
	}

	static Row page(String path, String note, Integer... expected) {
		return new Row("GET", path, null, "text/html", List.of(expected), note);
	}

	static final List<Row> MATRIX = List.of(
			// admin, party, office, discipline, disciplinelead, supervisor, u1, u1lead,
			// anonymous
			row("GET", "/api/notifications", null, "own notifications only", 200, 200, 200, 200, 200, 200, 200, 200,
					401),
			row("GET", "/api/notifications/unread-count", null, "", 200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("POST", "/api/notifications/read-all", null,
					"marks only the caller's own; anonymous POST fails the CSRF check first", 200, 200, 200, 200, 200,
					200, 200, 200, 403),
			row("POST", "/api/notifications/999999999/read", null, "someone else's or missing: 404, never 403 leaks",
					404, 404, 404, 404, 404, 404, 404, 404, 403),
			row("GET", "/api/attachments?itemType=deadline-template&itemId=MATRIX", null,
					"lists only what an access policy lets the caller see", 200, 200, 200, 200, 200, 200, 200, 200,
					401),
			row("GET", "/api/attachments/999999999", null, "", 404, 404, 404, 404, 404, 404, 404, 404, 401),
			row("GET", "/api/docs", null, "OpenAPI description is public", 200, 200, 200, 200, 200, 200, 200, 200, 200),
			row("GET", "/engine-rest/task?maxResults=1", null, "lists only tasks the user may see", 200, 200, 200, 200,
					200, 200, 200, 200, 401),
			row("GET", "/engine-rest/process-definition?maxResults=1", null, "", 200, 200, 200, 200, 200, 200, 200, 200,
					401),
			row("POST", "/engine-rest/process-definition/key/deadline-template/start",
					"{\"businessKey\":\"" + MATRIX_KEY + "\"}", "start needs CREATE_INSTANCE (starters per process)",
					200, 403, 403, 403, 403, 403, 403, 403, 401),
			row("POST", "/engine-rest/user/create",
					"{\"profile\":{\"id\":\"matrix-{role}\",\"firstName\":\"矩阵\"},\"credentials\":{\"password\":\"Matrix-1-pw\"}}",
					"user administration: admin only", 204, 403, 403, 403, 403, 403, 403, 403, 401),
			row("PUT", "/engine-rest/group/supervisors/members/u1lead", null, "group membership: admin only", 204, 403,
					403, 403, 403, 403, 403, 403, 401),
			row("GET", "/engine-rest/user?maxResults=1", null, "users are readable by every user (assignment)", 200,
					200, 200, 200, 200, 200, 200, 200, 401),
			page("/camunda/app/tasklist/default/", "anonymous: redirect to the login page", 200, 200, 200, 200, 200,
					200, 200, 200, 302),
			page("/attachments/upload?itemType=deadline-template&itemId=MATRIX",
					"upload page; the upload itself is checked by the item's policy", 200, 200, 200, 200, 200, 200, 200,
					200, 302),
			row("GET", "/api/inspections", null, "lists only inspections the caller may see (暗访: insiders and team)",
					200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/inspections/999999999", null, "missing or secret: 404", 404, 404, 404, 404, 404, 404, 404,
					404, 401),
			row("GET", "/api/recommendations", null, "drafts: discipline group only; units: their issued letters", 200,
					200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/recommendations/999999999/letter.docx", null, "missing or not visible: 404", 404, 404, 404,
					404, 404, 404, 404, 404, 401),
			row("GET", "/actuator/health", null, "load balancer probe", 200, 200, 200, 200, 200, 200, 200, 200, 200),
			row("GET", "/actuator/info", null, "", 200, 200, 200, 200, 200, 200, 200, 200, 200));

	static final Path DOCUMENT = Paths.get("docs", "security.md");

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	RuntimeService runtimeService;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@AfterEach
	void cleanUp() {
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(MATRIX_KEY)
			.list()
			.forEach((pi) -> this.runtimeService.deleteProcessInstance(pi.getId(), "security matrix test"));
		this.identityService.createUserQuery()
			.userIdIn(ROLES.stream().map((role) -> "matrix-" + role).toArray(String[]::new))
			.list()
			.forEach((user) -> this.identityService.deleteUser(user.getId()));
		this.identityService.deleteMembership("u1lead", "supervisors");
	}

	@Test
	void shouldAnswerEveryEndpointForEveryRoleAsTheMatrixSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Row row : MATRIX) {
			for (int i = 0; i < ROLES.size(); i++) {
				String role = ROLES.get(i);
				HttpResponse<String> response = send(row, role);
				if (response.statusCode() != row.expected().get(i)) {
					wrong.add(row.method() + " " + row.path() + " as " + role + ": expected " + row.expected().get(i)
							+ " but was " + response.statusCode());
				}
				if (row.path().contains("/members/") && response.statusCode() == 204) {
					this.identityService.deleteMembership("u1lead", "supervisors");
				}
			}
		}
		assertThat(wrong).as("statuses that differ from the matrix").isEmpty();
	}

	@Test
	void shouldDocumentEveryRowOfTheMatrix() throws Exception {
		String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		String table = markdownTable();
		assertThat(MATRIX).as("docs/security.md shows the matrix; the table to paste is:\n" + table)
			.allSatisfy((row) -> assertThat(document).contains(row.markdown()));
	}

	static String markdownTable() {
		StringBuilder table = new StringBuilder("| endpoint | " + String.join(" | ", ROLES) + " | note |\n|---|"
				+ IntStream.range(0, ROLES.size()).mapToObj((i) -> "---|").collect(Collectors.joining()) + "---|\n");
		MATRIX.forEach((row) -> table.append(row.markdown()).append('\n'));
		return table.toString();
	}

	@Test
	void shouldRefuseABrowserSessionPostWithoutCsrfToken() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String loginPage = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		HttpResponse<String> login = browser.send(request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=u2&password=demo&_csrf=" + URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(
				browser.send(request("/api/notifications/unread-count").build(), HttpResponse.BodyHandlers.ofString())
					.statusCode())
			.isEqualTo(200);

		HttpResponse<String> withoutToken = browser.send(
				request("/api/notifications/read-all").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> logoutWithoutToken = browser.send(
				request("/logout").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
		String xsrf = cookies.getCookieStore()
			.get(URI.create(base()))
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		HttpResponse<String> withToken = browser
			.send(request("/api/notifications/read-all").header("X-XSRF-TOKEN", xsrf)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldThrottleLoginsAfterAFailedAttempt() throws Exception {
		String userId = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.identityService.newUser(userId);
		user.setFirstName("限流");
		user.setPassword("Throttle-1-pw");
		this.identityService.saveUser(user);
		try {
			assertThat(get("/engine-rest/task?maxResults=1", userId, "wrong").statusCode()).isEqualTo(401);

			assertThat(get("/engine-rest/task?maxResults=1", userId, "Throttle-1-pw").statusCode())
				.as("right password right after a failure is refused while the login delay runs")
				.isEqualTo(401);
		}
		finally {
			this.identityService.deleteUser(userId);
		}
	}

	private HttpResponse<String> send(Row row, String role) throws Exception {
		HttpRequest.Builder request = request(row.path()).header("Accept", row.accept());
		if (!role.equals("anonymous")) {
			request.header("Authorization", ClusterNode.basic(role, "demo"));
		}
		String body = (row.body() != null) ? row.body().replace("{role}", role) : null;
		if (!row.method().equals("GET")) {
			request.header("Content-Type", "application/json");
		}
		request.method(row.method(),
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return this.http.send(request(path).header("Authorization", ClusterNode.basic(user, password)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
