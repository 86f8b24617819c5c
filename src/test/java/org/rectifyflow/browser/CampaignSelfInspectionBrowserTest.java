package org.rectifyflow.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.CampaignProcess;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.Problem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 自查 in a running campaign: the unit's handler finds the task under 我的组任务, claims it and
 * registers a problem through the Camunda Form; the form refuses a too long list in
 * Chinese, the engine refuses an invalid severity in Chinese, and a valid line is stored.
 * Another unit's handler never sees the task.
 */
@BrowserTest
class CampaignSelfInspectionBrowserTest {

	static final String PROBLEMS = "问题清单";

	static final String PROBLEM = "以会议落实会议，每周调度会与周例会内容重复";

	static final List<String> UNITS = List.of("u1", "u2", "u3", "u4", "u5");

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService taskService;

	@Autowired
	CampaignService campaigns;

	@Test
	void shouldRegisterAProblemInTheSelfInspectionOfTheUnit(Web web) {
		Long campaignId = campaignInSelfInspection();
		String taskId = selfInspection(campaignId, "u1").getId();
		String otherTaskId = selfInspection(campaignId, "u2").getId();

		// u2 sees its own 自查, not u1's
		TasklistPage other = web.login("u2");
		other.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(other.taskCard(otherTaskId)).containsText("自查：综合执法大队");
		assertThat(other.taskCard(taskId)).hasCount(0);
		assertThat(other.taskCards().filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("自查：办公室")))
			.hasCount(0);

		web.newSession();
		List<String> submissions = new CopyOnWriteArrayList<>();
		web.page().onRequest((request) -> {
			if (request.url().endsWith("/task/" + taskId + "/submit-form")) {
				submissions.add(request.url());
			}
		});
		TasklistPage tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(tasklist.taskCard(taskId)).containsText("自查：办公室");
		assertThat(tasklist.taskCard(taskId)).containsText("专项整治");
		assertThat(tasklist.taskCard(otherTaskId)).hasCount(0);
		TaskPanel task = tasklist.openTask(taskId);
		assertThat(task.name()).hasText("自查：办公室");
		assertThat(task.processName()).hasText("专项整治");
		task.claim();
		CamundaForm form = task.camundaForm();
		assertThat(form.root()).containsText("问题查摆");
		assertThat(form.input("填写说明")).hasValue(java.util.regex.Pattern.compile("类别｜严重程度｜问题描述"));
		web.screenshot("self-inspection-form");

		// Too long for the form: form-js says so in Chinese, nothing is sent
		form.fill(PROBLEMS, "STYLE｜一般｜" + "会".repeat(20_000));
		assertThat(form.errors(PROBLEMS)).hasText("长度不能超过 20000 个字符。");
		assertThat(task.completeButton()).isDisabled();
		assertThat(form.root()).not().containsText("Field must have");
		assertThat(submissions).isEmpty();

		// The form is satisfied, the campaign's rules are not: an unknown severity
		web.problems().expect("POST", 400, "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form");
		form.fill(PROBLEMS, "STYLE｜紧急｜" + PROBLEM + "｜会议记录");
		assertThat(form.allErrors()).hasCount(0);
		assertThat(task.complete()).isEqualTo(400);
		assertThat(tasklist.notifications().last()).containsText("第1行的严重程度「紧急」无效，应为一般、较重或严重");
		assertThat(tasklist.notifications().last()).not().containsText("TaskRuleViolation");
		assertThat(tasklist.notifications().last()).not().containsText("Cannot");
		web.screenshot("10-self-inspection-refusal");
		assertThat(submissions).hasSize(1);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("u1");
		assertThat(this.campaigns.problems(campaignId)).isEmpty();

		// Valid: completed and registered (once Tasklist has reloaded the refused task)
		web.waitUntilQuiet();
		tasklist.dismissNotifications();
		form.fill(PROBLEMS, "STYLE｜一般｜" + PROBLEM + "｜会议记录");
		assertThat(task.complete()).isEqualTo(204);
		assertThat(task.noTaskNotice()).hasText("请在列表中选择一个任务。");
		assertThat(tasklist.taskCard(taskId)).hasCount(0);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isZero();

		ResponseEntity<List<Map<String, Object>>> problems = this.http.withBasicAuth("u1", Web.DEMO_PASSWORD)
			.exchange("/api/campaigns/" + campaignId + "/problems", HttpMethod.GET, null,
					new ParameterizedTypeReference<>() {
					});
		assertThat(problems.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(problems.getBody()).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("unitCode", "u1")
				.containsEntry("description", PROBLEM)
				.containsEntry("evidence", "会议记录")
				.containsEntry("severity", "MINOR")
				.containsEntry("source", "SELF_INSPECTION");
		});
		assertThat(this.campaigns.problems(campaignId)).extracting(Problem::getRegisteredBy).containsExactly("u1");
	}

	/**
	 * Starts a campaign as {@code office} through the API and takes it through 动员部署 to
	 * 查找问题.
	 */
	private Long campaignInSelfInspection() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<String, Object> body = Map.of("title", "自查浏览器测试专项整治", "basisDocuments",
				List.of(Map.of("title", "关于开展整治形式主义官僚主义专项行动的通知", "number", "中纪办〔2022〕8号")), "scopeUnits", UNITS,
				"deadlines", deadlines(today));
		ResponseEntity<Map<String, Object>> started = this.http.withBasicAuth("office", Web.DEMO_PASSWORD)
			.exchange("/api/campaigns", HttpMethod.POST, new org.springframework.http.HttpEntity<>(body),
					new ParameterizedTypeReference<>() {
					});
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Long campaignId = ((Number) started.getBody().get("id")).longValue();
		String pid = (String) started.getBody().get("processInstanceId");
		complete(pid, CampaignProcess.TASK_STUDY_SESSION,
				Map.of("studyDate", today.toString(), "attendees", "局党组成员", "materials", "中纪办〔2022〕8号文件"));
		Map<String, Object> plan = new HashMap<>();
		deadlines(today).forEach((phase, date) -> plan.put(phase + "Deadline", date));
		plan.put(CampaignProcess.VAR_SCOPE_UNITS, String.join(",", UNITS));
		plan.put(CampaignProcess.VAR_CATEGORIES, "DECISION,RESEARCH,IMPLEMENT,STYLE,DUTY");
		complete(pid, CampaignProcess.TASK_DRAFT_PLAN, plan);
		complete(pid, CampaignProcess.TASK_APPROVE_PLAN, Map.of("planApproved", true, "opinion", "同意"));
		assertThat(this.campaigns.find(campaignId).orElseThrow().getPhase()).isEqualTo(Phase.INSPECT);
		return campaignId;
	}

	private static Map<String, String> deadlines(LocalDate today) {
		return Map.of("selfInspection", today.plusDays(14).toString(), "crossInspection", today.plusDays(21).toString(),
				"review", today.plusDays(28).toString(), "rectification", today.plusDays(120).toString(), "regulation",
				today.plusDays(150).toString());
	}

	private void complete(String pid, String taskKey, Map<String, Object> variables) {
		Task task = this.taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
		this.taskService.complete(task.getId(), variables);
	}

	private Task selfInspection(Long campaignId, String unit) {
		String pid = this.campaigns.find(campaignId).orElseThrow().getProcessInstanceId();
		return this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey(CampaignProcess.TASK_SELF_INSPECTION)
			.taskCandidateGroup("unit-" + unit)
			.singleResult();
	}

}
