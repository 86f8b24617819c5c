package org.rectifyflow.campaign;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.taskrules.ApprovalOpinionService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 自查 form's list of problems through the engine REST API, as Tasklist submits it: the
 * categories and severities the task offers (Chinese labels, values nobody types), a
 * draft saved on the task and shown again, a refusal that names the row and the field,
 * and the rows stored as problems; the list's variable is only the form's carrier and is
 * gone from the runtime and from history once the task is completed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CampaignInspectionFormTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private AuditEventRepository auditEvents;

	@Autowired
	private ApprovalOpinionService opinions;

	@Test
	void shouldRegisterTheRowsOfTheListAndKeepNoCarrierAfterwards() throws Exception {
		CampaignJourney journey = new CampaignJourney(this.http, this.auditEvents, this.opinions);
		journey.start();
		journey.mobilize();
		String task = journey.claimGroupTask("u1", "unit-u1", CampaignProcess.TASK_SELF_INSPECTION);
		String pid = journey.task("u1", task).get("processInstanceId").asText();
		String execution = journey.task("u1", task).get("executionId").asText();

		JsonNode form = CampaignJourney.json(journey.exchange("u1", HttpMethod.GET,
				"/engine-rest/task/" + task + "/form-variables?deserializeValues=false", null));
		assertThat(form.at("/categoryOptions/type").asText()).isEqualTo("Json");
		JsonNode categories = JSON.readTree(form.at("/categoryOptions/value").asText());
		assertThat(categories.findValuesAsText("value")).contains("STYLE", "DECISION", "DUTY");
		assertThat(categories.findValuesAsText("label")).contains("贯彻落实上级决策", "文风会风／以会议落实会议")
			.allSatisfy((label) -> assertThat(label).doesNotContainPattern("[A-Z]"));
		assertThat(JSON.readTree(form.at("/severityOptions/value").asText()).findValuesAsText("label"))
			.containsExactly("一般", "较重", "严重");
		assertThat(form.at("/problems/type").asText()).as("the list starts empty, as JSON").isEqualTo("Json");

		// A draft kept on the task (「保存」) and shown again
		List<Map<String, String>> draft = List.of(row("STYLE", "MINOR", "每周调度会与周例会内容重复", "会议记录"));
		ResponseEntity<String> saved = journey.exchange("u1", HttpMethod.POST,
				"/engine-rest/task/" + task + "/variables", Map.of("modifications", Map.of("problems", json(draft))));
		assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		form = CampaignJourney.json(journey.exchange("u1", HttpMethod.GET,
				"/engine-rest/task/" + task + "/form-variables?deserializeValues=false", null));
		assertThat(form.at("/problems/value").asText()).contains("每周调度会与周例会内容重复");
		assertThat(journey.problems("office")).isEmpty();

		// A row without a severity: refused, naming the row and the field
		List<Map<String, String>> rows = List.of(row("STYLE", "MINOR", "每周调度会与周例会内容重复", "会议记录"),
				row("DECISION", "", "贯彻上级部署搞变通", ""), row("DUTY", "GRAVE", "推诿扯皮，群众反映问题无人负责", ""));
		ResponseEntity<String> refused = submit(journey, task, rows.subList(0, 2));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("第2行「严重程度」必须选择");
		assertThat(journey.problems("office")).isEmpty();

		List<Map<String, String>> complete = List.of(rows.get(0), row("DECISION", "SERIOUS", "贯彻上级部署搞变通", ""),
				rows.get(2));
		ResponseEntity<String> submitted = submit(journey, task, complete);
		assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		List<JsonNode> problems = journey.problems("office");
		assertThat(problems).extracting((p) -> p.get("categoryCode").asText())
			.containsExactly("STYLE", "DECISION", "DUTY");
		assertThat(problems).extracting((p) -> p.get("severity").asText()).containsExactly("MINOR", "SERIOUS", "GRAVE");
		assertThat(problems).extracting((p) -> p.get("unitCode").asText()).containsOnly("u1");
		assertThat(problems.get(0).get("evidence").asText()).isEqualTo("会议记录");

		// The other units' 自查 tasks are still open, each with its own (empty) list
		assertThat(body(journey,
				"/engine-rest/variable-instance?maxResults=100&deserializeValues=false&executionIdIn=" + execution))
			.as("the task's execution lives on until every unit is done, without the list")
			.contains("\"name\":\"unitCode\"")
			.doesNotContain("\"name\":\"problems\"");
		assertThat(
				body(journey,
						"/engine-rest/variable-instance?maxResults=100&deserializeValues=false"
								+ "&processInstanceIdIn=" + pid + "&variableName=problems"))
			.doesNotContain("每周调度会与周例会内容重复");
		for (String name : List.of("problems", "categoryOptions", "severityOptions")) {
			assertThat(body(journey, "/engine-rest/history/variable-instance?maxResults=100&processInstanceId=" + pid
					+ "&variableName=" + name))
				.as("history %s", name)
				.isEqualTo("[]");
		}
		String details = body(journey, "/engine-rest/history/detail?maxResults=1000&processInstanceId=" + pid);
		assertThat(details).doesNotContain("每周调度会与周例会内容重复")
			.doesNotContain("\"problems\"")
			.doesNotContain("categoryOptions");
	}

	@Test
	void shouldTakeTheScopeOfThePlanAsAChecklist() throws Exception {
		CampaignJourney journey = new CampaignJourney(this.http, this.auditEvents, this.opinions);
		journey.start();
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		journey.submitOk("office",
				journey.claimGroupTask("office", "campaign-office", CampaignProcess.TASK_STUDY_SESSION),
				Map.of("studyDate", today, "attendees", "局党组成员", "materials", "中纪办〔2022〕8号文件精神"));
		String plan = journey.claimGroupTask("office", "campaign-office", CampaignProcess.TASK_DRAFT_PLAN);
		JsonNode form = CampaignJourney.json(journey.exchange("office", HttpMethod.GET,
				"/engine-rest/task/" + plan + "/form-variables?deserializeValues=false", null));
		JsonNode units = JSON.readTree(form.at("/unitOptions/value").asText());
		assertThat(units.findValuesAsText("label")).contains("办公室", "综合执法大队");
		assertThat(form.at("/scopeUnits/type").asText()).isEqualTo("Json");
		assertThat(JSON.readTree(form.at("/scopeUnits/value").asText()).isArray()).isTrue();
		assertThat(form.at("/info/value").asText()).doesNotContain("u1");

		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("scopeUnits", json(List.of("u1", "u2", "u9")));
		values.put("categories", json(List.of("STYLE", "DUTY")));
		java.time.LocalDate day = java.time.LocalDate.parse(today);
		List.of("selfInspection", "crossInspection", "review", "rectification", "regulation")
			.forEach((phase) -> values.put(phase + "Deadline",
					Map.of("type", "String", "value", day.plusDays(10L * (values.size() + 1)).toString())));
		ResponseEntity<String> refused = journey.exchange("office", HttpMethod.POST,
				"/engine-rest/task/" + plan + "/submit-form", Map.of("variables", values));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("「整治范围」的选项无效：u9");

		values.put("scopeUnits", json(List.of("u1", "u2")));
		ResponseEntity<String> done = journey.exchange("office", HttpMethod.POST,
				"/engine-rest/task/" + plan + "/submit-form", Map.of("variables", values));
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		String approval = journey.claimGroupTask("party", "party-group", CampaignProcess.TASK_APPROVE_PLAN);
		assertThat(journey.variable("party", approval, "info")).contains("办公室、综合执法大队");
	}

	@Test
	void shouldApplyADecisionPerRowOfTheReview() throws Exception {
		CampaignJourney journey = new CampaignJourney(this.http, this.auditEvents, this.opinions);
		journey.start();
		journey.mobilize();
		journey.selfInspection();
		journey.crossInspection();
		String task = journey.claimGroupTask("party", "party-group", CampaignProcess.TASK_REVIEW);
		JsonNode form = CampaignJourney.json(journey.exchange("party", HttpMethod.GET,
				"/engine-rest/task/" + task + "/form-variables?deserializeValues=false", null));
		JsonNode rows = JSON.readTree(form.at("/decisions/value").asText());
		assertThat(rows).hasSize(7);
		assertThat(rows.findValuesAsText("decision")).containsOnly("CONFIRM");
		assertThat(rows.get(0).get("summary").asText()).startsWith("办公室，").doesNotContain("｜");
		String first = rows.get(0).get("problem").asText();
		String duplicate = rows.get(5).get("problem").asText();
		String rejected = rows.get(1).get("problem").asText();
		((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(5)).put("decision", "MERGE").put("mergeInto", first);
		((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(1)).put("decision", "REJECT");

		ResponseEntity<String> refused = journey.exchange("party", HttpMethod.POST,
				"/engine-rest/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decisions", Map.of("type", "Json", "value", rows.toString()))));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("第2行「驳回理由」为必填项");

		((com.fasterxml.jackson.databind.node.ObjectNode) rows.get(1)).put("reason", "已在上级专项整治中整改");
		ResponseEntity<String> done = journey.exchange("party", HttpMethod.POST,
				"/engine-rest/task/" + task + "/submit-form",
				Map.of("variables", Map.of("decisions", Map.of("type", "Json", "value", rows.toString()))));
		assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, String> status = new java.util.HashMap<>();
		journey.problems("party").forEach((p) -> status.put(p.get("number").asText(), p.get("status").asText()));
		assertThat(status).containsEntry(first, "CONFIRMED")
			.containsEntry(duplicate, "MERGED")
			.containsEntry(rejected, "REJECTED");
		assertThat(status.values()).filteredOn("CONFIRMED"::equals).hasSize(5);
	}

	private static Map<String, String> row(String category, String severity, String description, String evidence) {
		return Map.of("category", category, "severity", severity, "description", description, "evidence", evidence);
	}

	private static Map<String, String> json(Object value) throws Exception {
		return Map.of("type", "Json", "value", JSON.writeValueAsString(value));
	}

	private ResponseEntity<String> submit(CampaignJourney journey, String task, Object rows) throws Exception {
		return journey.exchange("u1", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form",
				Map.of("variables", Map.of("problems", json(rows))));
	}

	private static String body(CampaignJourney journey, String url) {
		ResponseEntity<String> response = journey.exchange("admin", HttpMethod.GET, url, null);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

}
