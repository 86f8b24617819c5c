package org.rectifyflow.browser;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;
import org.rectifyflow.taskrules.ApprovalOpinion;
import org.rectifyflow.taskrules.ApprovalOpinionService;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader's approval of rectification measures in Tasklist: the deadline in Beijing
 * time and Chinese form, the responsible person by name and unit, and approval with a
 * common phrase and no typed opinion.
 */
@BrowserTest
class RectificationApprovalBrowserTest {

	@Autowired
	LedgerService ledger;

	@Autowired
	TaskService taskService;

	@Autowired
	ApprovalOpinionService opinions;

	@Test
	void shouldShowTheFormInChineseAndApproveWithACommonPhrase(Web web) {
		// Tasklist loads slowly on a busy machine; the form, not the speed, is under test
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(120_000);
		web.page().setDefaultTimeout(120_000);
		LedgerEntry entry = this.ledger.open(new NewLedgerEntry(990_001L, "TZ-B-990001", null, "u1", "STYLE", "文风会风",
				"会议通知层层转发，基层重复填报", "SELF_INSPECTION", null));
		complete(entry, "Task_AssignResponsible", Map.of("responsiblePerson", "u1"));
		complete(entry, "Task_DraftMeasures", Map.of("measures", "合并报表，每周三无会日", "workingDays", 5));
		Task approve = task(entry, "Task_ApproveMeasures");

		TasklistPage tasklist = web.login(approve.getAssignee());
		tasklist.openFilter(TasklistPage.MY_TASKS);
		TaskPanel panel = tasklist.openTask(approve.getId());
		CamundaForm form = panel.camundaForm();
		assertThat(form.root()).containsText("合并报表，每周三无会日");
		assertThat(form.root()).containsText("（办公室）");
		assertThat(form.root()).containsText("日 18:00");
		assertThat(form.root()).not().containsText("+0000");
		assertThat(form.root()).not().containsText("责任人：u1\n");
		form.choose("审批结论", "同意");
		form.select("常用意见", "同意，请抓好落实");
		web.screenshot("rectification-approve-measures");
		assertThat(panel.complete()).isEqualTo(204);

		assertThat(this.opinions.history(approve.getProcessInstanceId())).extracting(ApprovalOpinion::getOpinion)
			.containsExactly("同意，请抓好落实");
	}

	private Task task(LedgerEntry entry, String taskKey) {
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(entry.getCode())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private void complete(LedgerEntry entry, String taskKey, Map<String, Object> variables) {
		this.taskService.complete(task(entry, taskKey).getId(), variables);
	}

}
