package org.rectifyflow.browser;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 快查快结: the discipline group registers a public clue in Tasklist and the triage table
 * sends it to the green channel; talk and inquiry, findings and a handling opinion
 * follow; the group leader approves it, the feedback is written, and the reporter reads
 * it with the receipt code. Whoever proposed the opinion may not approve it.
 */
@BrowserTest
class ClueGreenChannelBrowserTest {

	static final String FEEDBACK = "经核查，反映的重复报送台账问题属实，已对相关负责人批评教育，并合并为一份台账按月报送。";

	@Autowired
	TestRestTemplate http;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldTakeAClearClueThroughTheGreenChannelToTheFeedback(Web web) {
		Map<String, Object> receipt = fileClue("规划监察中队要求基层每周报送同一项工作进展，五个微信群重复催报。");
		String clueNumber = (String) receipt.get("clueNumber");
		String code = (String) receipt.get("receiptCode");

		// 受理登记: accepted, clear, targeted, specific and quickly verifiable
		TasklistPage tasklist = web.login("discipline");
		TaskPanel task = claim(tasklist, clueNumber, "Task_Register", "受理登记");
		CamundaForm form = task.camundaForm();
		assertThat(form.root()).containsText("线索编号：" + clueNumber);
		form.choose("受理意见", "受理");
		form.choose("线索是否清晰", "是");
		form.choose("指向是否明确", "是");
		form.choose("问题是否具体", "是");
		form.choose("预计能否短期查清", "是");
		web.screenshot("13-clue-register");
		assertThat(task.complete()).isEqualTo(204);
		assertThat(task.noTaskNotice()).hasText("请在列表中选择一个任务。");
		String pid = instanceId(clueNumber);
		assertThat(this.runtimeService.getVariable(pid, "route")).isEqualTo("GREEN");

		// 确定处置方式: no deadline to set, the table's suggestion 谈话函询 is pre-selected
		task = claim(tasklist, clueNumber, "Task_Dispose", "确定处置方式");
		form = task.camundaForm();
		assertThat(form.field("处置方式").getByLabel("谈话函询")).isChecked();
		assertThat(task.complete()).isEqualTo(204);

		// 核查, 提出处理意见
		task = claim(tasklist, clueNumber, "Task_Investigate", "核查");
		task.camundaForm().fill("核查情况", "经与当事人谈话，每周重复报送属实，涉及五个工作群。");
		assertThat(task.complete()).isEqualTo(204);
		task = claim(tasklist, clueNumber, "Task_HandlingOpinion", "提出处理意见");
		form = task.camundaForm();
		form.select("处理意见", "批评教育");
		form.fill("处理意见说明", "对规划监察中队负责人进行批评教育，责令合并报送渠道。");
		assertThat(task.complete()).isEqualTo(204);

		// The approval is the group leader's: the proposer does not even see it
		String approvalId = task(clueNumber, "Task_ApproveOpinion").getId();
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(tasklist.taskCards().or(tasklist.emptyListNotice()).first()).isVisible();
		assertThat(tasklist.taskCard(approvalId)).hasCount(0);

		// 审批处理意见 by disciplinelead
		web.newSession();
		TasklistPage lead = web.login("disciplinelead");
		task = claim(lead, clueNumber, "Task_ApproveOpinion", "审批处理意见");
		form = task.camundaForm();
		assertThat(form.root()).containsText("处理意见：批评教育");
		assertThat(form.root()).not().containsText("CRITICISM");
		assertThat(form.root()).containsText("经与当事人谈话");
		form.choose("审批结论", "同意");
		form.fill("审批意见（通过时可不填；退回、不同意时写明理由）", "同意处理意见，抓好整改。");
		web.screenshot("clue-approve-opinion");
		assertThat(task.complete()).isEqualTo(204);

		// 撰写反馈意见 by discipline: the clue is closed
		web.newSession();
		tasklist = web.login("discipline");
		task = claim(tasklist, clueNumber, "Task_WriteFeedback", "撰写反馈意见");
		task.camundaForm().fill("反馈意见", FEEDBACK);
		assertThat(task.complete()).isEqualTo(204);
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();

		// The reporter reads the feedback with the receipt code
		web.newSession();
		ReportPage report = ReportPage.open(web).lookUp(code);
		assertThat(report.status()).containsText("线索编号：" + clueNumber);
		assertThat(report.status()).containsText("办理状态：已办结");
		assertThat(report.status()).containsText(FEEDBACK);
		report.status().scrollIntoViewIfNeeded();
		web.screenshot("12-report-feedback");
	}

	@Test
	void shouldRefuseTheApprovalToWhoeverProposedTheOpinion(Web web) {
		String clueNumber = (String) fileClue("规划监察中队会议通知层层转发，基层一天收到三次同样的通知。").get("clueNumber");
		// disciplinelead, also a member of the discipline group, takes the clue up to the
		// handling opinion
		completeAs("discipline", clueNumber, "Task_Register", Map.of("registrationDecision", "ACCEPT", "clueClear",
				"true", "clueTargeted", "true", "clueSpecific", "true", "quickVerifiable", "true"));
		completeAs("discipline", clueNumber, "Task_Dispose", Map.of("disposal", "TALK_INQUIRY"));
		completeAs("discipline", clueNumber, "Task_Investigate", Map.of("findings", "通知层层转发属实。"));
		completeAs("disciplinelead", clueNumber, "Task_HandlingOpinion",
				Map.of("handlingOutcome", "CRITICISM", "handlingOpinion", "批评教育。"));
		String approvalId = task(clueNumber, "Task_ApproveOpinion").getId();

		TasklistPage lead = web.login("disciplinelead");
		lead.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel task = lead.openTask(approvalId);
		assertThat(task.name()).hasText("审批处理意见");
		web.problems().expect("POST", 400, "/camunda/api/engine/engine/default/task/" + approvalId + "/claim");
		task.clickClaim();
		assertThat(lead.notifications().last()).containsText("审批人不能是提出人本人（四眼原则）");
		assertThat(lead.notifications().last()).not().containsText("four-eyes");
		web.screenshot("14-clue-four-eyes");
		assertThat(task.claimButton()).isVisible();
		assertThat(this.taskService.createTaskQuery().taskId(approvalId).singleResult().getAssignee()).isNull();
	}

	private Map<String, Object> fileClue(String description) {
		Map<String, Object> clue = Map.of("channel", "WEBSITE", "subjectUnit", "u4", "category", "MEETINGS_DOCUMENTS",
				"description", description);
		ResponseEntity<Map<String, Object>> answer = this.http.exchange("/api/public/clues", HttpMethod.POST,
				new HttpEntity<>(clue), new ParameterizedTypeReference<>() {
				});
		assertThat(answer.getStatusCode().is2xxSuccessful()).as("clue filed: %s", answer).isTrue();
		return answer.getBody();
	}

	private TaskPanel claim(TasklistPage tasklist, String clueNumber, String taskKey, String name) {
		String taskId = task(clueNumber, taskKey).getId();
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(tasklist.taskCard(taskId)).containsText(name);
		assertThat(tasklist.taskCard(taskId)).containsText("问题线索办理");
		TaskPanel task = tasklist.openTask(taskId);
		assertThat(task.name()).hasText(name);
		return task.claim();
	}

	private void completeAs(String user, String clueNumber, String taskKey, Map<String, Object> variables) {
		String taskId = task(clueNumber, taskKey).getId();
		this.identityService.setAuthentication(user,
				this.identityService.createGroupQuery()
					.groupMember(user)
					.list()
					.stream()
					.map(org.camunda.bpm.engine.identity.Group::getId)
					.toList());
		try {
			this.taskService.claim(taskId, user);
			this.taskService.complete(taskId, variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private Task task(String clueNumber, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(clueNumber)
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private String instanceId(String clueNumber) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("clue")
			.processInstanceBusinessKey(clueNumber)
			.singleResult()
			.getId();
	}

}
