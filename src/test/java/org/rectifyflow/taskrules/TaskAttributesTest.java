package org.rectifyflow.taskrules;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.RunningServerTest;
import org.rectifyflow.testsupport.TestModels;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's holder cannot change what the process set on the task (due date, name,
 * candidates) or delete it through Camunda's REST API; the audited operations still can.
 */
class TaskAttributesTest extends RunningServerTest {

	static final String PROCESS = "taskAttributes";

	static final String DUE = "2026-01-05T17:00:00.000+0800";

	String taskId;

	Date due;

	@BeforeEach
	void startTask() {
		BpmnModelInstance model = oneUserTask(PROCESS, "Task_Rectify", "整改落实", "unit-u1");
		model.<UserTask>getModelElementById("Task_Rectify").setCamundaDueDate(DUE);
		// The task declares 转办 within its unit, as the rectification process does.
		TestModels.userTaskProperties(model, "Task_Rectify",
				Map.of(TaskRules.OPERATIONS, "transfer", TaskRules.TRANSFER_TO, "unit"));
		deploy(model);
		this.taskId = startAndClaim(PROCESS, "u1");
		this.due = this.taskService.createTaskQuery().taskId(this.taskId).singleResult().getDueDate();
	}

	@Test
	void shouldRefuseTheHolderMovingTheDueDateOrRenamingItsTask() {
		HttpResponse<String> put = send("PUT", "/engine-rest/task/" + this.taskId, "u1",
				"{\"name\":\"已办结\",\"due\":\"2030-12-01T00:00:00.000+0000\",\"followUp\":\"2030-12-01T00:00:00.000+0000\","
						+ "\"assignee\":\"u1\",\"priority\":1}");

		assertThat(put.statusCode()).isEqualTo(403);
		assertThat(put.body()).contains("只能通过系统的延期、转办等操作修改");
		Task task = this.taskService.createTaskQuery().taskId(this.taskId).singleResult();
		assertThat(task.getDueDate()).isEqualTo(this.due);
		assertThat(task.getName()).isEqualTo("整改落实");
		assertThat(task.getFollowUpDate()).isNull();
	}

	@Test
	void shouldRefuseTheHolderChangingTheCandidatesOrOwner() {
		assertThat(send("POST", "/engine-rest/task/" + this.taskId + "/identity-links", "u1",
				"{\"groupId\":\"unit-u2\",\"type\":\"candidate\"}")
			.statusCode()).isEqualTo(403);
		assertThat(send("POST", "/engine-rest/task/" + this.taskId + "/identity-links/delete", "u1",
				"{\"groupId\":\"unit-u1\",\"type\":\"candidate\"}")
			.statusCode()).isEqualTo(403);
		assertThat(send("POST", "/engine-rest/task/" + this.taskId + "/identity-links", "u1",
				"{\"userId\":\"u3\",\"type\":\"owner\"}")
			.statusCode()).isEqualTo(403);

		assertThat(this.taskService.getIdentityLinksForTask(this.taskId))
			.filteredOn((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.extracting((link) -> link.getGroupId())
			.containsExactly("unit-u1");
		assertThat(this.taskService.createTaskQuery().taskId(this.taskId).singleResult().getOwner()).isNull();
	}

	@Test
	void shouldRefuseDeletingATaskWithForbiddenNotServerError() {
		HttpResponse<String> own = send("DELETE", "/engine-rest/task/" + this.taskId, "u1", null);
		HttpResponse<String> admin = send("DELETE", "/engine-rest/task/" + this.taskId, "admin", null);

		assertThat(own.statusCode()).isEqualTo(403);
		assertThat(own.body()).contains("流程中的任务不能删除");
		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskId).count()).isOne();
	}

	@Test
	void shouldLetTheAdministratorAndTheAuditedTransferChangeTheTask() {
		assertThat(send("PUT", "/engine-rest/task/" + this.taskId, "admin",
				"{\"name\":\"整改落实\",\"due\":\"2030-12-01T00:00:00.000+0000\",\"assignee\":\"u1\"}")
			.statusCode()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskId).singleResult().getDueDate())
			.isNotEqualTo(this.due);

		HttpResponse<String> transfer = send("POST", "/api/tasks/" + this.taskId + "/transfer", "u1",
				"{\"userId\":\"u1lead\",\"reason\":\"由单位负责人办理\"}");
		assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(200);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskId).singleResult().getAssignee())
			.isEqualTo("u1lead");
	}

	private HttpResponse<String> send(String method, String path, String user, String json) {
		return rest().send(method, path, user, json);
	}

}
