package org.rectifyflow.taskrules;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.ClueTestSupport;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;
import org.rectifyflow.rectification.RectificationProcess;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task accepts only its own inputs, whichever way a user writes them: completing it or
 * submitting its form through the engine REST API (as Tasklist does), or writing
 * variables of the task, its execution or its process instance. Each refusal is a 400
 * with a Chinese message and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskInputGuardTest {

	private static long campaigns = System.currentTimeMillis() % 1_000_000 * 1000 + 500;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private LedgerService ledger;

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private ClueIntake clueIntake;

	@Autowired
	private ClueRegister clueRegister;

	@Autowired
	private ManagementService managementService;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void shouldRefuseAnotherEntryIdWhenCompletingTheRectificationWork() throws Exception {
		LedgerEntry mine = toWork(open("u1"), "u1");
		LedgerEntry other = toWork(open("u3"), "u3");
		Task work = task(mine, RectificationProcess.TASK_RECTIFY);

		HttpResponse<String> refused = post("/engine-rest/task/" + work.getId() + "/complete", "u1", variables(
				Map.of("rectifyAction", "PROGRESS", "progressText", "替他单位报进展", "ledgerEntryId", other.getId())));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("只接受本任务表单中的内容").contains("ledgerEntryId");
		HttpResponse<String> stranger = post("/engine-rest/task/" + work.getId() + "/complete", "u2",
				variables(Map.of("ledgerEntryId", other.getId())));
		assertThat(stranger.statusCode()).as("a task the user may not work on says nothing about its inputs")
			.isEqualTo(403);
		assertThat(stranger.body()).doesNotContain("整改落实").doesNotContain("ledgerEntryId");
		assertThat(progress(other)).isEmpty();
		assertThat(progress(mine)).isEmpty();
		assertThat(task(mine, RectificationProcess.TASK_RECTIFY).getId()).isEqualTo(work.getId());
		assertThat(this.runtimeService.getVariable(work.getProcessInstanceId(), "ledgerEntryId"))
			.isEqualTo(mine.getId());

		HttpResponse<String> allowed = post("/engine-rest/task/" + work.getId() + "/submit-form", "u1",
				variables(Map.of("rectifyAction", "PROGRESS", "progressText", "已完成制度初稿")));
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(204);
		assertThat(progress(mine)).containsExactly("已完成制度初稿");
		assertThat(progress(other)).isEmpty();
	}

	@Test
	void shouldRefuseTheResponsibleLeaderWhenDraftingMeasures() throws Exception {
		LedgerEntry entry = open("u1");
		complete(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
				Map.of(RectificationProcess.VAR_RESPONSIBLE_PERSON, "u1"));
		Task draft = task(entry, RectificationProcess.TASK_DRAFT_MEASURES);
		Object leader = this.runtimeService.getVariable(draft.getProcessInstanceId(),
				RectificationProcess.VAR_RESPONSIBLE_LEADER);

		HttpResponse<String> refused = post("/engine-rest/task/" + draft.getId() + "/complete", "u1",
				variables(Map.of("measures", "建立督办台账", "workingDays", 5, "responsibleLeader", "u3")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("responsibleLeader");
		assertThat(task(entry, RectificationProcess.TASK_DRAFT_MEASURES).getId()).isEqualTo(draft.getId());
		assertThat(this.runtimeService.getVariable(draft.getProcessInstanceId(),
				RectificationProcess.VAR_RESPONSIBLE_LEADER))
			.isEqualTo(leader);
		assertThat(this.ledger.find(entry.getId()).orElseThrow().getMeasures()).isNull();
	}

	@Test
	void shouldRefuseWhatTheFormRefusesFromTheFormsOwnDeclaration() throws Exception {
		LedgerEntry mine = toWork(open("u1"), "u1");
		Task work = task(mine, RectificationProcess.TASK_RECTIFY);

		HttpResponse<String> tooLong = put("/engine-rest/task/" + work.getId() + "/localVariables/progressText", "u1",
				"{\"value\":\"" + "长".repeat(2001) + "\"}");
		assertRefused(tooLong);
		assertThat(tooLong.body()).contains("整改进展").contains("2000");
		HttpResponse<String> missing = post("/engine-rest/task/" + work.getId() + "/complete", "u1", "{}");
		assertRefused(missing);
		assertThat(missing.body()).contains("办理方式");
		assertThat(task(mine, RectificationProcess.TASK_RECTIFY).getId()).as("nothing changed").isEqualTo(work.getId());
		assertThat(this.taskService.getVariableLocal(work.getId(), "progressText")).isNull();

		assertThat(post("/engine-rest/task/" + work.getId() + "/complete", "u1",
				variables(Map.of("rectifyAction", "PROGRESS", "progressText", "已完成第一阶段整改")))
			.statusCode()).isEqualTo(204);
	}

	@Test
	void shouldRefuseTheOneCharacterSupervisionNoteTheFormRefuses() throws Exception {
		FormFields supervise = FormFields
			.parse(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("bpmn/forms/supervise.form")));
		TaskInputs inputs = TaskInputs.of(supervise, new UserTaskRules(Map.of()));

		assertThat(inputs.violation(Map.of("supervisionNote", "催"), (name) -> null, true))
			.containsExactly("「督办意见」不能少于 4 个字", "the field '督办意见' needs at least 4 characters");
		assertThat(inputs.violation(Map.of(), (name) -> null, true)[0]).isEqualTo("「督办意见」为必填项");
		assertThat(inputs.violation(Map.of(), (name) -> null, false)).as("saving a draft").isNull();
		assertThat(inputs.violation(Map.of("supervisionNote", "已电话督促承办人"), (name) -> null, true)).isNull();
	}

	@Test
	void shouldAcceptOnlyTheStartFormsFieldsWhenAUserStartsAProcess() throws Exception {
		String title = "发起表单校验专项-" + System.nanoTime();
		Map<String, Object> form = new HashMap<>();
		form.put("title", title);
		form.put("basisDocuments", "关于开展整治形式主义官僚主义专项行动的通知（中纪办〔2022〕8号）");
		form.put("scopeUnits", "u1,u2");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		form.put("selfInspectionDeadline", today.plusDays(7).toString());
		form.put("crossInspectionDeadline", today.plusDays(14).toString());
		form.put("reviewDeadline", today.plusDays(21).toString());
		form.put("rectificationDeadline", today.plusDays(90).toString());
		form.put("regulationDeadline", today.plusDays(120).toString());
		Map<String, Object> smuggled = new HashMap<>(form);
		smuggled.put("campaignId", 1);
		smuggled.put("phase", "RECTIFICATION");
		long before = this.runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign").count();

		HttpResponse<String> start = post("/engine-rest/process-definition/key/campaign/start", "office",
				variables(smuggled));
		assertRefused(start);
		assertThat(start.body()).contains("发起表单").contains("campaignId").contains("phase");
		HttpResponse<String> submit = post("/engine-rest/process-definition/key/campaign/submit-form", "office",
				variables(smuggled));
		assertRefused(submit);
		assertThat(submit.body()).contains("campaignId");
		// starting in the middle of a process is a modification, the system's
		String atActivity = variables(form).replaceFirst("\\}$",
				",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RegisterCampaign\"}]}");
		assertRefused(post("/engine-rest/process-definition/key/campaign/start", "office", atActivity));
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign").count())
			.as("nothing was started")
			.isEqualTo(before);

		// the start form's own fields are accepted, as Tasklist submits them
		HttpResponse<String> accepted = post("/engine-rest/process-definition/key/campaign/submit-form", "office",
				variables(form));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		// a user who may not start the process is told so by the engine (403), not by the
		// guard
		assertThat(post("/engine-rest/process-definition/key/campaign/start", "u1", variables(smuggled)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void shouldRefuseVariableWritesOutsideTheTasksInputs() throws Exception {
		LedgerEntry mine = toWork(open("u1"), "u1");
		Task work = task(mine, RectificationProcess.TASK_RECTIFY);
		String instance = work.getProcessInstanceId();
		String one = "{\"value\":999999,\"type\":\"Long\"}";

		assertRefused(put("/engine-rest/process-instance/" + instance + "/variables/ledgerEntryId", "u1", one));
		assertRefused(post("/engine-rest/process-instance/" + instance + "/variables", "u1",
				"{\"modifications\":{\"ledgerEntryId\":" + one + "}}"));
		assertRefused(post("/engine-rest/process-instance/" + instance + "/variables", "u1",
				"{\"deletions\":[\"ledgerEntryId\"]}"));
		assertRefused(put("/engine-rest/execution/" + instance + "/localVariables/ledgerEntryId", "u1", one));
		assertRefused(put("/engine-rest/task/" + work.getId() + "/variables/ledgerEntryId", "u1", one));
		assertRefused(put("/engine-rest/task/" + work.getId() + "/localVariables/deadlineAt", "u1",
				"{\"value\":\"2030-12-01T00:00:00.000+0800\",\"type\":\"Date\"}"));
		assertRefused(post("/engine-rest/task/" + work.getId() + "/variables", "u1",
				"{\"modifications\":{\"responsiblePerson\":{\"value\":\"u3\"}}}"));
		assertRefused(delete("/engine-rest/task/" + work.getId() + "/variables/ledgerEntryId", "u1"));
		assertRefused(post("/engine-rest/task/" + work.getId() + "/resolve", "u1",
				variables(Map.of("ledgerEntryId", 999999))));

		assertThat(this.runtimeService.getVariable(instance, "ledgerEntryId")).isEqualTo(mine.getId());
		assertThat(this.runtimeService.getVariable(instance, "responsiblePerson")).as("nothing was written").isNull();
		assertThat(this.ledger.find(mine.getId()).orElseThrow().getResponsiblePerson()).isEqualTo("u1");

		// the task's own input is accepted
		assertThat(put("/engine-rest/task/" + work.getId() + "/localVariables/progressText", "u1", "{\"value\":\"草稿\"}")
			.statusCode()).isEqualTo(204);
	}

	@Test
	void shouldRefuseTheProposerNamingSomeoneElseWhenApprovingAnExtension() throws Exception {
		ClueTestSupport support = new ClueTestSupport(this.clueIntake, this.clueRegister, this.runtimeService,
				this.taskService, this.managementService);
		Clue clue = support.receive(ClueTestSupport.anonymous("u4", "WORK_IMPLEMENTATION", "长期拖延"));
		support.register(clue, true, true, true, false);
		support.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead", Map.of("standardWorkingDays", 10));
		support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "PRELIMINARY_VERIFICATION"));
		assertThat(post("/api/clues/" + clue.getId() + "/extension", "disciplinelead",
				"{\"reason\":\"需要调取更多材料\",\"workingDays\":5}")
			.statusCode()).isEqualTo(202);
		Task approval = support.task(clue, ClueProcess.TASK_APPROVE_EXTENSION);

		HttpResponse<String> refused = post("/engine-rest/task/" + approval.getId() + "/complete", "disciplinelead",
				variables(Map.of(ClueProcess.VAR_EXTENSION_APPROVED, "true", "opinion", "同意", "extensionRequestedBy",
						"discipline")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("extensionRequestedBy");
		assertThat(support.task(clue, ClueProcess.TASK_APPROVE_EXTENSION).getId()).isEqualTo(approval.getId());
		assertThat(this.runtimeService.getVariable(clue.getProcessInstanceId(), "extensionRequestedBy"))
			.as("the requester the system wrote with the request is unchanged")
			.isEqualTo("disciplinelead");
	}

	private List<String> progress(LedgerEntry entry) {
		return this.jdbc.queryForList("select report_text from ledger_progress_report where ledger_entry_id = ?",
				String.class, entry.getId());
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
		assertThat(response.body()).as(response.uri().toString()).containsPattern("[\\u4e00-\\u9fff]");
	}

	private LedgerEntry open(String unit) {
		long campaign = ++campaigns;
		return this.ledger.open(new NewLedgerEntry(campaign, "TI-" + campaign, null, unit, "C4", "类别C4", "文风会风改进不到位",
				"SELF_INSPECTION", null));
	}

	/**
	 * The system assigns, drafts and approves, as the unit's leader and handler would.
	 */
	private LedgerEntry toWork(LedgerEntry entry, String person) {
		complete(entry, RectificationProcess.TASK_ASSIGN_RESPONSIBLE,
				Map.of(RectificationProcess.VAR_RESPONSIBLE_PERSON, person));
		complete(entry, RectificationProcess.TASK_DRAFT_MEASURES,
				Map.of(RectificationProcess.VAR_MEASURES, "精简会议文件", RectificationProcess.VAR_WORKING_DAYS, 5));
		complete(entry, RectificationProcess.TASK_APPROVE_MEASURES,
				Map.of(RectificationProcess.VAR_MEASURES_APPROVED, true, "opinion", "同意"));
		return entry;
	}

	private void complete(LedgerEntry entry, String taskKey, Map<String, Object> variables) {
		this.taskService.complete(task(entry, taskKey).getId(), new HashMap<>(variables));
	}

	private Task task(LedgerEntry entry, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private static String variables(Map<String, Object> values) {
		StringBuilder json = new StringBuilder("{\"variables\":{");
		String separator = "";
		for (Map.Entry<String, Object> value : values.entrySet()) {
			Object v = value.getValue();
			json.append(separator)
				.append('"')
				.append(value.getKey())
				.append("\":{\"value\":")
				.append((v instanceof String) ? "\"" + v + "\"" : String.valueOf(v))
				.append('}');
			separator = ",";
		}
		return json.append("}}").toString();
	}

	private HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
		return send(request(path, user).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> put(String path, String user, String json) throws IOException, InterruptedException {
		return send(request(path, user).PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> delete(String path, String user) throws IOException, InterruptedException {
		return send(request(path, user).DELETE());
	}

	private HttpRequest.Builder request(String path, String user) {
		String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
