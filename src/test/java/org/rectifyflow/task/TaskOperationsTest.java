package org.rectifyflow.task;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.deadline.DeadlineTemplateProcess;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 转办, 委派, 退回, 撤回, 抄送 and 催办 through the API, on the deadline template process whose work
 * goes to unit u1 and whose review goes to the campaign office.
 */
@RectifyFlowTest
class TaskOperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	AuditEventRepository auditEvents;

	@Autowired
	JdbcTemplate jdbc;

	ProcessInstance instance;

	@BeforeEach
	void start() {
		this.instance = this.runtimeService.startProcessInstanceByKey(DeadlineTemplateProcess.KEY,
				"OPS-" + System.nanoTime(), Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-u1"));
	}

	@AfterEach
	void stop() {
		if (this.runtimeService.createProcessInstanceQuery().processInstanceId(this.instance.getId()).count() > 0) {
			this.runtimeService.deleteProcessInstance(this.instance.getId(), "test finished");
		}
	}

	@Test
	void shouldTransferToAnotherUserWithAReasonAndNotifyThem() throws Exception {
		Task work = work();

		call("u2", "/api/tasks/" + work.getId() + "/transfer", "{\"userId\":\"u1lead\",\"reason\":\"请负责人处理\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("不能转办")));
		call("u1", "/api/tasks/" + work.getId() + "/transfer", "{\"userId\":\"u1lead\",\"reason\":\" \"}")
			.andExpect(status().isBadRequest());
		assertThat(assignee(work)).isNull();

		call("u1", "/api/tasks/" + work.getId() + "/transfer", "{\"userId\":\"u1lead\",\"reason\":\"请负责人处理\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee").value("u1lead"));

		assertThat(assignee(work)).isEqualTo("u1lead");
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("task", work.getId()))
			.anySatisfy((e) -> assertThat(e.getAction()).isEqualTo("TASK_TRANSFERRED"));
		assertThat(notificationsFor("u1lead", "转办给您")).isPositive();
	}

	@Test
	void shouldDelegateAndResolveBackToTheOwner() throws Exception {
		Task work = work();
		call("u1", "/api/tasks/" + work.getId() + "/delegate", "{\"userId\":\"u2\"}").andExpect(status().isForbidden());
		this.taskService.claim(work.getId(), "u1");

		call("u1", "/api/tasks/" + work.getId() + "/delegate", "{\"userId\":\"u2\",\"note\":\"请核实材料\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("办理范围")));
		call("u1", "/api/tasks/" + work.getId() + "/delegate", "{\"userId\":\"u1lead\",\"note\":\"请核实材料\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee").value("u1lead"))
			.andExpect(jsonPath("$.owner").value("u1"))
			.andExpect(jsonPath("$.delegationState").value("PENDING"));
		call("u3", "/api/tasks/" + work.getId() + "/resolve", "{}").andExpect(status().isConflict());

		call("u1lead", "/api/tasks/" + work.getId() + "/resolve", "{\"note\":\"已核实\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee").value("u1"))
			.andExpect(jsonPath("$.delegationState").value("RESOLVED"));
		assertThat(notificationsFor("u1", "已完成委派")).isPositive();
	}

	@Test
	void shouldReturnToThePreviousStepWithoutNewDeadlineTimers() throws Exception {
		completeWorkAs("u1");
		Task review = task(DeadlineTemplateProcess.TASK_REVIEW);
		long timers = this.managementService.createJobQuery().processInstanceId(this.instance.getId()).timers().count();

		call("office", "/api/tasks/" + review.getId() + "/return", "{\"opinion\":\"\"}")
			.andExpect(status().isBadRequest());
		call("u1", "/api/tasks/" + review.getId() + "/return", "{\"opinion\":\"材料不全\"}")
			.andExpect(status().isForbidden());
		call("office", "/api/tasks/" + review.getId() + "/return", "{\"opinion\":\"材料不全，请补充\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taskDefinitionKey").value(DeadlineTemplateProcess.TASK_WORK));

		assertThat(this.taskService.createTaskQuery().processInstanceId(this.instance.getId()).list()).singleElement()
			.satisfies((t) -> assertThat(t.getTaskDefinitionKey()).isEqualTo(DeadlineTemplateProcess.TASK_WORK));
		assertThat(this.managementService.createJobQuery().processInstanceId(this.instance.getId()).timers().count())
			.isEqualTo(timers);
		assertThat(notificationsFor("u1", "退回")).isPositive();
		assertThat(this.taskService.getProcessInstanceComments(this.instance.getId()))
			.anySatisfy((c) -> assertThat(c.getFullMessage()).contains("材料不全，请补充"));
	}

	@Test
	void shouldWithdrawACompletedStepOnlyWhileTheNextTaskIsUnclaimed() throws Exception {
		String done = completeWorkAs("u1");

		call("u2", "/api/tasks/" + done + "/withdraw", null).andExpect(status().isForbidden());
		call("u1", "/api/tasks/" + done + "/withdraw", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.taskDefinitionKey").value(DeadlineTemplateProcess.TASK_WORK))
			.andExpect(jsonPath("$.assignee").value("u1"));
		assertThat(this.taskService.createTaskQuery()
			.processInstanceId(this.instance.getId())
			.taskDefinitionKey(DeadlineTemplateProcess.TASK_REVIEW)
			.count()).isZero();

		String doneAgain = completeWorkAs("u1");
		this.taskService.claim(task(DeadlineTemplateProcess.TASK_REVIEW).getId(), "office");
		call("u1", "/api/tasks/" + doneAgain + "/withdraw", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("已被认领")));
	}

	@Test
	void shouldCopyToUsersWhoReadWithoutActing() throws Exception {
		Task work = work();
		call("u1", "/api/tasks/" + work.getId() + "/cc", "{\"userIds\":[\"nobody-here\"]}")
			.andExpect(status().isBadRequest());
		call("u2", "/api/tasks/" + work.getId() + "/cc", "{\"userIds\":[\"supervisor\"]}")
			.andExpect(status().isForbidden());

		call("u1", "/api/tasks/" + work.getId() + "/cc", "{\"userIds\":[\"supervisor\",\"u1\"],\"note\":\"请知悉\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.copies").value(1));

		String list = this.mvc.perform(get("/api/cc?unreadOnly=true").with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].taskId").value(work.getId()))
			.andExpect(jsonPath("$[0].fromUser").value("u1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Long id = Long.valueOf(list.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
		call("u2", "/api/cc/" + id + "/read", null).andExpect(status().isNotFound());
		call("supervisor", "/api/cc/" + id + "/read", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.readAt").isNotEmpty());
		assertThat(this.taskService.createTaskQuery().taskId(work.getId()).singleResult().getAssignee()).isNull();

		// Reading the copy is recorded in the item's own trail (its process instance's
		// events, which every item page shows), as opening the item page through it is.
		this.mvc.perform(get("/api/cc/" + id).with(httpBasic("u2", "demo"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/cc/" + id).with(httpBasic("supervisor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.copy.taskId").value(work.getId()))
			.andExpect(jsonPath("$.task.taskDefinitionKey").value(DeadlineTemplateProcess.TASK_WORK));
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("process-instance",
				this.instance.getId()))
			.filteredOn((e) -> e.getAction().equals("READ_AS_COPY_RECIPIENT"))
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.getActor()).isEqualTo("supervisor");
				assertThat(e.getDetails()).isEqualTo("task=" + work.getId());
			});
	}

	@Test
	void shouldLetSupervisorsUrgeOncePerWorkingDay() throws Exception {
		Task work = work();
		call("u1", "/api/tasks/" + work.getId() + "/urge", "{}").andExpect(status().isForbidden());

		call("supervisor", "/api/tasks/" + work.getId() + "/urge", "{\"message\":\"请于明日前办结\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workingDay").isNotEmpty());
		call("supervisor", "/api/tasks/" + work.getId() + "/urge", "{}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("已催办")));

		assertThat(notificationsFor("u1", "督办催办")).isPositive();
		assertThat(this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc("task", work.getId()))
			.filteredOn((e) -> e.getAction().equals("TASK_URGED"))
			.hasSize(1);
	}

	@Test
	void shouldAnswerNotFoundForATaskThatDoesNotExist() throws Exception {
		call("supervisor", "/api/tasks/no-such-task/urge", "{}").andExpect(status().isNotFound());
	}

	private ResultActions call(String user, String path, String json) throws Exception {
		var request = post(path).with(httpBasic(user, "demo"));
		if (json != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request);
	}

	private Task work() {
		return task(DeadlineTemplateProcess.TASK_WORK);
	}

	private Task task(String key) {
		return this.taskService.createTaskQuery()
			.processInstanceId(this.instance.getId())
			.taskDefinitionKey(key)
			.singleResult();
	}

	private String assignee(Task task) {
		return this.taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
	}

	private String completeWorkAs(String user) {
		Task work = work();
		if (work.getAssignee() == null) {
			this.taskService.claim(work.getId(), user);
		}
		this.taskService.complete(work.getId(), Map.of("result", "已办理"));
		return work.getId();
	}

	private int notificationsFor(String user, String text) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from notification where recipient = ? and text like ?", Integer.class, user,
				"%" + text + "%");
		return (count != null) ? count : 0;
	}

}
