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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.IntakeReceipt;
import org.rectifyflow.clue.internal.NewClue;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix on PostgreSQL with the demo organisation: every endpoint group
 * × every demo role (and anonymous) → the HTTP status, from the one table
 * {@link #MATRIX}, which {@code docs/security.md} shows row for row (the test fails when
 * the document and the table differ). Also: a browser session's POST without a CSRF token
 * is refused, and the engine throttles logins after a failure.
 * <p>
 * A path may name an item of the demo data or of {@link #items()} in braces
 * (<code>{clue}</code>, <code>{clueTask}</code>, ...). A row with a probe is a list: a
 * plain {@code 200} means the item is in the answer, {@code 200 hidden} that the request
 * succeeds but the item is not in it. Requests that would change state either use a
 * missing id or a body that the endpoint refuses only after its authorization check, so
 * that the matrix can be run as often as wanted.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { "rectify.demo.enabled=true",
		// the public rows send from one address; the limit itself is ClueApiIT's
		"rectify.clue.public-rate-limit=1000" })
class SecurityMatrixIT {

	/** The columns of the matrix, in order. */
	static final List<String> ROLES = List.of("admin", "party", "office", "discipline", "disciplinelead", "supervisor",
			"u1", "u1lead", "anonymous");

	static final String MATRIX_KEY = "MATRIX";

	static final String HIDDEN = "200 hidden";

	/**
	 * One endpoint: the request and the expected answer per role, in {@link #ROLES}
	 * order.
	 *
	 * @param method the HTTP method
	 * @param path the path, with <code>{item}</code> placeholders
	 * @param body the JSON body ({@code {role}} replaced), {@link #MULTIPART} for a file
	 * upload, or {@code null}
	 * @param accept the Accept header
	 * @param probe for lists: the item (with placeholders) whose presence the cells state
	 * @param expected per role: a status, or {@link #HIDDEN}
	 * @param note what the row proves
	 */
	record Row(String method, String path, String body, String accept, String probe, List<String> expected,
			String note) {

		String markdown() {
			return "| `" + this.method + " " + this.path + "` | " + String.join(" | ", this.expected) + " | "
					+ this.note + " |";
		}

	}

	static final String MULTIPART = "<multipart file>";

	static Row row(String method, String path, String body, String note, Integer... expected) {
		return new Row(method, path, body, "application/json", null, cells(expected), note);
	}

	static Row download(String path, String note, Integer... expected) {
		return new Row("GET", path, null, "*/*", null, cells(expected), note);
	}

	static Row page(String path, String note, Integer... expected) {
		return new Row("GET", path, null, "text/html", null, cells(expected), note);
	}

	static Row listed(String path, String probe, String note, Object... expected) {
		return new Row("GET", path, null, "application/json", probe,
				Arrays.stream(expected).map(String::valueOf).toList(), note);
	}

	private static List<String> cells(Integer... expected) {
		return Arrays.stream(expected).map(String::valueOf).toList();
	}

	static final String NEW_CLUE = "{\"channel\":\"PHONE\",\"subjectUnit\":\"u1\",\"category\":\"RESEARCH\","
			+ "\"description\":\"授权矩阵登记的线索\"}";

	static final String PUBLIC_CLUE = "{\"channel\":\"WEBSITE\",\"subjectUnit\":\"u1\",\"category\":\"RESEARCH\","
			+ "\"description\":\"授权矩阵的匿名举报\"}";

	static String newCampaign() {
		LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1);
		return "{\"title\":\"授权矩阵发起的专项整治\",\"basisDocuments\":[{\"title\":\"关于开展专项整治的通知\"}],"
				+ "\"scopeUnits\":[\"u1\"],\"deadlines\":{\"selfInspection\":\"" + start + "\",\"crossInspection\":\""
				+ start.plusWeeks(1) + "\",\"review\":\"" + start.plusWeeks(2) + "\",\"rectification\":\""
				+ start.plusMonths(3) + "\",\"regulation\":\"" + start.plusMonths(4) + "\"}}";
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
			// campaign and ledger
			row("GET", "/api/campaigns", null, "campaigns and their counts are open to every user", 200, 200, 200, 200,
					200, 200, 200, 200, 401),
			row("GET", "/api/campaigns/{campaign}", null, "", 200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/campaigns/999999999", null, "", 404, 404, 404, 404, 404, 404, 404, 404, 401),
			row("POST", "/api/campaigns", newCampaign(), "start needs CREATE_INSTANCE on campaign (campaign office)",
					201, 403, 201, 403, 403, 403, 403, 403, 403),
			row("GET", "/api/campaigns/{campaign}/problems", null, "a unit's staff get their units' problems only", 200,
					200, 200, 200, 200, 200, 200, 200, 401),
			row("POST", "/api/campaigns/{campaign}/problems",
					"{\"unitCode\":\"u2\",\"categoryCode\":\"C1\",\"description\":\"授权矩阵\",\"severity\":\"NONE\","
							+ "\"source\":\"SELF_INSPECTION\"}",
					"another unit's problem: refused to u1's staff; the others pass the check and fail on the invalid"
							+ " severity (400), so nothing is stored",
					400, 400, 400, 400, 400, 400, 403, 403, 403),
			row("POST", "/api/campaigns/{campaign}/review", "{\"decisions\":[]}",
					"全面剖析: party group only (400: no decisions, nothing changes)", 403, 400, 403, 403, 403, 403, 403,
					403, 403),
			row("GET", "/api/problem-categories", null, "", 200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/campaigns/{campaign}/ledger", null, "a unit's staff get their units' entries only", 200,
					200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/campaigns/{campaign}/ledger?unit=u2", null, "another unit's ledger: refused to unit staff",
					200, 200, 200, 200, 200, 200, 403, 403, 401),
			row("GET", "/api/ledger/{u1Entry}", null, "", 200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/ledger/{u2Entry}", null, "another unit's entry: refused to unit staff", 200, 200, 200, 200,
					200, 200, 403, 403, 401),
			row("POST", "/api/ledger/{u2Entry}/progress", "{\"text\":\"授权矩阵\"}",
					"only u2's staff and the responsible people report progress", 403, 403, 403, 403, 403, 403, 403,
					403, 403),
			// exports
			download("/api/campaigns/{campaign}/ledger.xlsx", "office, supervisors, party and discipline group", 403,
					200, 200, 200, 200, 200, 403, 403, 401),
			download("/api/campaigns/{campaign}/report.docx", "office, supervisors, party and discipline group", 403,
					200, 200, 200, 200, 200, 403, 403, 401),
			row("GET", "/api/campaigns/{campaign}/report/versions", null, "", 403, 200, 200, 200, 200, 200, 403, 403,
					401),
			row("PUT", "/api/campaigns/{campaign}/report/narrative", "{\"sections\":{}}",
					"campaign office only (400: empty, nothing saved)", 403, 403, 400, 403, 403, 403, 403, 403, 403),
			download("/api/clues.xlsx",
					"clue register without persons or content: discipline group, office, supervisors", 403, 403, 200,
					200, 200, 200, 403, 403, 401),
			// supervision
			row("GET", "/api/supervision/summary", null,
					"supervisors, discipline group, party group, office; clue content only for the discipline group",
					403, 200, 200, 200, 200, 200, 403, 403, 401),
			page("/dashboard", "督办看板, same viewers", 403, 200, 200, 200, 200, 200, 403, 403, 302),
			// clue
			row("GET", "/api/clues", null, "the register: discipline group; office and supervisors without content",
					403, 403, 200, 200, 200, 200, 403, 403, 401),
			row("GET", "/api/clues/{clue}", null, "a clue in full (never the reporter): discipline group only", 403,
					403, 403, 200, 200, 403, 403, 403, 401),
			row("GET", "/api/clues/999999999", null, "", 403, 403, 403, 404, 404, 403, 403, 403, 401),
			row("POST", "/api/clues", NEW_CLUE, "staff intake: discipline group only", 403, 403, 403, 201, 201, 403,
					403, 403, 403),
			row("POST", "/api/clues/{clue}/reveal-reporter", "{\"reason\":\"授权矩阵\"}",
					"the reporter: discipline group only, audited", 403, 403, 403, 200, 200, 403, 403, 403, 403),
			row("POST", "/api/clues/{clue}/extension", "{\"reason\":\"授权矩阵\",\"workingDays\":0}",
					"discipline group only (400: invalid days, nothing requested)", 403, 403, 403, 400, 400, 403, 403,
					403, 403),
			row("POST", "/api/clues/{clue}/to-ledger", "{\"categoryCode\":\"C1\"}",
					"discipline group only (409: the clue is not closed)", 403, 403, 403, 409, 409, 403, 403, 403, 403),
			row("GET", "/api/attachments?itemType=clue&itemId={clueNumber}", null,
					"a clue's evidence: discipline group (and the administrator)", 200, 403, 403, 200, 200, 403, 403,
					403, 401),
			row("POST", "/api/attachments?itemType=clue&itemId={clueNumber}", MULTIPART,
					"evidence is added to a clue by the discipline group (and the administrator) only", 201, 403, 403,
					201, 201, 403, 403, 403, 403),
			row("POST", "/api/public/clues", PUBLIC_CLUE, "public intake, no login (rate-limited per address)", 201,
					201, 201, 201, 201, 201, 201, 201, 201),
			row("GET", "/api/public/clues/{receipt}", null, "status by receipt code: anyone holding the code", 200, 200,
					200, 200, 200, 200, 200, 200, 200),
			row("GET", "/api/public/clues/ABCD-EFGH-JKMN-PQRS", null, "unknown code", 404, 404, 404, 404, 404, 404, 404,
					404, 404),
			page("/report", "public reporting page", 200, 200, 200, 200, 200, 200, 200, 200, 200),
			// engine REST on the clue process (confidential: discipline group and lead)
			listed("/engine-rest/process-instance?processDefinitionKey=clue&maxResults=100", "{clueInstance}",
					"clue instances: discipline group (admin: Camunda administrator)", 200, HIDDEN, HIDDEN, 200, 200,
					HIDDEN, HIDDEN, HIDDEN, 401),
			row("GET", "/engine-rest/process-instance/{clueInstance}/variables", null, "", 200, 403, 403, 200, 200, 403,
					403, 403, 401),
			listed("/engine-rest/variable-instance?processInstanceIdIn={clueInstance}&maxResults=100", "{clueInstance}",
					"", 200, HIDDEN, HIDDEN, 200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			listed("/engine-rest/history/process-instance?processDefinitionKey=clue&maxResults=100", "{clueInstance}",
					"", 200, HIDDEN, HIDDEN, 200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			listed("/engine-rest/history/variable-instance?processInstanceId={clueInstance}&maxResults=100",
					"{clueInstance}", "", 200, HIDDEN, HIDDEN, 200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			listed("/engine-rest/history/detail?processInstanceId={clueInstance}&maxResults=100", "{clueInstance}", "",
					200, HIDDEN, HIDDEN, 200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			listed("/engine-rest/task?processInstanceId={clueInstance}&maxResults=100", "{clueTask}", "", 200, HIDDEN,
					HIDDEN, 200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			row("GET", "/engine-rest/task/{clueTask}", null, "", 200, 404, 404, 200, 200, 404, 404, 404, 401),
			row("GET", "/engine-rest/task/{clueTask}/variables", null, "", 200, 403, 403, 200, 200, 403, 403, 403, 401),
			listed("/engine-rest/history/task?processInstanceId={clueInstance}&maxResults=100", "{clueTask}", "", 200,
					HIDDEN, HIDDEN, 200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			// task operations on the clue's open registration task (no change of state)
			row("POST", "/api/tasks/{clueTask}/transfer", "{\"userId\":\"matrix-nobody\",\"reason\":\"授权矩阵\"}",
					"candidates and the process's supervisors pass the check and fail on the unknown user (400)", 403,
					403, 403, 400, 400, 403, 403, 403, 403),
			row("POST", "/api/tasks/{clueTask}/delegate", "{\"userId\":\"discipline2\"}",
					"only the assignee delegates; the task is unclaimed", 403, 403, 403, 403, 403, 403, 403, 403, 403),
			row("POST", "/api/tasks/{clueTask}/return", "{\"opinion\":\"授权矩阵\"}",
					"candidates pass the check (409: registration declares no 退回)", 403, 403, 403, 409, 409, 403, 403,
					403, 403),
			row("POST", "/api/tasks/{clueTask}/cc", "{\"userIds\":[\"matrix-nobody\"]}",
					"candidates pass the check; a confidential clue declares no 抄送 (409)", 403, 403, 403, 409, 409, 403,
					403, 403, 403),
			row("POST", "/api/tasks/{missingTask}/resolve", null,
					"missing task: needs a login, answers 404 and nothing else (a real one would change state)", 404,
					404, 404, 404, 404, 404, 404, 404, 403),
			row("POST", "/api/tasks/{missingTask}/withdraw", null, "missing task, as above", 404, 404, 404, 404, 404,
					404, 404, 404, 403),
			row("POST", "/api/tasks/{missingTask}/urge", null, "missing task, as above", 404, 404, 404, 404, 404, 404,
					404, 404, 403),
			row("GET", "/api/cc", null, "own copies only", 200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("POST", "/api/cc/999999999/read", null, "someone else's or missing: 404", 404, 404, 404, 404, 404, 404,
					404, 404, 403),
			// inspections and recommendation letters
			row("GET", "/api/inspections", null, "lists only inspections the caller may see (暗访: insiders and team)",
					200, 200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/inspections/999999999", null, "missing or secret: 404", 404, 404, 404, 404, 404, 404, 404,
					404, 401),
			row("GET", "/api/inspections/{secretInspection}", null,
					"the demo 暗访 of u1 and u2 in field work: insiders only, 404 for everyone else", 200, 404, 404, 200,
					200, 404, 404, 404, 401),
			listed("/engine-rest/process-instance?processDefinitionKey=inspection&maxResults=100",
					"{secretInspectionInstance}", "the 暗访's instance: discipline group and lead", 200, HIDDEN, HIDDEN,
					200, 200, HIDDEN, HIDDEN, HIDDEN, 401),
			row("POST", "/engine-rest/process-definition/key/inspection/start", "{}",
					"plans an inspection: discipline group (the started plan stays in the test database)", 200, 403,
					403, 200, 200, 403, 403, 403, 401),
			row("POST", "/engine-rest/task/{secretFieldTask}/complete", "{}",
					"another team member's field work: refused (admin, the Camunda administrator, fails on the empty"
							+ " form)",
					400, 403, 403, 403, 403, 403, 403, 403, 401),
			row("GET", "/api/recommendations", null, "drafts: discipline group only; units: their issued letters", 200,
					200, 200, 200, 200, 200, 200, 200, 401),
			row("GET", "/api/recommendations/{letter}", null, "the demo letter issued to u5: not for u1's staff", 200,
					200, 200, 200, 200, 200, 404, 404, 401),
			row("GET", "/api/recommendations/999999999/letter.docx", null, "missing or not visible: 404", 404, 404, 404,
					404, 404, 404, 404, 404, 401),
			row("POST", "/engine-rest/process-definition/key/recommendation/start", "{}",
					"drafts a letter: discipline group (the draft stays in the test database)", 200, 403, 403, 200, 200,
					403, 403, 403, 401),
			row("GET", "/actuator/health", null, "load balancer probe", 200, 200, 200, 200, 200, 200, 200, 200, 200),
			row("GET", "/actuator/info", null, "", 200, 200, 200, 200, 200, 200, 200, 200, 200));

	static final Path DOCUMENT = Paths.get("docs", "security.md");

	/** The matrix's own clue (named reporter), its receipt code: made once per class. */
	private static final Map<String, String> CLUE = new HashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ClueIntake clueIntake;

	@Autowired
	JdbcTemplate jdbc;

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

	/**
	 * The items the paths name: the demo campaign, ledger entries of u1 and u2, the demo
	 * 暗访 and letter, and a clue of the matrix's own at its registration task.
	 */
	Map<String, String> items() {
		synchronized (CLUE) {
			if (CLUE.isEmpty()) {
				IntakeReceipt receipt = this.clueIntake.receive(
						new NewClue("PHONE", "u1", "某科长", "RESEARCH", "授权矩阵的线索", null, "矩阵举报人", "13800000000", null),
						List.of(), "discipline");
				CLUE.put("receipt", receipt.receiptCode());
				CLUE.put("clueNumber", receipt.clueNumber());
			}
		}
		Map<String, String> items = new HashMap<>(CLUE);
		Map<String, Object> clue = this.jdbc
			.queryForMap("select id, process_instance_id from clue where clue_number = ?", CLUE.get("clueNumber"));
		items.put("clue", String.valueOf(clue.get("id")));
		items.put("clueInstance", (String) clue.get("process_instance_id"));
		items.put("clueTask",
				this.taskService.createTaskQuery().processInstanceId(items.get("clueInstance")).singleResult().getId());
		items.put("missingTask", UUID.randomUUID().toString());
		items.put("campaign", first("select min(id) from campaign"));
		items.put("u1Entry", first("select min(id) from ledger_entry where unit_code = 'u1'"));
		items.put("u2Entry", first("select min(id) from ledger_entry where unit_code = 'u2'"));
		Map<String, Object> secret = this.jdbc.queryForMap(
				"select id, process_instance_id from inspection where kind = 'UNANNOUNCED' and status = 'FIELD_WORK'");
		items.put("secretInspection", String.valueOf(secret.get("id")));
		items.put("secretInspectionInstance", (String) secret.get("process_instance_id"));
		// a field-work task of a team member who is none of the matrix's roles (the team
		// is drawn at random)
		List<Task> fieldWork = this.taskService.createTaskQuery()
			.processInstanceId(items.get("secretInspectionInstance"))
			.list();
		Task field = fieldWork.stream()
			.filter((task) -> !ROLES.contains(task.getAssignee()))
			.findFirst()
			.orElseGet(() -> {
				this.taskService.setAssignee(fieldWork.get(0).getId(), "discipline2");
				return fieldWork.get(0);
			});
		items.put("secretFieldTask", field.getId());
		items.put("letter", first("select min(id) from recommendation_letter where unit_code = 'u5'"));
		assertThat(items).as("demo data on PostgreSQL").doesNotContainValue(null).doesNotContainValue("null");
		return items;
	}

	private String first(String sql) {
		return String.valueOf(this.jdbc.queryForObject(sql, Long.class));
	}

	static String resolve(String template, Map<String, String> items) {
		String resolved = template;
		for (Map.Entry<String, String> item : items.entrySet()) {
			resolved = resolved.replace("{" + item.getKey() + "}", item.getValue());
		}
		return resolved;
	}

	@Test
	void shouldAnswerEveryEndpointForEveryRoleAsTheMatrixSays() throws Exception {
		Map<String, String> items = items();
		List<String> wrong = new ArrayList<>();
		for (Row row : MATRIX) {
			for (int i = 0; i < ROLES.size(); i++) {
				String role = ROLES.get(i);
				HttpResponse<String> response = send(row, role, items);
				String answer = String.valueOf(response.statusCode());
				if (row.probe() != null && response.statusCode() == 200
						&& !response.body().contains(resolve(row.probe(), items))) {
					answer = HIDDEN;
				}
				if (!answer.equals(row.expected().get(i))) {
					wrong.add(row.method() + " " + row.path() + " as " + role + ": expected " + row.expected().get(i)
							+ " but was " + answer);
				}
				if (row.path().contains("/members/") && response.statusCode() == 204) {
					this.identityService.deleteMembership("u1lead", "supervisors");
				}
			}
		}
		assertThat(wrong).as("answers that differ from the matrix").isEmpty();
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

	private HttpResponse<String> send(Row row, String role, Map<String, String> items) throws Exception {
		HttpRequest.Builder request = request(resolve(row.path(), items)).header("Accept", row.accept());
		if (!role.equals("anonymous")) {
			request.header("Authorization", ClusterNode.basic(role, "demo"));
		}
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
		if (MULTIPART.equals(row.body())) {
			String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
			request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
			body = HttpRequest.BodyPublishers.ofString(
					"--" + boundary + "\r\n"
							+ "Content-Disposition: form-data; name=\"file\"; filename=\"matrix.txt\"\r\n"
							+ "Content-Type: text/plain\r\n\r\n授权矩阵的附件\r\n--" + boundary + "--\r\n",
					StandardCharsets.UTF_8);
		}
		else if (!row.method().equals("GET")) {
			request.header("Content-Type", "application/json");
			if (row.body() != null) {
				body = HttpRequest.BodyPublishers.ofString(resolve(row.body(), items).replace("{role}", role));
			}
		}
		request.method(row.method(), body);
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
