package org.rectifyflow.browser;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.rectifyflow.deadline.DeadlineTemplateProcess;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's task reaches the unit's handler in 我的组任务, and nobody else: {@code u1} claims
 * and completes it, {@code u2} never sees it.
 */
@BrowserTest
class GroupTaskBrowserTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Test
	void shouldListClaimAndCompleteUnitTaskOnlyForTheUnit(Web web) {
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY,
				"BT-" + UUID.randomUUID(), Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-u1"));
		String taskId = currentTask(instance).getId();

		TasklistPage other = web.login("u2");
		other.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(other.taskCards().or(other.emptyListNotice()).first()).isVisible();
		assertThat(other.taskCard(taskId)).hasCount(0);

		web.newSession();
		TasklistPage tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		assertThat(tasklist.taskCard(taskId)).containsText("办理");
		assertThat(tasklist.taskCard(taskId)).containsText("限期办理模板");
		web.screenshot("03-group-tasks");

		TaskPanel task = tasklist.openTask(taskId);
		assertThat(task.name()).hasText("办理");
		assertThat(task.processName()).hasText("限期办理模板");
		assertThat(task.groups()).containsText("办公室");
		task.claim();
		assertThat(task.assignee()).containsText("办公室");
		assertThat(this.taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("u1");
		// dates are Chinese too ("14 天后", not "in 14 days")
		assertThat(tasklist.page().locator("body")).not().containsText(" days");
		web.screenshot("04-claimed-task");

		task.camundaForm().fill("办理结果", "已核实并整改完毕");
		assertThat(task.complete()).isEqualTo(204);
		assertThat(tasklist.taskCard(taskId)).hasCount(0);
		assertThat(task.noTaskNotice()).hasText("请在列表中选择一个任务。");
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isZero();
		assertThat(currentTask(instance).getTaskDefinitionKey()).isEqualTo(DeadlineTemplateProcess.TASK_REVIEW);
		assertThat(this.runtimeService.getVariable(instance.getId(), "result")).isEqualTo("已核实并整改完毕");
	}

	private Task currentTask(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

}
