package org.rectifyflow.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import com.microsoft.playwright.Response;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.campaign.internal.CampaignProcess;
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
 * 自查, 互查 and 全面剖析 of a running campaign through the real Tasklist. The unit's handler
 * finds the 自查 under 我的组任务, registers problems as a list (category and severity chosen by
 * their Chinese names), saves a draft with 「保存」, comes back in a fresh browser to find it
 * on the server, and completes it: the problems are stored. Another unit's handler never
 * sees the task. In 互查 the inspecting unit sees the inspected unit's own list above its
 * new entries; in 全面剖析 the party group confirms, merges and rejects problem by problem.
 */
@BrowserTest
class CampaignSelfInspectionBrowserTest {

	static final String PROBLEM = "以会议落实会议，每周调度会与周例会内容重复";

	static final String SECOND = "调研走过场，调研报告照搬下级材料";

	static final String THIRD = "遇到群众反映的问题推诿扯皮";

	static final String CROSS = "周例会通知层层转发，基层重复参会";

	static final List<String> UNITS = List.of("u1", "u2", "u3", "u4", "u5");

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService taskService;

	@Autowired
	CampaignService campaigns;

	@Test
	void shouldRegisterProblemsAsAListWithADraftThenCrossInspect(Web web) {
		Long campaignId = campaignInSelfInspection();
		String taskId = selfInspection(campaignId, "u1").getId();
		String otherTaskId = selfInspection(campaignId, "u2").getId();

		// u2 sees its own 自查, not u1's
		TasklistPage other = web.login("u2");
		other.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(other.taskCard(otherTaskId)).containsText("自查：综合执法大队");
		assertThat(other.taskCard(taskId)).hasCount(0);

		// u1 enters two problems and saves a draft
		web.newSession();
		TasklistPage tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel task = tasklist.openTask(taskId);
		assertThat(task.name()).hasText("自查：办公室");
		task.claim();
		CamundaForm form = task.camundaForm();
		assertThat(form.root()).containsText("问题查摆");
		assertThat(form.root()).not().containsText("｜严重程度｜");
		assertThat(form.tables()).hasCount(0);
		form.addListItem();
		fillProblem(form.listItem(0), "文风会风／以会议落实会议", "一般", PROBLEM, "会议记录");
		form.addListItem();
		fillProblem(form.listItem(1), "调查研究实效", "较重", SECOND, null);
		assertThat(form.root()).containsText("点「完成」后将登记以下 2 个问题");
		Response saved = web.page()
			.waitForResponse(
					(response) -> "POST".equals(response.request().method())
							&& response.url().endsWith("/task/" + taskId + "/variables"),
					() -> task.page().locator(".form-actions button.btn-default").click());
		assertThat(saved.status()).isEqualTo(204);
		web.screenshot("16-self-inspection-list");
		assertThat(this.campaigns.problems(campaignId)).isEmpty();

		// Another browser (nothing in local storage): the draft comes from the server
		web.newSession();
		tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.MY_TASKS);
		TaskPanel resumed = tasklist.openTask(taskId);
		CamundaForm again = resumed.camundaForm();
		assertThat(again.listItems()).hasCount(2);
		assertThat(again.listItem(0).input("问题描述")).hasValue(PROBLEM);
		assertThat(again.listItem(1).input("问题描述")).hasValue(SECOND);
		again.addListItem();
		fillProblem(again.listItem(2), "担当履责", "严重", THIRD, null);
		assertThat(again.root()).containsText("点「完成」后将登记以下 3 个问题");
		assertThat(again.root()).containsText(THIRD);
		again.root().getByText("提交前核对").scrollIntoViewIfNeeded();
		web.screenshot("17-self-inspection-summary");
		assertThat(resumed.complete()).isEqualTo(204);
		assertThat(resumed.noTaskNotice()).hasText("请在列表中选择一个任务。");

		List<Problem> registered = this.campaigns.problems(campaignId);
		assertThat(registered).extracting(Problem::getDescription).containsExactly(PROBLEM, SECOND, THIRD);
		assertThat(registered).extracting(Problem::getCategoryCode)
			.containsExactly("STYLE-MEETINGS", "RESEARCH", "DUTY");
		assertThat(registered).extracting(Problem::getSeverity)
			.containsExactly(Problem.Severity.MINOR, Problem.Severity.SERIOUS, Problem.Severity.GRAVE);
		assertThat(registered).extracting(Problem::getEvidence).containsExactly("会议记录", null, null);
		assertThat(registered).extracting(Problem::getRegisteredBy).containsOnly("u1");

		// The other units find nothing; 互查 starts
		for (String unit : UNITS.subList(1, UNITS.size())) {
			this.taskService.complete(selfInspection(campaignId, unit).getId(), Map.of("problems", ""));
		}
		String pid = this.campaigns.find(campaignId).orElseThrow().getProcessInstanceId();
		String inspector = null;
		Task cross = null;
		for (String unit : UNITS) {
			Task candidate = this.taskService.createTaskQuery()
				.processInstanceId(pid)
				.taskDefinitionKey(CampaignProcess.TASK_CROSS_INSPECTION)
				.taskCandidateGroup("unit-" + unit)
				.singleResult();
			if (candidate.getName().endsWith("检查办公室")) {
				inspector = unit;
				cross = candidate;
			}
		}
		assertThat(cross).isNotNull();
		web.newSession();
		tasklist = web.login(inspector);
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel crossTask = tasklist.openTask(cross.getId());
		crossTask.claim();
		CamundaForm crossForm = crossTask.camundaForm();
		assertThat(crossForm.tables()).hasCount(1);
		assertThat(crossForm.tables().first()).containsText("被检查单位自查登记的问题");
		assertThat(crossForm.tables().first()).containsText(PROBLEM);
		assertThat(crossForm.tables().first()).containsText("较重");
		crossForm.addListItem();
		fillProblem(crossForm.listItem(0), "文风会风／以会议落实会议", "一般", CROSS, null);
		web.screenshot("18-cross-inspection-list");
		assertThat(crossTask.complete()).isEqualTo(204);
		for (Task open : this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey(CampaignProcess.TASK_CROSS_INSPECTION)
			.list()) {
			this.taskService.complete(open.getId(), Map.of("problems", ""));
		}
		List<Problem> all = this.campaigns.problems(campaignId);
		assertThat(all).hasSize(4);
		Problem crossFound = all.get(3);
		assertThat(crossFound.getDescription()).isEqualTo(CROSS);
		assertThat(crossFound.getInspectedByUnit()).isEqualTo(inspector);
	}

	@Test
	void shouldReviewEveryProblemInATableWithAMergeAndAReject(Web web) {
		Long campaignId = campaignInSelfInspection();
		java.util.function.BiFunction<String, String, Map<String, Object>> problem = (category, description) -> Map
			.of("category", category, "severity", "SERIOUS", "description", description);
		this.taskService.complete(selfInspection(campaignId, "u1").getId(),
				Map.of("problems",
						org.rectifyflow.taskrules.FormList.json(List.of(problem.apply("STYLE-MEETINGS", PROBLEM),
								problem.apply("STYLE-MEETINGS", CROSS), problem.apply("RESEARCH", SECOND)))));
		for (String unit : UNITS.subList(1, UNITS.size())) {
			this.taskService.complete(selfInspection(campaignId, unit).getId(), Map.of("problems", ""));
		}
		String pid = this.campaigns.find(campaignId).orElseThrow().getProcessInstanceId();
		for (Task open : this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey(CampaignProcess.TASK_CROSS_INSPECTION)
			.list()) {
			this.taskService.complete(open.getId(), Map.of("problems", ""));
		}
		Task review = this.taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey(CampaignProcess.TASK_REVIEW)
			.singleResult();
		List<Problem> registered = this.campaigns.problems(campaignId);
		String first = registered.get(0).getLabel();

		TasklistPage tasklist = web.login("party");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel task = tasklist.openTask(review.getId());
		task.claim();
		CamundaForm form = task.camundaForm();
		// A list without 添加/删除: its rows have no container of their own, so each row's
		// fields are found by their position.
		com.microsoft.playwright.Locator decisions = form.root().locator(".fjs-form-field-radio");
		assertThat(decisions).hasCount(3);
		assertThat(form.root().locator("textarea").first())
			.hasValue(java.util.regex.Pattern.compile("^办公室，.*较重：" + PROBLEM));
		decisions.nth(1)
			.getByLabel("合并到其他问题", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		com.microsoft.playwright.Locator mergeInto = form.root().locator(".fjs-form-field-select");
		mergeInto.locator(".fjs-input-group").click();
		mergeInto.locator(".fjs-dropdownlist-item")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(first + " 办公室："))
			.first()
			.click();
		decisions.nth(2)
			.getByLabel("驳回", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
			.check();
		com.microsoft.playwright.Locator reason = form.root()
			.locator(".fjs-form-field-textfield input:not([readonly])");
		reason.fill("属于调研工作正常安排，不构成形式主义");
		reason.blur();
		web.screenshot("19-review-table");
		assertThat(form.allErrors()).hasCount(0);
		assertThat(task.completeButton()).isEnabled();
		assertThat(task.complete()).isEqualTo(204);

		List<Problem> decided = this.campaigns.problems(campaignId);
		assertThat(decided).extracting(Problem::getStatus)
			.containsExactly(Problem.Status.CONFIRMED, Problem.Status.MERGED, Problem.Status.REJECTED);
		assertThat(decided.get(1).getMergedIntoId()).isEqualTo(decided.get(0).getId());
		assertThat(decided.get(2).getRejectReason()).isEqualTo("属于调研工作正常安排，不构成形式主义");
		assertThat(decided).extracting(Problem::getDecidedBy).containsOnly("party");
	}

	private static void fillProblem(CamundaForm item, String category, String severity, String description,
			String evidence) {
		item.select("问题类别", category);
		item.choose("严重程度", severity);
		item.fill("问题描述", description);
		if (evidence != null) {
			item.fill("证据（可选）", evidence);
		}
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
