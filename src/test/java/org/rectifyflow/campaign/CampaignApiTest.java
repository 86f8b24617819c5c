package org.rectifyflow.campaign;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.RectifyFlowTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RectifyFlowTest
class CampaignApiTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private CampaignService campaigns;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private TaskService taskService;

	@RegisterExtension
	final EngineClock clock = EngineClock.startingAt(CampaignProcessTest.at(CampaignProcessTest.START).toInstant());

	@Test
	void shouldStartACampaignAsTheOfficeAndListIt() throws Exception {
		JsonNode created = body(post("office", "/api/campaigns", start("API发起的专项整治", List.of("u1", "u2"), "2026-03-13"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(org.hamcrest.Matchers.matchesPattern("ZZ-2026-\\d{3}")))
			.andExpect(jsonPath("$.phase").value("MOBILIZE"))
			.andExpect(jsonPath("$.basisDocuments[0].number").value("中纪办〔2022〕8号")));
		long id = created.get("id").asLong();
		Campaign campaign = this.campaigns.find(id).orElseThrow();
		assertThat(campaign.getStartedBy()).isEqualTo("office");
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(campaign.getCode())
			.singleResult()
			.getProcessDefinitionId()).startsWith("campaign:");
		this.mvc.perform(get("/api/campaigns/" + id).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phaseName").value("动员部署"))
			.andExpect(jsonPath("$.scopeUnits[1]").value("u2"))
			.andExpect(jsonPath("$.ledger.total").value(0));
		this.mvc.perform(get("/api/campaigns").with(httpBasic("office", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].title").value("API发起的专项整治"));
		this.mvc.perform(get("/api/problem-categories").with(httpBasic("u1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("贯彻落实上级决策"))
			.andExpect(jsonPath("$[?(@.code == 'STYLE-MEETINGS')].parentId").isNotEmpty());
	}

	@Test
	void shouldRefuseInvalidStartsWithoutStoringAnything() throws Exception {
		int before = this.campaigns.all().size();
		long instances = this.runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign").count();
		post("office", "/api/campaigns", start("", List.of("u1"), "2026-03-13")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("「整治名称」为必填项"));
		post("office", "/api/campaigns", start("期限已过", List.of("u1"), "2026-02-01")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("「自查期限」不能早于当前日期"))
			.andExpect(jsonPath("$.messageEn").exists());
		post("office", "/api/campaigns", start("范围有误", List.of("u1", "zz"), "2026-03-13"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("单位不存在或已停用：zz"));
		Map<String, Object> unordered = start("顺序颠倒", List.of("u1"), "2026-03-13");
		((Map<String, Object>) unordered.get("deadlines")).put("review", "2026-03-14");
		post("office", "/api/campaigns", unordered).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("按阶段先后排列")));
		post("u1", "/api/campaigns", start("无权发起", List.of("u1"), "2026-03-13")).andExpect(status().isForbidden());
		assertThat(this.campaigns.all()).hasSize(before);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign").count())
			.isEqualTo(instances);
	}

	@Test
	void shouldShowAHandlerOnlyTheProblemsOfItsUnitAndLetThePartyGroupReview() throws Exception {
		long id = body(post("office", "/api/campaigns", start("剖析接口测试", List.of("u1", "u2"), "2026-03-13"))
			.andExpect(status().isCreated())).get("id").asLong();
		String pid = this.campaigns.find(id).orElseThrow().getProcessInstanceId();
		completeAll(pid, "Task_RecordStudySession",
				Map.of("studyDate", "2026-03-01", "attendees", "全体", "materials", "文件"));
		completeAll(pid, "Task_DraftPlan", CampaignProcessTest.planVariables("u1,u2"));
		completeAll(pid, "Task_ApprovePlan", Map.of("planApproved", true, "opinion", "同意"));
		Map<String, Object> problem = Map.of("unitCode", "u2", "categoryCode", "STYLE", "description", "文件过多",
				"severity", "一般", "source", "SELF_INSPECTION");
		post("u1", "/api/campaigns/" + id + "/problems", problem).andExpect(status().isForbidden());
		post("u2", "/api/campaigns/" + id + "/problems", problem).andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value("P001"));
		post("u2", "/api/campaigns/" + id + "/problems", Map.of("unitCode", "u2", "categoryCode", "DUTY", "description",
				"推诿扯皮", "severity", "较重", "source", "自查"))
			.andExpect(status().isCreated());
		// the API accepts the Chinese labels its messages list, and lists them
		post("u2", "/api/campaigns/" + id + "/problems",
				Map.of("unitCode", "u2", "categoryCode", "DUTY", "description", "推诿扯皮", "severity", "很重", "source",
						"自查"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("「严重程度」无效，应为一般、较重或严重"));
		post("u2", "/api/campaigns/" + id + "/problems",
				Map.of("unitCode", "u2", "categoryCode", "DUTY", "description", "推诿扯皮", "severity", "一般", "source",
						"自己"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("「问题来源」无效，应为自查、互查、全面剖析、问题线索或明察暗访"));
		post("office", "/api/campaigns/" + id + "/problems",
				Map.of("unitCode", "u3", "categoryCode", "STYLE", "description", "范围外", "severity", "一般", "source",
						"INSPECTION"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("单位「u3」不在本次整治范围内"));
		this.mvc.perform(get("/api/campaigns/" + id + "/problems").with(httpBasic("u1", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc.perform(get("/api/campaigns/" + id + "/problems").with(httpBasic("u2", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));

		post("office", "/api/campaigns/" + id + "/review",
				Map.of("decisions", List.of(Map.of("problem", "P001", "action", "CONFIRM"))))
			.andExpect(status().isForbidden());
		post("party", "/api/campaigns/" + id + "/review",
				Map.of("decisions", List.of(Map.of("problem", "P002", "action", "REJECT"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("「驳回理由」为必填项"));
		post("party", "/api/campaigns/" + id + "/review",
				Map.of("decisions", List.of(Map.of("problem", "P001", "action", "同意"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.messageZh").value("处理方式「同意」无效，应为确认、合并或驳回"));
		post("party", "/api/campaigns/" + id + "/review",
				Map.of("decisions",
						List.of(Map.of("problem", "P001", "action", "确认"),
								Map.of("problem", "P002", "action", "合并", "mergeInto", "P001"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[1].status").value("MERGED"));
		this.mvc.perform(get("/api/campaigns/" + id).with(httpBasic("office", "demo")))
			.andExpect(jsonPath("$.problems.CONFIRMED").value(1))
			.andExpect(jsonPath("$.problems.MERGED").value(1));
	}

	private void completeAll(String processInstanceId, String taskKey, Map<String, Object> variables) {
		this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.list()
			.forEach((t) -> this.taskService.complete(t.getId(), variables));
	}

	static Map<String, Object> start(String title, List<String> units, String selfInspection) {
		Map<String, Object> deadlines = new java.util.HashMap<>(
				Map.of("selfInspection", selfInspection, "crossInspection", "2026-03-20", "review", "2026-03-27",
						"rectification", "2026-06-30", "regulation", "2026-07-31"));
		return Map.of("title", title, "basisDocuments",
				List.of(Map.of("title", "关于开展整治形式主义官僚主义专项行动的通知", "number", "中纪办〔2022〕8号")), "scopeUnits", units,
				"deadlines", deadlines);
	}

	private ResultActions post(String user, String path, Object body) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(httpBasic(user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

	private JsonNode body(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	static Date now() {
		return EngineClock.now();
	}

}
