package org.rectifyflow.clue;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.notification.internal.MailDeliveryProcess;
import org.rectifyflow.testsupport.PostgresIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A named reporter's identity (name, phone and identity card number in the contact, mail
 * address) is kept in the clue's encrypted column and shown only by the audited reveal to
 * the discipline group. Three clues are reported with unique markers, through the public
 * API, the {@code /report} form and the staff intake; one is worked through to its close
 * by the demo users over the engine REST API as Tasklist would, which mails the feedback
 * to the reporter; then the markers are searched for
 * <ol>
 * <li>in every answer the demo users get from the clue, supervision, export (Excel and
 * Word as text), notification and engine REST endpoints, except the reveal;</li>
 * <li>in every line the application logged meanwhile;</li>
 * <li>in every process variable, runtime and history, comment, operation log entry and
 * job failure, read through the engine's services;</li>
 * <li>in every text and binary column of every table of the database, except
 * {@code clue.reporter_cipher}.</li>
 * </ol>
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "rectify.demo.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class ReporterIdentityLeakIT {

	/** The demo users whose answers are searched. */
	static final List<String> USERS = List.of("admin", "party", "office", "discipline", "discipline2", "disciplinelead",
			"supervisor", "u1", "u1lead", "u2");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PASSWORD = "demo";

	/** One reporter's identity, made of markers that occur nowhere else. */
	record Identity(String name, String contact, String email) {

		static Identity unique(String channel) {
			String token = channel + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
			return new Identity("王RN" + token, "手机RC" + token + "，身份证RI" + token, "rm" + token + "@example.org");
		}

		/** What must never show: each part on its own, compared case-insensitively. */
		List<String> markers() {
			String token = this.name.substring(3);
			return List.of("RN" + token, "RC" + token, "RI" + token, "rm" + token);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ClueIntake clueIntake;

	@Autowired
	ClueRegister clueRegister;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** Every answer searched: where it came from → its text. */
	final Map<String, String> answers = new LinkedHashMap<>();

	@Test
	void shouldKeepTheReporterOutOfEveryAnswerLogLineVariableAndColumn(CapturedOutput output) throws Exception {
		Identity publicReporter = Identity.unique("P");
		Identity formReporter = Identity.unique("F");
		Identity staffReporter = Identity.unique("S");
		List<Identity> reporters = List.of(publicReporter, formReporter, staffReporter);

		Map<String, String> publicReceipt = reportPublicly(publicReporter);
		Map<String, String> formReceipt = reportThroughTheForm(formReporter);
		Map<String, String> staffReceipt = registerAsStaff(staffReporter);
		List<Clue> clues = List.of(clue(publicReceipt), clue(formReceipt), clue(staffReceipt));
		assertThat(clues).allSatisfy((clue) -> assertThat(clue.getReporterCipher()).isNotNull());

		Clue worked = clues.get(2);
		workThrough(worked);
		assertThat(this.clueRegister.clue(worked.getId()).getStatus()).isEqualTo(ClueStatus.CLOSED);
		deliverMails();

		for (int i = 0; i < clues.size(); i++) {
			assertThat(reveal("discipline", clues.get(i))).as("the audited reveal shows the reporter")
				.contains(reporters.get(i).name(), reporters.get(i).contact(), reporters.get(i).email());
			this.answers.put("reveal as supervisor " + clues.get(i).getNumber(), reveal("supervisor", clues.get(i)));
		}
		for (Map<String, String> receipt : List.of(publicReceipt, formReceipt, staffReceipt)) {
			collect(null, "/api/public/clues/" + receipt.get("receiptCode"));
		}
		for (String user : USERS) {
			collectEverything(user, clues);
		}

		List<String> markers = reporters.stream().flatMap((r) -> r.markers().stream()).toList();
		List<String> leaks = new ArrayList<>();
		this.answers
			.forEach((where, text) -> found(markers, text).forEach((m) -> leaks.add("answer " + where + ": " + m)));
		found(markers, output.getAll()).forEach((m) -> leaks.add("log: " + m + " in " + lineWith(output.getAll(), m)));
		engineValues().forEach((where, text) -> found(markers, text).forEach((m) -> leaks.add(where + ": " + m)));
		leaks.addAll(databaseColumnsContaining(markers));

		assertThat(output.getAll()).as("the log is captured").contains("Received clue " + worked.getNumber());
		assertThat(databaseColumnsContaining(List.of(worked.getNumber()))).as("the database scan finds what is there")
			.contains("clue.clue_number: " + worked.getNumber());
		assertThat(leaks).as("places that show a reporter's identity").isEmpty();
	}

	// ---------------------------------------------------------------- intake

	private Map<String, String> reportPublicly(Identity reporter) throws Exception {
		String body = JSON.writeValueAsString(Map.of("channel", "WEBSITE", "subjectUnit", "u1", "subjectPerson", "某股长",
				"category", "RESEARCH", "description", "网上举报：调研走过场", "reporterName", reporter.name(), "reporterContact",
				reporter.contact(), "reporterEmail", reporter.email()));
		HttpResponse<byte[]> response = send(null, "POST", "/api/public/clues", body);
		assertThat(response.statusCode()).isEqualTo(201);
		return receipt("public intake", response);
	}

	private Map<String, String> reportThroughTheForm(Identity reporter) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String page = browser.send(HttpRequest.newBuilder(uri("/report")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf.group(1));
		fields.put("subjectUnit", "u1");
		fields.put("category", "MEETINGS_DOCUMENTS");
		fields.put("description", "网上举报表单：会议套会议");
		fields.put("reporterName", reporter.name());
		fields.put("reporterContact", reporter.contact());
		fields.put("reporterEmail", reporter.email());
		String form = fields.entrySet()
			.stream()
			.map((f) -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/report"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		this.answers.put("POST /report", response.body());
		Matcher number = Pattern.compile("XS-\\d{4}-\\d{6}").matcher(response.body());
		Matcher code = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}").matcher(response.body());
		assertThat(number.find()).as("the receipt page shows the clue number").isTrue();
		assertThat(code.find()).as("the receipt page shows the receipt code").isTrue();
		return Map.of("clueNumber", number.group(), "receiptCode", code.group());
	}

	private Map<String, String> registerAsStaff(Identity reporter) throws Exception {
		String body = JSON.writeValueAsString(Map.of("channel", "PHONE", "subjectUnit", "u1", "subjectPerson", "某科长",
				"category", "WORK_IMPLEMENTATION", "description", "来电反映：审批材料齐全却拖着不办", "reporterName", reporter.name(),
				"reporterContact", reporter.contact(), "reporterEmail", reporter.email()));
		HttpResponse<byte[]> response = send("discipline", "POST", "/api/clues", body);
		assertThat(response.statusCode()).isEqualTo(201);
		return receipt("staff intake", response);
	}

	private Map<String, String> receipt(String where, HttpResponse<byte[]> response) throws Exception {
		String text = new String(response.body(), StandardCharsets.UTF_8);
		this.answers.put(where, text);
		JsonNode receipt = JSON.readTree(text);
		return Map.of("clueNumber", receipt.get("clueNumber").asText(), "receiptCode",
				receipt.get("receiptCode").asText());
	}

	private Clue clue(Map<String, String> receipt) {
		return this.clueRegister.findByNumber(receipt.get("clueNumber")).orElseThrow();
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * The green channel to the close, each task claimed and submitted over the engine
	 * REST API by the user who would do it in Tasklist; before each step, every user
	 * reads the open task, its variables, form variables and comments.
	 */
	private void workThrough(Clue clue) throws Exception {
		ClueTestSupport support = new ClueTestSupport(this.clueIntake, this.clueRegister, this.runtimeService,
				this.taskService, this.managementService);
		step(support, clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "ACCEPT", ClueProcess.VAR_DECISION_REASON, "属本级管辖，予以受理",
						ClueProcess.VAR_CLEAR, "true", ClueProcess.VAR_TARGETED, "true", ClueProcess.VAR_SPECIFIC,
						"true", ClueProcess.VAR_QUICK, "true"));
		step(support, clue, ClueProcess.TASK_DISPOSE, "discipline", Map.of(ClueProcess.VAR_DISPOSAL,
				"PRELIMINARY_VERIFICATION", ClueProcess.VAR_DISPOSAL_REASON, "事实具体，可以快速核实"));
		step(support, clue, ClueProcess.TASK_INVESTIGATE, "discipline",
				Map.of(ClueProcess.VAR_INVESTIGATION_FINDINGS, "调阅审批台账并谈话核实，反映问题基本属实。"));
		step(support, clue, ClueProcess.TASK_HANDLING_OPINION, "discipline", Map.of(ClueProcess.VAR_HANDLING_OUTCOME,
				"CRITICISM", ClueProcess.VAR_HANDLING_OPINION, "对相关负责人批评教育，限期整改。"));
		step(support, clue, ClueProcess.TASK_APPROVE_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_OPINION_APPROVED, "true", "opinion", "同意"));
		step(support, clue, ClueProcess.TASK_WRITE_FEEDBACK, "discipline2",
				Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "您反映的问题经核实基本属实，已对相关负责人批评教育。感谢您的监督。"));
	}

	private void step(ClueTestSupport support, Clue clue, String taskKey, String user, Map<String, String> values)
			throws Exception {
		Task task = support.task(clue, taskKey);
		for (String reader : USERS) {
			for (String path : List.of("/engine-rest/task/" + task.getId(),
					"/engine-rest/task/" + task.getId() + "/variables",
					"/engine-rest/task/" + task.getId() + "/form-variables",
					"/engine-rest/task/" + task.getId() + "/comment",
					"/engine-rest/task?processInstanceId=" + clue.getProcessInstanceId())) {
				collect(reader, path);
			}
		}
		assertThat(send(user, "POST", "/engine-rest/task/" + task.getId() + "/claim",
				JSON.writeValueAsString(Map.of("userId", user)))
			.statusCode()).as("%s claims %s", user, taskKey).isEqualTo(204);
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		HttpResponse<byte[]> submitted = send(user, "POST", "/engine-rest/task/" + task.getId() + "/submit-form",
				JSON.writeValueAsString(Map.of("variables", variables)));
		assertThat(submitted.statusCode())
			.as("%s submits %s: %s", user, taskKey, new String(submitted.body(), StandardCharsets.UTF_8))
			.isIn(200, 204);
	}

	/** Runs the feedback mail's delivery job, as the job executor would. */
	private void deliverMails() {
		List<Job> jobs = this.managementService.createJobQuery()
			.processDefinitionKey(MailDeliveryProcess.KEY)
			.executable()
			.list();
		assertThat(jobs).as("mails waiting for delivery").isNotEmpty();
		for (Job job : jobs) {
			this.managementService.executeJob(job.getId());
		}
	}

	private String reveal(String user, Clue clue) throws Exception {
		return new String(
				send(user, "POST", "/api/clues/" + clue.getId() + "/reveal-reporter", "{\"reason\":\"核实举报内容需联系举报人\"}")
					.body(),
				StandardCharsets.UTF_8);
	}

	// ---------------------------------------------------------------- answers

	private void collectEverything(String user, List<Clue> clues) throws Exception {
		List<String> paths = new ArrayList<>(List.of("/api/clues?size=200", "/api/clues.xlsx",
				"/api/supervision/summary", "/dashboard", "/api/notifications?size=100", "/api/cc?size=100",
				"/engine-rest/task?maxResults=1000", "/engine-rest/process-instance?processDefinitionKey=clue",
				"/engine-rest/history/process-instance?processDefinitionKey=clue",
				"/engine-rest/process-instance?processDefinitionKey=" + MailDeliveryProcess.KEY,
				"/engine-rest/history/process-instance?processDefinitionKey=" + MailDeliveryProcess.KEY,
				"/engine-rest/history/variable-instance?processDefinitionKey=" + MailDeliveryProcess.KEY,
				"/engine-rest/history/variable-instance?processDefinitionKey=escalation",
				"/engine-rest/history/job-log?processDefinitionKey=" + MailDeliveryProcess.KEY,
				"/engine-rest/job?maxResults=1000", "/engine-rest/incident", "/engine-rest/history/incident"));
		Long campaign = this.jdbc.queryForObject("select min(id) from campaign", Long.class);
		paths.add("/api/campaigns/" + campaign + "/ledger.xlsx");
		paths.add("/api/campaigns/" + campaign + "/report.docx");
		paths.add("/api/supervision/summary?campaignId=" + campaign);
		for (Clue clue : clues) {
			String instance = clue.getProcessInstanceId();
			paths.addAll(
					List.of("/api/clues/" + clue.getId(), "/api/attachments?itemType=clue&itemId=" + clue.getNumber(),
							"/engine-rest/process-instance/" + instance,
							"/engine-rest/process-instance/" + instance + "/variables",
							"/engine-rest/process-instance/" + instance + "/comment",
							"/engine-rest/variable-instance?processInstanceIdIn=" + instance,
							"/engine-rest/history/process-instance/" + instance,
							"/engine-rest/history/variable-instance?processInstanceId=" + instance,
							"/engine-rest/history/detail?processInstanceId=" + instance,
							"/engine-rest/history/task?processInstanceId=" + instance,
							"/engine-rest/history/activity-instance?processInstanceId=" + instance,
							"/engine-rest/history/user-operation?processInstanceId=" + instance,
							"/engine-rest/history/identity-link-log?processInstanceId=" + instance,
							"/engine-rest/task?processInstanceId=" + instance));
			for (var task : this.historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
				paths.add("/engine-rest/task/" + task.getId() + "/comment");
			}
		}
		for (String path : paths) {
			collect(user, path);
		}
	}

	private void collect(String user, String path) throws Exception {
		HttpResponse<byte[]> response = send(user, "GET", path, null);
		String type = response.headers().firstValue("Content-Type").orElse("");
		this.answers.put(((user != null) ? user : "anonymous") + " GET " + path + " (" + response.statusCode() + ")",
				text(response.body(), type));
	}

	/**
	 * The text a person reads: Excel cells and Word text extracted, anything else as is.
	 */
	static String text(byte[] body, String contentType) throws Exception {
		if (contentType.contains("spreadsheetml")) {
			StringBuilder text = new StringBuilder();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							text.append(cell).append('\t');
						}
						text.append('\n');
					}
				}
			}
			assertThat(text).as("an Excel export with rows").isNotEmpty();
			return text.toString();
		}
		if (contentType.contains("wordprocessingml")) {
			try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(body));
					XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
				return extractor.getText();
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	// ---------------------------------------------------------------- engine and
	// database

	/** Every value the engine holds that a process or a person wrote, by where it is. */
	private Map<String, String> engineValues() {
		Map<String, String> values = new LinkedHashMap<>();
		this.runtimeService.createVariableInstanceQuery()
			.list()
			.forEach((v) -> values.merge("runtime variable " + v.getName(), String.valueOf(v.getValue()),
					(a, b) -> a + "\n" + b));
		this.historyService.createHistoricVariableInstanceQuery()
			.list()
			.forEach((v) -> values.merge("historic variable " + v.getName(), String.valueOf(v.getValue()),
					(a, b) -> a + "\n" + b));
		for (HistoricDetail detail : this.historyService.createHistoricDetailQuery().list()) {
			if (detail instanceof HistoricVariableUpdate update) {
				values.merge("historic detail " + update.getVariableName(), String.valueOf(update.getValue()),
						(a, b) -> a + "\n" + b);
			}
		}
		this.historyService.createHistoricProcessInstanceQuery().list().forEach((pi) -> {
			values.merge("business keys", String.valueOf(pi.getBusinessKey()), (a, b) -> a + "\n" + b);
			this.taskService.getProcessInstanceComments(pi.getId())
				.forEach((c) -> values.merge("comments", c.getFullMessage(), (a, b) -> a + "\n" + b));
		});
		this.historyService.createHistoricTaskInstanceQuery()
			.list()
			.forEach((t) -> values.merge("task names and descriptions", t.getName() + " " + t.getDescription(),
					(a, b) -> a + "\n" + b));
		this.historyService.createUserOperationLogQuery()
			.list()
			.forEach((op) -> values.merge("operation log", op.getOrgValue() + " " + op.getNewValue(),
					(a, b) -> a + "\n" + b));
		this.historyService.createHistoricJobLogQuery()
			.list()
			.forEach((log) -> values.merge("job log", String.valueOf(log.getJobExceptionMessage()),
					(a, b) -> a + "\n" + b));
		this.runtimeService.createIncidentQuery()
			.list()
			.forEach((i) -> values.merge("incidents", i.getIncidentMessage(), (a, b) -> a + "\n" + b));
		return values;
	}

	/**
	 * Every text, JSON and binary column of every table of the application's schema (the
	 * engine's included) that contains one of the strings, as
	 * {@code table.column: string}. The reporter's ciphertext column is the one place
	 * allowed to hold the identity (it holds it encrypted).
	 */
	private List<String> databaseColumnsContaining(List<String> strings) {
		List<Map<String, Object>> columns = this.jdbc.queryForList("select table_name, column_name, data_type"
				+ " from information_schema.columns where table_schema = current_schema()"
				+ " and data_type in ('character varying', 'text', 'character', 'json', 'jsonb', 'bytea')"
				+ " order by table_name, column_name");
		assertThat(columns).as("the scan sees the engine's tables").isNotEmpty();
		List<String> hits = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			if (table.equalsIgnoreCase("clue") && name.equalsIgnoreCase("reporter_cipher")) {
				continue;
			}
			boolean binary = "bytea".equals(column.get("data_type"));
			for (String string : strings) {
				String condition = binary
						? "position(convert_to(?, 'UTF8') in \"" + name
								+ "\") > 0 or position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
						: "lower(\"" + name + "\"::text) like '%' || ? || '%'";
				Object[] args = binary ? new Object[] { string, string.toLowerCase(Locale.ROOT) }
						: new Object[] { string.toLowerCase(Locale.ROOT) };
				Long count = this.jdbc.queryForObject("select count(*) from \"" + table + "\" where " + condition,
						Long.class, args);
				if (count != null && count > 0) {
					hits.add(table + "." + name + ": " + string);
				}
			}
		}
		return hits;
	}

	private static List<String> found(List<String> markers, String text) {
		String lower = (text != null) ? text.toLowerCase(Locale.ROOT) : "";
		return markers.stream().filter((m) -> lower.contains(m.toLowerCase(Locale.ROOT))).toList();
	}

	private static String lineWith(String text, String marker) {
		return text.lines()
			.filter((line) -> line.toLowerCase(Locale.ROOT).contains(marker.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElse("");
	}

	// ---------------------------------------------------------------- HTTP

	private HttpResponse<byte[]> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "*/*");
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
