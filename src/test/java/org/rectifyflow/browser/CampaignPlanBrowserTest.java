package org.rectifyflow.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.internal.CampaignProcess;
import org.rectifyflow.campaign.CampaignService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign's scope (整治范围) through the real Tasklist: 起草整治方案 offers the units by name,
 * all ticked as the start chose them; the campaign office unticks two, and after 完成 the
 * campaign's scope holds the three units left. The phase deadlines entered at the start
 * read as Chinese dates.
 */
@BrowserTest
class CampaignPlanBrowserTest {

	private static final List<String> UNITS = List.of("u1", "u2", "u3", "u4", "u5");

	private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService taskService;

	@Autowired
	CampaignService campaigns;

	@Test
	void shouldNarrowTheScopeByUntickingUnitsByName(Web web) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<String, Object> body = Map.of("title", "整治范围浏览器测试专项整治", "basisDocuments",
				List.of(Map.of("title", "关于开展整治形式主义官僚主义专项行动的通知", "number", "中纪办〔2022〕8号")), "scopeUnits", UNITS,
				"deadlines",
				Map.of("selfInspection", today.plusDays(14).toString(), "crossInspection",
						today.plusDays(21).toString(), "review", today.plusDays(28).toString(), "rectification",
						today.plusDays(120).toString(), "regulation", today.plusDays(150).toString()));
		ResponseEntity<Map<String, Object>> started = this.http.withBasicAuth("office", Web.DEMO_PASSWORD)
			.exchange("/api/campaigns", HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() {
			});
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Long campaignId = ((Number) started.getBody().get("id")).longValue();
		String pid = (String) started.getBody().get("processInstanceId");
		this.taskService.complete(task(pid, CampaignProcess.TASK_STUDY_SESSION).getId(),
				Map.of("studyDate", today.toString(), "attendees", "局党组成员", "materials", "中纪办〔2022〕8号文件"));
		Task draft = task(pid, CampaignProcess.TASK_DRAFT_PLAN);

		TasklistPage tasklist = web.login("office");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel panel = tasklist.openTask(draft.getId());
		panel.claim();
		CamundaForm form = panel.camundaForm();
		Locator scope = form.field("整治范围");
		assertThat(scope.locator("input[type=checkbox]")).hasCount(UNITS.size());
		assertThat(scope).not().containsText("u1");
		for (String unit : List.of("办公室", "综合执法大队", "市容环境卫生管理所", "规划监察中队", "政务服务中心")) {
			assertThat(scope.getByLabel(unit, new Locator.GetByLabelOptions().setExact(true))).isChecked();
		}
		assertThat(form.input("自查期限")).hasValue(CHINESE_DAY.format(today.plusDays(14)));

		scope.getByLabel("规划监察中队", new Locator.GetByLabelOptions().setExact(true)).uncheck();
		scope.getByLabel("政务服务中心", new Locator.GetByLabelOptions().setExact(true)).uncheck();
		scope.scrollIntoViewIfNeeded();
		web.screenshot("42-campaign-plan-scope");
		assertThat(panel.complete()).isEqualTo(204);

		assertThat(this.campaigns.scopeUnits(campaignId)).containsExactly("u1", "u2", "u3");
	}

	private Task task(String pid, String taskKey) {
		return this.taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
	}

}
