package org.rectifyflow.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every endpoint the application registers, generated from Spring
 * MVC's handler mappings (so a new controller is covered the day it is added), plus the
 * engine's REST API, on PostgreSQL with the demo organisation and demo data.
 * <p>
 * Every case is sent as a user who may use the endpoint (the public ones anonymously, the
 * form posts with the page's session and CSRF token), against items that exist, so that
 * the hostile value reaches the controller and the service behind it: malformed, deep and
 * 10 MB JSON; for every field of a request body (found by reflection on its record type):
 * missing, null, wrong type, oversized, unknown code or enum value, SQL and script
 * fragments, overflowing numbers; the same for request parameters and path variables;
 * path traversal and forbidden types in uploaded file names; and unbounded or huge list
 * queries of the engine REST API.
 * <p>
 * No case may get a server error. A case that cannot be valid must be refused with a 4xx
 * that carries a message (on {@code /api}: Chinese and English), and a refused request
 * leaves no row behind in any table of the application or of the engine.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = { "rectify.demo.enabled=true",
		// the cases must reach the public controllers, not the per-client rate limit
		"rectify.clue.public-rate-limit=1000000" })
class HostileInputIT {

	static final String DEMO_PASSWORD = "demo";

	/** The user the fixture task is copied to (抄送), who reads the copies. */
	static final String COPY_READER = "u1";

	/** The name of the valid request of each endpoint; a GET must succeed. */
	static final String VALID = "valid request";

	static final String TEN_MB = "x".repeat(10 * 1024 * 1024);

	static final String OVERSIZED = "长".repeat(100_000);

	static final List<String> INJECTIONS = List.of("' or '1'='1' --", "1; drop table audit_event; --",
			"<script>alert(1)</script>", "${7*7}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
			"%00", "\u0000nul", "𠜎😀\u202e");

	static final List<String> NUMBER_ATTACKS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e400", "NaN",
			"' or 1=1 --", "../1");

	/** What the engine may return for one list query (engine property). */
	static final int QUERY_MAX_RESULTS = 2000;

	/**
	 * The endpoints there are today; discovery must find at least these (new ones are
	 * covered automatically).
	 */
	static final Set<String> KNOWN_ENDPOINTS = Set.of("GET /api/attachments", "GET /api/attachments/{id}",
			"GET /api/attachments/{id}/content", "POST /api/attachments", "GET /api/campaigns", "POST /api/campaigns",
			"GET /api/campaigns/{id}", "GET /api/campaigns/{id}/problems", "POST /api/campaigns/{id}/problems",
			"POST /api/campaigns/{id}/review", "GET /api/problem-categories", "GET /api/campaigns/{campaignId}/ledger",
			"GET /api/ledger/{id}", "POST /api/ledger/{id}/progress", "GET /api/campaigns/{id}/ledger.xlsx",
			"GET /api/clues.xlsx", "GET /api/campaigns/{id}/report.docx", "GET /api/campaigns/{id}/report/versions",
			"PUT /api/campaigns/{id}/report/narrative", "GET /api/clues", "POST /api/clues", "GET /api/clues/{id}",
			"POST /api/clues/{id}/extension", "POST /api/clues/{id}/reveal-reporter", "POST /api/clues/{id}/to-ledger",
			"POST /api/public/clues", "GET /api/public/clues/{receiptCode}", "GET /api/inspections",
			"GET /api/inspections/{id}", "GET /api/recommendations", "GET /api/recommendations/{id}",
			"GET /api/recommendations/{id}/letter.docx", "GET /api/supervision/summary", "GET /api/notifications",
			"GET /api/notifications/unread-count", "POST /api/notifications/{id}/read",
			"POST /api/notifications/read-all", "POST /api/tasks/{id}/transfer", "POST /api/tasks/{id}/delegate",
			"POST /api/tasks/{id}/resolve", "POST /api/tasks/{id}/return", "POST /api/tasks/{id}/withdraw",
			"POST /api/tasks/{id}/cc", "POST /api/tasks/{id}/urge", "GET /api/cc", "POST /api/cc/{id}/read",
			"GET /api/cc/{id}", "GET /items/ledger/{id}", "GET /items/clues/{id}", "GET /items/letters/{id}",
			"GET /items/inspections/{id}", "GET /items/inspections", "GET /items/regulations/{id}",
			"GET /items/campaigns/{id}", "GET /items/campaigns/{id}/problems", "GET /items/campaigns/{id}/regulations",
			"GET /items/campaigns/{campaignId}/ledger", "GET /items/campaigns/{campaignId}/letters",
			"GET /items/process/{processInstanceId}", "GET /api/campaigns/{id}/ledger-import-template.xlsx",
			"GET /report", "POST /report", "POST /report/lookup", "GET /attachments/upload", "POST /attachments/upload",
			"GET /dashboard");

	/**
	 * Body fields and parameters that hold a code, a date or a reference: any value other
	 * than a valid one must be refused. Other text fields may hold any text.
	 */
	static final Set<String> STRICT_FIELDS = Set.of("unitCode", "subjectUnit", "categoryCode", "category", "channel",
			"severity", "source", "action", "problem", "mergeInto", "occurredOn", "userId", "userIds", "scopeUnits",
			"selfInspection", "crossInspection", "review", "rectification", "regulation", "reporterEmail", "sections",
			"campaignId", "workingDays", "finalVersion");

	/**
	 * Tables that change on every request by design, refused or not: the public clue
	 * endpoints' rate-limit buckets (one row per client address), Flyway's history, the
	 * engine's metrics and properties.
	 */
	static final Set<String> NOT_COUNTED = Set.of("flyway_schema_history", "clue_rate_limit_bucket", "act_ru_meter_log",
			"act_ge_property");

	static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

	static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

	static final Pattern FORM_ERROR = Pattern.compile("class=\"error\"[^>]*>([^<]*)<");

	static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/**
	 * Tomcat reads at most this much of a body it refuses before closing the connection.
	 */
	static final int SWALLOW_LIMIT = 2 * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** Browser-like sessions (cookie and CSRF token) per user, for the form posts. */
	final Map<String, FormSession> formSessions = new HashMap<>();

	Fixture fixture;

	List<String> countedTables;

	/**
	 * Existing items the cases aim at, so that a hostile value gets past "not found".
	 */
	record Fixture(String campaignId, String ledgerId, String ledgerWorker, String clueId, String receiptCode,
			String attachmentId, String notificationId, String ccId, String inspectionId, String recommendationId,
			String taskId, String categoryCode, String regulationId, String processInstanceId) {

	}

	/**
	 * One generated request, who sends it ({@code null}: anonymous) and whether it must
	 * be refused.
	 */
	record Case(String endpoint, String name, String method, String path, String user, String contentType, byte[] body,
			boolean mustBeRejected) {

	}

	record FormSession(HttpClient client, String token) {

	}

	/**
	 * What came back: the status, the body (for a form post that redirects, the error the
	 * form page then shows), whether the request was refused, and whether the server
	 * closed the connection instead of answering.
	 */
	record Answer(int status, String body, boolean refused, boolean connectionClosed) {

	}

	enum Kind {

		TEXT, NUMBER, BOOLEAN, LIST, MAP, OBJECT

	}

	/** A value in a sample body: where it is (JSON pointer), its kind and its name. */
	record Leaf(String pointer, Kind kind, String name) {

		boolean strict() {
			return STRICT_FIELDS.contains(this.name);
		}

	}

	@Test
	void shouldAnswerEveryHostileRequestWithoutServerErrorAndStoreNothingFromRejectedOnes() throws Exception {
		this.countedTables = countedTables();
		this.fixture = fixture();

		List<Case> cases = new ArrayList<>();
		Set<String> covered = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.rectifyflow")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods(info)) {
					covered.add(method + " " + pattern);
					cases.addAll(casesFor(method, pattern, handler));
				}
			}
		});
		cases.addAll(engineRestCases());
		assertThat(covered).as("endpoints discovered").containsAll(KNOWN_ENDPOINTS);

		List<String> failures = new ArrayList<>();
		Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
		for (Case hostile : cases) {
			if (hostile.path().startsWith("/api/tasks/")) {
				handBackFixtureTask();
			}
			Map<String, Long> before = rowCounts();
			Answer answer = send(hostile);
			int status = answer.status();
			statuses.computeIfAbsent(hostile.endpoint(), (e) -> new TreeMap<>()).merge(status, 1, Integer::sum);
			String label = hostile.name() + " " + hostile.method() + " " + abbreviate(hostile.path(), 120) + " as "
					+ hostile.user() + " -> " + status;
			if (status >= 500) {
				failures.add(label + " (server error) " + abbreviate(answer.body(), 300));
				continue;
			}
			if (status == 401 && hostile.user() != null) {
				failures.add(label + " (credentials not accepted: the case never reached the endpoint)");
			}
			if (hostile.mustBeRejected() && !answer.refused()) {
				failures.add(label + " (accepted, must be refused)");
			}
			if (hostile.name().equals(VALID) && hostile.method().equals("GET") && answer.refused()) {
				// e.g. an unbounded engine query made for the logged-in user
				failures.add(label + " (valid request refused) " + abbreviate(answer.body(), 200));
			}
			if (answer.refused()) {
				String messageProblem = messageProblem(hostile, answer);
				if (messageProblem != null) {
					failures.add(label + " (" + messageProblem + ") " + abbreviate(answer.body(), 200));
				}
				Map<String, Long> after = rowCounts();
				if (!after.equals(before)) {
					failures.add(label + " (refused, but rows changed: " + difference(before, after) + ")");
				}
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from attachment where file_name like '%/%'"
				+ " or file_name like '%\\%' or file_name like '%..%'", Long.class))
			.as("no stored file name keeps a path")
			.isZero();
		System.out.println("[hostile] " + cases.size() + " cases over " + covered.size() + " endpoints + /engine-rest, "
				+ this.countedTables.size() + " tables counted");
		statuses.forEach((endpoint, counts) -> System.out.println("[hostile] " + endpoint + " " + counts));
		assertThat(failures).as("hostile cases answered wrongly").isEmpty();
	}

	// ------------------------------------------------------------------ fixture

	/**
	 * The demo data (loaded on PostgreSQL) and a few items made for the cases; also
	 * proves that the row count notices what a request stores.
	 */
	private Fixture fixture() throws Exception {
		for (String table : List.of("campaign", "problem", "ledger_entry", "clue", "inspection",
				"recommendation_letter", "unit")) {
			assertThat(this.jdbc.queryForObject("select count(*) from " + table, Long.class))
				.as("demo data in " + table)
				.isPositive();
		}
		// A valid public report: its receipt code is the lookup target, and the rows it
		// leaves prove that the count sees a stored clue and its process instance.
		Map<String, Long> before = rowCounts();
		Answer report = send(new Case("fixture", "valid report", "POST", "/api/public/clues", null, "application/json",
				bytes(validClue().toString()), false));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		Map<String, Long> after = rowCounts();
		assertThat(difference(before, after)).as("rows a stored clue leaves")
			.contains("clue ", "act_ru_execution ", "act_hi_procinst ", "audit_event ");
		String receiptCode = this.json.readTree(report.body()).get("receiptCode").asText();

		Answer upload = send(multipartCase("fixture", "fixture attachment", "POST", "/api/attachments", "admin",
				Map.of("itemType", "test-item", "itemId", "hostile-1"), "file", "证据.pdf", onePagePdf(), false));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		String attachmentId = this.json.readTree(upload.body()).get("id").asText();

		String processInstanceId = this.runtimeService.startProcessInstanceByKey("deadline-template", "HOSTILE")
			.getProcessInstanceId();
		Task task = this.taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		this.taskService.setAssignee(task.getId(), "admin");

		// A copy of the fixture task for its reader
		Answer copy = send(new Case("fixture", "fixture copy", "POST", "/api/tasks/" + task.getId() + "/cc", "admin",
				"application/json", bytes("{\"userIds\":[\"" + COPY_READER + "\"],\"note\":\"请阅\"}"), false));
		assertThat(copy.status()).as(copy.body()).isEqualTo(200);

		// The demo data has no regulation yet: one published regulation addressing a
		// problem of the campaign (as the campaign's 制度 step leaves it)
		String campaignId = first("select min(id) from campaign");
		Long regulationId = this.jdbc.queryForObject(
				"insert into regulation (campaign_id, title, body, status, revision, drafted_by, drafted_at, published_at)"
						+ " values (?, '会议精简制度', '一、严控会议数量。', 'PUBLISHED', 1, 'office', now(), now()) returning id",
				Long.class, Long.valueOf(campaignId));
		this.jdbc.update(
				"insert into regulation_problem (regulation_id, problem_id)"
						+ " select ?, min(id) from problem where campaign_id = ?",
				regulationId, Long.valueOf(campaignId));

		Map<String, Object> ledger = this.jdbc.queryForMap(
				"select id, unit_code, process_instance_id from ledger_entry where process_instance_id is not null"
						+ " order by case when status = 'IN_PROGRESS' then 0 else 1 end, id limit 1");
		return new Fixture(campaignId, String.valueOf(ledger.get("id")), String.valueOf(ledger.get("unit_code")),
				first("select min(id) from clue"), receiptCode, attachmentId,
				first("select coalesce(min(id), 1) from notification where recipient = 'admin'"),
				first("select min(id) from task_cc where to_user = '" + COPY_READER + "'"),
				first("select min(id) from inspection"), first("select min(id) from recommendation_letter"),
				task.getId(), first("select code from problem_category order by id limit 1"),
				String.valueOf(regulationId), String.valueOf(ledger.get("process_instance_id")));
	}

	/** Gives the fixture task back to admin, whatever an accepted case did with it. */
	private void handBackFixtureTask() {
		Task task = this.taskService.createTaskQuery().taskId(this.fixture.taskId()).singleResult();
		if (task != null && !"admin".equals(task.getAssignee())) {
			this.taskService.setAssignee(task.getId(), "admin");
		}
	}

	private String first(String sql) {
		return String.valueOf(this.jdbc.queryForObject(sql, Object.class));
	}

	private ObjectNode validClue() {
		ObjectNode clue = JsonNodeFactory.instance.objectNode();
		clue.put("channel", "WEBSITE");
		clue.put("subjectUnit", "u1");
		clue.put("category", "OTHER");
		clue.put("description", "会议通知层层转发，基层疲于应付。");
		return clue;
	}

	/**
	 * Who may use the endpoint, so that hostile values reach its service.
	 */
	private String actor(String pattern) {
		if (pattern.startsWith("/api/public/") || pattern.startsWith("/report") || pattern.equals("/login")) {
			return null;
		}
		if (pattern.startsWith("/api/clues") || pattern.startsWith("/api/inspections")
				|| pattern.startsWith("/api/recommendations") || pattern.startsWith("/items/clues/")
				|| pattern.startsWith("/items/inspections") || pattern.startsWith("/items/letters/")) {
			return "discipline";
		}
		if (pattern.startsWith("/api/cc")) {
			return COPY_READER;
		}
		if (pattern.startsWith("/items/campaigns/") || pattern.startsWith("/items/regulations/")) {
			return "office";
		}
		if (pattern.equals("/api/campaigns/{id}/review")) {
			return "party";
		}
		if (pattern.startsWith("/api/campaigns/{id}/report") || pattern.equals("/api/campaigns/{id}/ledger.xlsx")
				|| pattern.startsWith("/api/campaigns/{id}/ledger-import")
				|| pattern.equals("/api/campaigns/{id}/ledger/import") || pattern.equals("/ledger-import")
				|| pattern.startsWith("/taxonomy") || pattern.startsWith("/api/taxonomy")) {
			return "office";
		}
		if (pattern.startsWith("/api/supervision/") || pattern.equals("/dashboard")
				|| pattern.equals("/api/tasks/{id}/urge")) {
			return "supervisor";
		}
		if (pattern.startsWith("/api/ledger/") || pattern.startsWith("/items/ledger/")) {
			return this.fixture.ledgerWorker();
		}
		return "admin";
	}

	/** An existing item for a path variable, by the endpoint's resource. */
	private String pathSample(String pattern, Class<?> type) {
		Map<String, String> items = new LinkedHashMap<>();
		items.put("/api/campaigns/", this.fixture.campaignId());
		items.put("/items/campaigns/", this.fixture.campaignId());
		items.put("/items/ledger/", this.fixture.ledgerId());
		items.put("/items/clues/", this.fixture.clueId());
		items.put("/items/letters/", this.fixture.recommendationId());
		items.put("/items/inspections/", this.fixture.inspectionId());
		items.put("/items/regulations/", this.fixture.regulationId());
		items.put("/items/process/", this.fixture.processInstanceId());
		items.put("/api/ledger/", this.fixture.ledgerId());
		items.put("/api/clues/", this.fixture.clueId());
		items.put("/api/public/clues/", this.fixture.receiptCode());
		items.put("/api/attachments/", this.fixture.attachmentId());
		items.put("/api/notifications/", this.fixture.notificationId());
		items.put("/api/cc/", this.fixture.ccId());
		items.put("/api/inspections/", this.fixture.inspectionId());
		items.put("/api/recommendations/", this.fixture.recommendationId());
		items.put("/api/tasks/", this.fixture.taskId());
		items.put("/api/calendar/years/", "2026");
		items.put("/api/login-throttle/", "u1");
		return items.entrySet()
			.stream()
			.filter((e) -> pattern.startsWith(e.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(sample(type));
	}

	private String paramSample(String name, Class<?> type) {
		return switch (name) {
			case "unit", "subjectUnit" -> "u1";
			case "itemType" -> "test-item";
			case "itemId" -> "hostile-1";
			case "campaignId" -> this.fixture.campaignId();
			case "category" -> "OTHER";
			case "occurredOn" -> "2024-05-01";
			case "receiptCode" -> this.fixture.receiptCode();
			case "reporterEmail" -> "reporter@example.org";
			case "description" -> "会议通知层层转发，基层疲于应付。";
			case "page" -> "0";
			case "size" -> "20";
			default -> sample(type);
		};
	}

	// ------------------------------------------------------------------ cases

	private List<Case> casesFor(String method, String pattern, HandlerMethod handler) {
		String endpoint = method + " " + pattern;
		String user = actor(pattern);
		List<Case> cases = new ArrayList<>();
		Map<String, String> pathValues = new LinkedHashMap<>();
		Map<String, String> params = new LinkedHashMap<>();
		List<String> numericPath = new ArrayList<>();
		Set<String> required = new TreeSet<>();
		Set<String> filters = new TreeSet<>();
		Type bodyType = null;
		boolean bodyRequired = false;
		String jsonPart = null;
		String filePart = null;
		for (Parameter parameter : handler.getMethod().getParameters()) {
			PathVariable path = AnnotatedElementUtils.findMergedAnnotation(parameter, PathVariable.class);
			RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
			RequestPart part = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestPart.class);
			RequestBody body = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestBody.class);
			if (path != null) {
				String name = name(path.name(), parameter);
				pathValues.put(name, pathSample(pattern, parameter.getType()));
				if (isNumeric(parameter.getType())) {
					numericPath.add(name);
				}
			}
			else if ((param != null || part != null) && isFiles(parameter)) {
				filePart = (param != null) ? name(param.name(), parameter) : name(part.name(), parameter);
			}
			else if (part != null) {
				jsonPart = name(part.name(), parameter);
				bodyType = parameter.getParameterizedType();
				bodyRequired = part.required();
			}
			else if (param != null) {
				String name = name(param.name(), parameter);
				params.put(name, paramSample(name, parameter.getType()));
				if (param.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
					(param.required() ? required : filters).add(name);
				}
			}
			else if (body != null) {
				bodyType = parameter.getParameterizedType();
				bodyRequired = body.required();
			}
		}
		// Path variables: traversal, injections, wrong types; none names an existing item
		for (String variable : pathValues.keySet()) {
			boolean numeric = numericPath.contains(variable);
			for (String attack : numeric ? NUMBER_ATTACKS : INJECTIONS) {
				Map<String, String> values = new LinkedHashMap<>(pathValues);
				values.put(variable, attack);
				cases.add(new Case(endpoint, "path " + variable + "=" + attack, method,
						expand(pattern, values) + query(params), user, null, null, true));
			}
		}
		String base = expand(pattern, pathValues);
		// The valid request (its answer is printed)
		Map<String, String> needed = new LinkedHashMap<>(params);
		if (method.equals("GET")) {
			// optional filters stay away, unless the case is about them
			needed.keySet().removeAll(filters);
		}
		boolean upload = filePart != null && jsonPart == null && !method.equals("GET");
		if (method.equals("GET") || (bodyType == null && filePart == null)) {
			cases.add(new Case(endpoint, VALID, method, base + query(needed), user, null, null, false));
		}
		if (upload) {
			cases.add(multipartCase(endpoint, "valid upload", method, base, user, needed, filePart, "证据.txt",
					bytes("证据"), false));
		}
		// Request parameters: missing, wrong type, oversized, injections, each on its own
		for (Map.Entry<String, String> param : params.entrySet()) {
			if (required.contains(param.getKey())) {
				Map<String, String> without = new LinkedHashMap<>(needed);
				without.remove(param.getKey());
				cases.add(upload
						? multipartCase(endpoint, "missing " + param.getKey(), method, base, user, without, filePart,
								"证据.txt", bytes("证据"), true)
						: new Case(endpoint, "missing " + param.getKey(), method, base + query(without), user, null,
								null, true));
			}
			boolean numeric = isNumericSample(param.getValue());
			List<String> attacks = new ArrayList<>(INJECTIONS);
			attacks.add(OVERSIZED);
			if (numeric) {
				attacks.addAll(NUMBER_ATTACKS);
			}
			for (String attack : attacks) {
				Map<String, String> values = new LinkedHashMap<>(needed);
				values.put(param.getKey(), attack);
				boolean wrongType = numeric && NUMBER_ATTACKS.contains(attack) && !attack.equals("0")
						&& !attack.equals("-1");
				boolean invalidCode = STRICT_FIELDS.contains(param.getKey()) && !method.equals("GET");
				String name = "param " + param.getKey() + "=" + abbreviate(attack, 60);
				cases.add(upload
						? multipartCase(endpoint, name, method, base, user, values, filePart, "证据.txt", bytes("证据"),
								wrongType || invalidCode)
						: new Case(endpoint, name, method, base + query(values), user, null, null,
								wrongType || invalidCode));
			}
		}
		if (method.equals("GET")) {
			return cases;
		}
		String target = base + query(params);
		if (bodyType != null && jsonPart == null) {
			cases.addAll(bodyCases(endpoint, method, target, user, bodyType, bodyRequired));
		}
		else if (jsonPart == null && filePart == null) {
			// No body expected: one that is sent anyway must not hurt
			cases.add(new Case(endpoint, "unexpected 10 MB JSON", method, target, user, "application/json",
					bytes("{\"text\":\"" + TEN_MB + "\"}"), false));
			cases.add(new Case(endpoint, "unexpected deep JSON", method, target, user, "application/json",
					bytes("[".repeat(20_000) + "]".repeat(20_000)), false));
		}
		if (jsonPart != null) {
			cases.addAll(partCases(endpoint, method, base, user, jsonPart, bodyType, filePart));
		}
		else if (filePart != null) {
			cases.addAll(fileCases(endpoint, method, target, user, params, filePart));
		}
		return cases;
	}

	/**
	 * Whole bodies that cannot be read, and every field of the body type spoiled in turn.
	 */
	private List<Case> bodyCases(String endpoint, String method, String target, String user, Type bodyType,
			boolean required) {
		List<Case> cases = new ArrayList<>();
		cases.add(new Case(endpoint, "malformed JSON", method, target, user, "application/json", bytes("{\"a\": [1, 2"),
				true));
		cases.add(new Case(endpoint, "JSON of the wrong type", method, target, user, "application/json",
				bytes("[\"x\", 1, null]"), true));
		cases.add(new Case(endpoint, "JSON null", method, target, user, "application/json", bytes("null"), required));
		cases.add(new Case(endpoint, "deep JSON", method, target, user, "application/json",
				bytes("[".repeat(20_000) + "]".repeat(20_000)), true));
		cases.add(new Case(endpoint, "10 MB JSON", method, target, user, "application/json",
				bytes("{\"text\":\"" + TEN_MB + "\"}"), required));
		cases.add(new Case(endpoint, "XML body", method, target, user, "application/xml",
				bytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>"),
				true));
		cases.add(new Case(endpoint, "form body", method, target, user, "application/x-www-form-urlencoded",
				bytes("a=1&b=2"), true));
		for (Map.Entry<String, JsonNode> variant : bodyVariants(bodyType).entrySet()) {
			cases.add(new Case(endpoint, variant.getKey().substring(2), method, target, user, "application/json",
					bytes(variant.getValue().toString()), variant.getKey().startsWith("!")));
		}
		return cases;
	}

	/**
	 * A multipart request with a JSON part (the clue intake): the part spoiled as a body
	 * is, and hostile attachments next to a valid part.
	 */
	private List<Case> partCases(String endpoint, String method, String target, String user, String jsonPart,
			Type partType, String filePart) {
		List<Case> cases = new ArrayList<>();
		JsonNode valid = sampleBody(partType, new ArrayList<>());
		cases.add(multipartCase(endpoint, "missing part " + jsonPart, method, target, user, Map.of(), filePart,
				"证据.txt", bytes("证据"), true));
		cases.add(new Case(endpoint, "multipart without parts", method, target, user,
				"multipart/form-data; boundary=nothing", bytes("--nothing--\r\n"), true));
		cases.add(jsonPartCase(endpoint, "malformed part " + jsonPart, method, target, user, jsonPart, "{\"a\": [1, 2",
				true));
		cases.add(jsonPartCase(endpoint, "deep part " + jsonPart, method, target, user, jsonPart,
				"[".repeat(20_000) + "]".repeat(20_000), true));
		for (Map.Entry<String, JsonNode> variant : bodyVariants(partType).entrySet()) {
			cases.add(jsonPartCase(endpoint, "part " + variant.getKey().substring(2), method, target, user, jsonPart,
					variant.getValue().toString(), variant.getKey().startsWith("!")));
		}
		if (filePart != null) {
			for (Case file : fileCases(endpoint, method, target, user, Map.of(), filePart)) {
				cases.add(withJsonPart(file, jsonPart, valid.toString()));
			}
		}
		return cases;
	}

	/**
	 * Uploads: a path in the file name is cut to its last segment (old browsers send full
	 * paths); a NUL, an executable type or an overlong name is refused.
	 */
	private List<Case> fileCases(String endpoint, String method, String target, String user, Map<String, String> params,
			String filePart) {
		List<Case> cases = new ArrayList<>();
		for (String fileName : List.of("../../../etc/passwd.txt", "..\\..\\evil.txt", "/etc/cron.d/x.txt",
				"a\u0000.txt", "<script>.txt", "evil.exe", "x".repeat(1000) + ".txt")) {
			boolean refused = fileName.contains("\u0000") || fileName.endsWith(".exe") || fileName.length() > 255;
			cases.add(multipartCase(endpoint, "file name " + abbreviate(fileName, 60), method, target, user, params,
					filePart, fileName, bytes("证据"), refused));
		}
		cases.add(multipartCase(endpoint, "10 MB executable", method, target, user, params, filePart, "scan.pdf",
				bytes("MZ" + TEN_MB), true));
		if (!params.isEmpty() || filePart.equals("file")) {
			cases.add(new Case(endpoint, "multipart without file", method, target, user,
					"multipart/form-data; boundary=nothing", bytes("--nothing--\r\n"), filePart.equals("file")));
		}
		return cases;
	}

	/**
	 * Every way to spoil each value of a valid sample body, keyed by case name; the key
	 * starts with "! " when the spoiled body must be refused, "? " when it may be
	 * accepted.
	 */
	private Map<String, JsonNode> bodyVariants(Type type) {
		List<Leaf> leaves = new ArrayList<>();
		JsonNode valid = sampleBody(type, leaves);
		Map<String, JsonNode> variants = new LinkedHashMap<>();
		variants.put("? valid sample", valid);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		for (Leaf leaf : leaves) {
			String field = leaf.pointer();
			variants.put("? " + field + " missing", change(valid, leaf, null));
			variants.put("? " + field + " null", change(valid, leaf, nodes.nullNode()));
			ObjectNode object = nodes.objectNode();
			object.putArray("x");
			switch (leaf.kind()) {
				case TEXT -> {
					variants.put("! " + field + " object instead of text", change(valid, leaf, object));
					variants.put("! " + field + " oversized", change(valid, leaf, nodes.textNode(OVERSIZED)));
					variants.put("? " + field + " empty", change(valid, leaf, nodes.textNode("")));
					String strict = leaf.strict() ? "! " : "? ";
					variants.put(strict + field + "=NO_SUCH_VALUE",
							change(valid, leaf, nodes.textNode("NO_SUCH_VALUE")));
					variants.put(strict + field + "=99999999999999999999",
							change(valid, leaf, nodes.textNode("P99999999999999999999")));
					for (String injection : INJECTIONS) {
						variants.put(strict + field + "=" + injection, change(valid, leaf, nodes.textNode(injection)));
					}
				}
				case NUMBER -> {
					variants.put("! " + field + " text instead of number", change(valid, leaf, nodes.textNode("many")));
					variants.put("! " + field + " overflowing",
							change(valid, leaf, nodes.numberNode(new BigInteger("99999999999999999999"))));
					variants.put("! " + field + " object instead of number", change(valid, leaf, object));
					variants.put("? " + field + "=-1", change(valid, leaf, nodes.numberNode(-1)));
					variants.put("? " + field + "=0", change(valid, leaf, nodes.numberNode(0)));
				}
				case BOOLEAN -> {
					variants.put("! " + field + " text instead of boolean",
							change(valid, leaf, nodes.textNode("maybe")));
					variants.put("! " + field + " object instead of boolean", change(valid, leaf, object));
				}
				case LIST -> {
					variants.put("! " + field + " object instead of list", change(valid, leaf, object));
					ArrayNode huge = nodes.arrayNode();
					JsonNode element = at(valid, field).get(0);
					for (int i = 0; i < 10_000; i++) {
						huge.add(element.deepCopy());
					}
					variants.put("? " + field + " 10,000 elements", change(valid, leaf, huge));
					variants.put("? " + field + " empty", change(valid, leaf, nodes.arrayNode()));
				}
				case MAP -> {
					variants.put("! " + field + " list instead of map", change(valid, leaf, nodes.arrayNode().add(1)));
					ObjectNode unknown = nodes.objectNode();
					unknown.put("NO_SUCH_KEY", "x");
					variants.put((leaf.strict() ? "! " : "? ") + field + " unknown key", change(valid, leaf, unknown));
				}
				case OBJECT ->
					variants.put("! " + field + " text instead of object", change(valid, leaf, nodes.textNode("x")));
			}
		}
		return variants;
	}

	/**
	 * A valid-looking body of the record type, with each value named in {@code leaves}.
	 */
	private JsonNode sampleBody(Type type, List<Leaf> leaves) {
		return sampleValue(type, "", "", leaves);
	}

	private JsonNode sampleValue(Type type, String name, String pointer, List<Leaf> leaves) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		Class<?> raw = raw(type);
		if (raw == String.class || raw.isEnum()) {
			add(leaves, pointer, Kind.TEXT, name);
			return nodes.textNode(raw.isEnum() ? raw.getEnumConstants()[0].toString() : sampleText(name));
		}
		if (raw == LocalDate.class) {
			add(leaves, pointer, Kind.TEXT, name);
			return nodes.textNode(sampleDate(name));
		}
		if (isNumeric(raw)) {
			add(leaves, pointer, Kind.NUMBER, name);
			return name.equals("campaignId") ? nodes.numberNode(Long.parseLong(this.fixture.campaignId()))
					: nodes.numberNode(name.equals("workingDays") ? 5 : 1);
		}
		if (raw == Boolean.class || raw == boolean.class) {
			add(leaves, pointer, Kind.BOOLEAN, name);
			return nodes.booleanNode(false);
		}
		if (Collection.class.isAssignableFrom(raw)) {
			add(leaves, pointer, Kind.LIST, name);
			ArrayNode array = nodes.arrayNode();
			array.add(sampleValue(typeArgument(type, 0), name, pointer + "/0", leaves));
			return array;
		}
		if (Map.class.isAssignableFrom(raw)) {
			add(leaves, pointer, Kind.MAP, name);
			ObjectNode map = nodes.objectNode();
			String key = name.equals("sections") ? "work" : "key";
			map.set(key, sampleValue(typeArgument(type, 1), key, pointer + "/" + key, leaves));
			return map;
		}
		if (raw.isRecord()) {
			add(leaves, pointer, Kind.OBJECT, name);
			ObjectNode object = nodes.objectNode();
			for (RecordComponent component : raw.getRecordComponents()) {
				object.set(component.getName(), sampleValue(component.getGenericType(), component.getName(),
						pointer + "/" + component.getName(), leaves));
			}
			return object;
		}
		throw new IllegalStateException("No sample for " + type + " at " + pointer);
	}

	private static void add(List<Leaf> leaves, String pointer, Kind kind, String name) {
		if (!pointer.isEmpty()) {
			leaves.add(new Leaf(pointer, kind, name));
		}
	}

	private String sampleText(String name) {
		return switch (name) {
			case "unitCode", "subjectUnit", "unit", "scopeUnits" -> "u1";
			case "categoryCode" -> this.fixture.categoryCode();
			case "category" -> "OTHER";
			case "channel" -> "WEBSITE";
			case "severity" -> "MINOR";
			case "source" -> "REVIEW";
			case "action" -> "CONFIRM";
			case "problem" -> "P001";
			case "mergeInto" -> "P002";
			case "occurredOn" -> "2024-05-01";
			case "userId", "userIds" -> "u1";
			case "reporterEmail" -> "reporter@example.org";
			case "reporterContact" -> "13800000000";
			case "reporterName" -> "张三";
			case "subjectPerson" -> "李四";
			case "title" -> "关于整治形式主义官僚主义的测试";
			case "number" -> "测试〔2024〕1号";
			default -> "会议通知层层转发，基层疲于应付。";
		};
	}

	private static String sampleDate(String name) {
		return switch (name) {
			case "selfInspection" -> "2031-03-03";
			case "crossInspection" -> "2031-04-01";
			case "review" -> "2031-05-06";
			case "rectification" -> "2031-09-01";
			default -> "2031-11-03";
		};
	}

	/**
	 * A copy of the body with the value at the leaf replaced, or removed ({@code null}).
	 */
	private static JsonNode change(JsonNode body, Leaf leaf, JsonNode value) {
		JsonNode copy = body.deepCopy();
		String pointer = leaf.pointer();
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = at(copy, pointer.substring(0, slash));
		String key = pointer.substring(slash + 1);
		if (parent instanceof ArrayNode array) {
			int index = Integer.parseInt(key);
			if (value == null) {
				array.remove(index);
			}
			else {
				array.set(index, value);
			}
		}
		else if (value == null) {
			((ObjectNode) parent).remove(key);
		}
		else {
			((ObjectNode) parent).set(key, value);
		}
		return copy;
	}

	private static JsonNode at(JsonNode node, String pointer) {
		return pointer.isEmpty() ? node : node.at(pointer);
	}

	/**
	 * Hostile requests to Camunda's REST API, which Tasklist and Cockpit call.
	 */
	private List<Case> engineRestCases() {
		List<Case> cases = new ArrayList<>();
		String endpoint = "/engine-rest";
		// Lists larger than the engine's limit, or without any limit, are refused
		for (String list : List.of("/engine-rest/task", "/engine-rest/history/process-instance",
				"/engine-rest/variable-instance", "/engine-rest/process-instance", "/engine-rest/history/task",
				"/engine-rest/user", "/engine-rest/history/variable-instance")) {
			for (String paging : List.of("maxResults=1000000", "firstResult=0&maxResults=2147483647",
					"maxResults=" + (QUERY_MAX_RESULTS + 1))) {
				cases.add(new Case(endpoint, "list beyond the limit", "GET", list + "?" + paging, "admin", null, null,
						true));
			}
			cases.add(new Case(endpoint, "unbounded list", "GET", list, "admin", null, null, true));
			cases.add(new Case(endpoint, "list at the limit", "GET", list + "?maxResults=" + QUERY_MAX_RESULTS, "admin",
					null, null, false));
		}
		cases.add(new Case(endpoint, "query beyond the limit", "POST", "/engine-rest/task?maxResults=1000000", "admin",
				"application/json", bytes("{}"), true));
		cases.add(new Case(endpoint, "query beyond the limit", "POST",
				"/engine-rest/history/process-instance?maxResults=1000000", "admin", "application/json", bytes("{}"),
				true));
		cases.add(new Case(endpoint, "query beyond the limit", "POST",
				"/engine-rest/variable-instance?maxResults=1000000", "admin", "application/json", bytes("{}"), true));
		for (String query : List.of("maxResults=-1", "firstResult=abc&maxResults=15", "maxResults=99999999999999999999",
				"maxResults=15&sortBy=" + enc("name; drop table act_ru_task") + "&sortOrder=asc",
				"maxResults=15&candidateGroup=" + enc("' or 1=1 --"), "maxResults=15&nameLike=" + enc(OVERSIZED),
				"maxResults=15&dueBefore=" + enc("not a date"))) {
			boolean invalid = !query.startsWith("maxResults=-1") && !query.contains("candidateGroup")
					&& !query.contains("nameLike");
			cases.add(new Case(endpoint, "engine-rest " + abbreviate(query, 60), "GET", "/engine-rest/task?" + query,
					"admin", null, null, invalid));
		}
		cases.add(new Case(endpoint, "engine-rest malformed JSON", "POST", "/engine-rest/task?maxResults=15", "admin",
				"application/json", bytes("{\"candidateGroup\": "), true));
		cases.add(new Case(endpoint, "engine-rest deep JSON", "POST", "/engine-rest/task?maxResults=15", "admin",
				"application/json", bytes("{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}"), true));
		cases.add(new Case(endpoint, "engine-rest 10 MB JSON", "POST", "/engine-rest/task?maxResults=15", "admin",
				"application/json", bytes("{\"nameLike\":\"" + TEN_MB + "\"}"), false));
		cases.add(new Case(endpoint, "engine-rest expression in query", "POST", "/engine-rest/task?maxResults=15",
				"admin", "application/json",
				bytes("{\"candidateGroupExpression\":\"${''.getClass().forName('java.lang.Runtime')}\"}"), true));
		cases.add(new Case(endpoint, "engine-rest complete a task that does not exist", "POST",
				"/engine-rest/task/" + enc("../../no-such-task") + "/complete", "admin", "application/json",
				bytes("{}"), true));
		cases.add(new Case(endpoint, "engine-rest claim a task that does not exist", "POST",
				"/engine-rest/task/no-such-task/claim", "admin", "application/json", bytes("{\"userId\":\"admin\"}"),
				true));
		cases.add(new Case(endpoint, "engine-rest start with NUL in a variable", "POST",
				"/engine-rest/process-definition/key/deadline-template/start", "admin", "application/json",
				bytes("{\"variables\":{\"note\":{\"value\":\"a\\u0000b\",\"type\":\"String\"}}}"), true));
		cases.add(new Case(endpoint, "engine-rest start with a 5,000-character text variable", "POST",
				"/engine-rest/process-definition/key/deadline-template/start", "admin", "application/json",
				bytes("{\"variables\":{\"note\":{\"value\":\"" + "长".repeat(5000) + "\",\"type\":\"String\"}}}"),
				true));
		cases.add(new Case(endpoint, "engine-rest start with wrong variable type", "POST",
				"/engine-rest/process-definition/key/deadline-template/start", "admin", "application/json",
				bytes("{\"variables\":{\"deadlineAt\":{\"value\":\"yesterday\",\"type\":\"Date\"}}}"), true));
		return cases;
	}

	// ------------------------------------------------------------------ requests

	private Case multipartCase(String endpoint, String name, String method, String target, String user,
			Map<String, String> params, String filePart, String fileName, byte[] content, boolean mustBeRejected) {
		String boundary = "----hostile" + System.nanoTime();
		List<byte[]> parts = new ArrayList<>();
		params.forEach((key, value) -> parts.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ key + "\"\r\n\r\n" + value + "\r\n")));
		if (filePart != null) {
			parts.add(
					bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\""
							+ fileName.replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
			parts.add(content);
			parts.add(bytes("\r\n"));
		}
		parts.add(bytes("--" + boundary + "--\r\n"));
		// the target's query string is dropped: the parameters travel in the form
		return new Case(endpoint, name, method, withoutQuery(target), user, "multipart/form-data; boundary=" + boundary,
				concat(parts), mustBeRejected);
	}

	private Case jsonPartCase(String endpoint, String name, String method, String target, String user, String jsonPart,
			String partJson, boolean mustBeRejected) {
		return withJsonPart(
				new Case(endpoint, name, method, withoutQuery(target), user,
						"multipart/form-data; boundary=----hostile", bytes("------hostile--\r\n"), mustBeRejected),
				jsonPart, partJson);
	}

	/** The multipart case with a JSON part put in front of its other parts. */
	private static Case withJsonPart(Case multipart, String jsonPart, String partJson) {
		String boundary = multipart.contentType().substring(multipart.contentType().indexOf("boundary=") + 9);
		byte[] part = bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPart
				+ "\"\r\nContent-Type: application/json\r\n\r\n" + partJson + "\r\n");
		return new Case(multipart.endpoint(), multipart.name(), multipart.method(), multipart.path(), multipart.user(),
				multipart.contentType(), concat(List.of(part, multipart.body())), multipart.mustBeRejected());
	}

	private Answer send(Case hostile) throws Exception {
		boolean api = hostile.path().startsWith("/api/") || hostile.path().startsWith("/engine-rest/");
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + hostile.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", api ? "application/json" : "text/html");
		if (hostile.user() != null) {
			request.header("Authorization", ClusterNode.basic(hostile.user(), DEMO_PASSWORD));
		}
		HttpClient client = this.http;
		boolean form = !api && !hostile.method().equals("GET");
		if (form) {
			// a form post: the page's session and CSRF token, as a browser sends them
			FormSession session = formSession(hostile.user(), withoutQuery(hostile.path()));
			client = session.client();
			request.header("X-CSRF-TOKEN", session.token());
		}
		if (hostile.contentType() != null) {
			request.header("Content-Type", hostile.contentType());
		}
		request.method(hostile.method(), (hostile.body() != null)
				? HttpRequest.BodyPublishers.ofByteArray(hostile.body()) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			return new Answer(413, "connection closed by the server: " + ex, true, true);
		}
		String location = response.headers().firstValue("Location").orElse(null);
		if (form && response.statusCode() / 100 == 3 && location != null) {
			// post, redirect, get: the form page shows the refusal
			HttpRequest.Builder get = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port).resolve(location))
				.header("Accept", "text/html");
			if (hostile.user() != null) {
				get.header("Authorization", ClusterNode.basic(hostile.user(), DEMO_PASSWORD));
			}
			String page = client.send(get.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
			Matcher error = FORM_ERROR.matcher(page);
			boolean shown = error.find();
			return new Answer(response.statusCode(), shown ? error.group(1) : page, shown, false);
		}
		return new Answer(response.statusCode(), response.body(), response.statusCode() >= 400, false);
	}

	private FormSession formSession(String user, String path) throws Exception {
		String page = path.startsWith("/report") ? "/report"
				: path.startsWith("/taxonomy") ? "/taxonomy" : path + "?itemType=test-item&itemId=hostile-1";
		String key = user + " " + page;
		FormSession session = this.formSessions.get(key);
		if (session == null) {
			HttpClient client = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.followRedirects(HttpClient.Redirect.NEVER)
				.cookieHandler(new CookieManager())
				.build();
			HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + page))
				.header("Accept", "text/html");
			if (user != null) {
				get.header("Authorization", ClusterNode.basic(user, DEMO_PASSWORD));
			}
			HttpResponse<String> form = client.send(get.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF_INPUT.matcher(form.body());
			assertThat(token.find()).as("CSRF token on " + page + ": " + abbreviate(form.body(), 300)).isTrue();
			session = new FormSession(client, token.group(1));
			this.formSessions.put(key, session);
		}
		return session;
	}

	/**
	 * What is wrong with a refusal's message: none, no Chinese and English on
	 * {@code /api}, no Chinese on a page, none from the engine.
	 */
	private String messageProblem(Case hostile, Answer answer) {
		String body = answer.body();
		if (answer.connectionClosed()) {
			return (hostile.body() != null && hostile.body().length > SWALLOW_LIMIT) ? null
					: "connection closed without an answer";
		}
		if (body == null || body.isBlank()) {
			return "refused without a message";
		}
		if (hostile.path().startsWith("/engine-rest/")) {
			JsonNode message = readJson(body).path("message");
			return (message.isTextual() && !message.asText().isBlank()) ? null : "refused without an engine message";
		}
		if (hostile.path().startsWith("/api/")) {
			String detail = readJson(body).path("detail").asText("");
			return (CJK.matcher(detail).find() && LATIN_WORD.matcher(detail).find()) ? null
					: "refused without a Chinese and English detail";
		}
		return CJK.matcher(body).find() ? null : "refused without a Chinese message";
	}

	private JsonNode readJson(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (Exception ex) {
			return JsonNodeFactory.instance.objectNode();
		}
	}

	// ------------------------------------------------------------------ row counts

	/**
	 * Every table of the application and every runtime, history, identity and repository
	 * table of the engine, in the current schema.
	 */
	private List<String> countedTables() {
		List<String> tables = this.jdbc
			.queryForList(
					"select lower(table_name) from information_schema.tables where table_schema = current_schema()"
							+ " and table_type = 'BASE TABLE' order by 1",
					String.class)
			.stream()
			.filter((t) -> !NOT_COUNTED.contains(t))
			.filter((t) -> !t.startsWith("act_") || t.startsWith("act_ru_") || t.startsWith("act_hi_")
					|| t.startsWith("act_id_") || t.startsWith("act_re_") || t.startsWith("act_ge_"))
			.toList();
		assertThat(tables).as("tables counted on PostgreSQL")
			.contains("campaign", "problem", "ledger_entry", "clue", "clue_extension", "audit_event", "notification",
					"mail_outbox", "attachment", "task_cc", "task_urge", "inspection", "recommendation_letter",
					"campaign_report_version", "act_ru_task", "act_ru_execution", "act_ru_variable", "act_ru_job",
					"act_ru_identitylink", "act_hi_procinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_op_log",
					"act_id_user", "act_ge_bytearray");
		assertThat(tables.stream().filter((t) -> !t.startsWith("act_"))).as("application tables counted")
			.hasSizeGreaterThanOrEqualTo(38);
		assertThat(tables.stream().filter((t) -> t.startsWith("act_ru_"))).as("engine runtime tables counted")
			.hasSizeGreaterThanOrEqualTo(13);
		return tables;
	}

	private Map<String, Long> rowCounts() {
		String sql = this.countedTables.stream()
			.map((t) -> "select '" + t + "', count(*) from " + t)
			.collect(Collectors.joining(" union all "));
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.query(sql, (RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getLong(2)));
		return counts;
	}

	private static String difference(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet()
			.stream()
			.filter((e) -> !e.getValue().equals(before.get(e.getKey())))
			.map((e) -> e.getKey() + " " + before.get(e.getKey()) + "->" + e.getValue())
			.collect(Collectors.joining(", "));
	}

	// ------------------------------------------------------------------ helpers

	private static Set<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (methods.isEmpty()) {
			return Set.of("GET", "POST");
		}
		return methods.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
	}

	private static boolean isFiles(Parameter parameter) {
		if (MultipartFile.class.isAssignableFrom(parameter.getType())) {
			return true;
		}
		return Collection.class.isAssignableFrom(parameter.getType())
				&& raw(typeArgument(parameter.getParameterizedType(), 0)) == MultipartFile.class;
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p) {
			return (Class<?>) p.getRawType();
		}
		return Object.class;
	}

	private static Type typeArgument(Type type, int index) {
		return (type instanceof ParameterizedType p) ? p.getActualTypeArguments()[index] : String.class;
	}

	private static String name(String annotated, Parameter parameter) {
		return annotated.isEmpty() ? parameter.getName() : annotated;
	}

	private static String sample(Class<?> type) {
		if (isNumeric(type)) {
			return "1";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		return "test-item";
	}

	private static boolean isNumeric(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class;
	}

	private static boolean isNumericSample(String sample) {
		return sample.matches("\\d+");
	}

	private static String expand(String pattern, Map<String, String> values) {
		String path = pattern;
		for (Map.Entry<String, String> value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", enc(value.getValue()));
		}
		return path;
	}

	private static String query(Map<String, String> params) {
		if (params.isEmpty()) {
			return "";
		}
		return "?" + params.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String withoutQuery(String target) {
		return target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A one-page PDF, so that the preview of the fixture attachment has a page. */
	private static byte[] onePagePdf() throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A5));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(List<byte[]> parts) {
		byte[] all = new byte[parts.stream().mapToInt((p) -> p.length).sum()];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	private static String abbreviate(String text, int length) {
		if (text == null) {
			return "";
		}
		return (text.length() > length) ? text.substring(0, length) + "…(" + text.length() + ")" : text;
	}

}
