package org.rectifyflow.clue;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A clue is confidential: its tasks are transferred and delegated only within the group
 * that owns them, never to a handler of the unit the clue is about.
 */
@RectifyFlowTest
class ClueOperationsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClueIntake intake;

	@Autowired
	ClueRegister register;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	ClueTestSupport support;

	@BeforeEach
	void setUp() {
		this.support = new ClueTestSupport(this.intake, this.register, this.runtimeService, this.taskService,
				this.managementService);
	}

	@Test
	void shouldNeverHandTheOpinionApprovalToTheReportedUnit() throws Exception {
		Task approval = awaitingApproval();

		this.mvc
			.perform(get("/api/tasks/" + approval.getId() + "/operations").with(httpBasic("disciplinelead", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.operations[*].id", not(hasItem("cc"))))
			.andExpect(jsonPath("$.operations[*].id", not(hasItem("return"))));
		call("disciplinelead", "/api/tasks/" + approval.getId() + "/transfer",
				"{\"userId\":\"u1\",\"reason\":\"请单位处理\"}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("办理范围")));
		call("disciplinelead", "/api/tasks/" + approval.getId() + "/cc", "{\"userIds\":[\"u1\"]}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("不能抄送")));
		call("u1", "/api/tasks/" + approval.getId() + "/transfer", "{\"userId\":\"u1\",\"reason\":\"我来处理\"}")
			.andExpect(status().is4xxClientError());

		this.taskService.claim(approval.getId(), "disciplinelead");
		call("disciplinelead", "/api/tasks/" + approval.getId() + "/delegate", "{\"userId\":\"u1\"}")
			.andExpect(status().isForbidden());
		assertThat(this.taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee())
			.isEqualTo("disciplinelead");
	}

	@Test
	void shouldTransferTheInvestigationWithinTheDisciplineGroupOnly() throws Exception {
		Clue clue = underInvestigation();
		Task investigation = this.support.task(clue, ClueProcess.TASK_INVESTIGATE);

		this.mvc
			.perform(get("/api/tasks/" + investigation.getId() + "/operations").with(httpBasic("discipline", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.operations[?(@.id == 'transfer')].targets[*].id", hasItem("discipline2")))
			.andExpect(jsonPath("$.operations[?(@.id == 'transfer')].targets[*].id", not(hasItem("u1"))));
		call("discipline", "/api/tasks/" + investigation.getId() + "/transfer",
				"{\"userId\":\"discipline2\",\"reason\":\"回避\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignee").value("discipline2"));
	}

	private Clue underInvestigation() {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "MEETINGS_DOCUMENTS", "会议过多"));
		this.support.register(clue, true, true, true, true);
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline", Map.of());
		return clue;
	}

	private Task awaitingApproval() {
		Clue clue = underInvestigation();
		this.support.complete(clue, ClueProcess.TASK_INVESTIGATE, "discipline", Map.of("findings", "核查情况"));
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "discipline",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "NO_ACTION", ClueProcess.VAR_HANDLING_OPINION, "不予处理"));
		return this.support.task(clue, ClueProcess.TASK_APPROVE_OPINION);
	}

	private ResultActions call(String user, String path, String json) throws Exception {
		return this.mvc
			.perform(post(path).with(httpBasic(user, "demo")).contentType(MediaType.APPLICATION_JSON).content(json));
	}

}
