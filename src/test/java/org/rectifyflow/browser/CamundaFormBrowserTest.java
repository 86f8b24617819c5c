package org.rectifyflow.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.rectifyflow.testsupport.RunningServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camunda Form in Tasklist is checked twice: by form-js in the browser (in Chinese,
 * through {@code form-js-zh.js}) and by the rules inside the engine
 * ({@code rf:required}), whose refusal Tasklist shows in Chinese while the task stays
 * open.
 */
@BrowserTest
class CamundaFormBrowserTest {

	static final String PROCESS_KEY = "browser-form-check";

	static final String FORM_ID = "browser-form-check-form";

	static final String TASK_ID = "Task_ReportProblem";

	static final String PROBLEM = "问题描述";

	static final String MEASURE = "整改措施";

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcTemplate jdbc;

	private Deployment deployment;

	@AfterEach
	void undeploy() {
		if (this.deployment != null) {
			RunningServerTest.removeDeployment(this.repositoryService, this.historyService, this.jdbc,
					this.deployment.getId());
		}
	}

	@Test
	void shouldValidateInChineseInTheFormAndInTheEngine(Web web) {
		this.deployment = this.repositoryService.createDeployment()
			.name(PROCESS_KEY)
			.addString(PROCESS_KEY + ".bpmn", bpmn())
			.addInputStream(FORM_ID + ".form", new ByteArrayInputStream(form()))
			.deploy();
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(PROCESS_KEY,
				"BT-" + UUID.randomUUID());
		String taskId = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
		List<String> submissions = new CopyOnWriteArrayList<>();
		web.page().onRequest((request) -> {
			if (request.url().endsWith("/task/" + taskId + "/submit-form")) {
				submissions.add(request.url());
			}
		});

		TasklistPage tasklist = web.login("u1");
		tasklist.openFilter(TasklistPage.GROUP_TASKS);
		TaskPanel task = tasklist.openTask(taskId);
		assertThat(task.name()).hasText("填报问题");
		task.claim();
		CamundaForm form = task.camundaForm();
		assertThat(form.input(PROBLEM)).isVisible();
		assertThat(form.input(MEASURE)).isVisible();

		// Empty: form-js refuses in Chinese, nothing is sent
		task.clickComplete();
		assertThat(form.errors(PROBLEM)).hasText("此项为必填项。");
		assertThat(form.root()).not().containsText("Field is required");
		web.screenshot("05-form-required-field");
		assertThat(submissions).isEmpty();
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isOne();

		// The form is satisfied, the engine's rule (rf:required measure) is not
		web.problems().expect("POST", 400, "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form");
		form.fill(PROBLEM, "会议通知层层转发，基层重复填报");
		assertThat(form.allErrors()).hasCount(0);
		assertThat(task.complete()).isEqualTo(400);
		assertThat(tasklist.notifications().last()).containsText("「" + MEASURE + "」为必填项");
		assertThat(tasklist.notifications().last()).not().containsText("Cannot");
		web.screenshot("06-engine-refusal");
		assertThat(submissions).hasSize(1);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isOne();
		assertThat(task.name()).hasText("填报问题");
		assertThat(form.input(PROBLEM)).hasValue("会议通知层层转发，基层重复填报");

		// Valid: completed (once Tasklist has reloaded the refused task)
		web.waitUntilQuiet();
		form.fill(MEASURE, "合并报表，一次填报多方共享");
		assertThat(task.complete()).isEqualTo(204);
		assertThat(task.noTaskNotice()).hasText("请在列表中选择一个任务。");
		assertThat(submissions).hasSize(2);
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isZero();
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(HistoricVariableInstance::getValue)).contains("会议通知层层转发，基层重复填报", "合并报表，一次填报多方共享");
	}

	private static String bpmn() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
				    id="Definitions_BrowserFormCheck" targetNamespace="http://rectifyflow.org/bpmn">
				  <bpmn:process id="%s" name="表单校验" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Check"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:userTask id="%s" name="填报问题" camunda:candidateGroups="unit-u1"
				        camunda:formRef="%s" camunda:formRefBinding="deployment">
				      <bpmn:extensionElements>
				        <camunda:properties>
				          <camunda:property name="rf:required" value="measure" />
				          <camunda:property name="rf:label:measure" value="%s" />
				        </camunda:properties>
				      </bpmn:extensionElements>
				      <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
				    </bpmn:userTask>
				    <bpmn:endEvent id="Event_Checked"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
				    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Check" targetRef="%2$s" />
				    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="%2$s" targetRef="Event_Checked" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(PROCESS_KEY, TASK_ID, FORM_ID, MEASURE);
	}

	private static byte[] form() {
		return """
				{
				  "id": "%s",
				  "type": "default",
				  "schemaVersion": 16,
				  "executionPlatform": "Camunda Platform",
				  "executionPlatformVersion": "7.24.0",
				  "components": [
				    { "id": "Field_Problem", "key": "problem", "type": "textfield", "label": "%s",
				      "validate": { "required": true } },
				    { "id": "Field_Measure", "key": "measure", "type": "textarea", "label": "%s" }
				  ]
				}
				""".formatted(FORM_ID, PROBLEM, MEASURE).getBytes(StandardCharsets.UTF_8);
	}

}
