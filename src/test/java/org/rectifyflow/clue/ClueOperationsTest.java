package org.rectifyflow.clue;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.clue.internal.ClueDisposalRepository;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.HandlingOpinionRepository;
import org.rectifyflow.taskrules.TaskRules;
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

	@Autowired
	HistoryService historyService;

	@Autowired
	HandlingOpinionRepository opinions;

	@Autowired
	ClueDisposalRepository disposals;

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
			.andExpect(jsonPath("$.operations[?(@.id == 'return')].returnTo.taskDefinitionKey",
					hasItem(ClueProcess.TASK_HANDLING_OPINION)));
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

	@Test
	void shouldWithdrawAndReturnTheHandlingOpinionWithTheClue() throws Exception {
		Task approval = awaitingApproval();
		Clue clue = this.register.findByNumber(businessKey(approval)).orElseThrow();

		call("discipline", "/api/tasks/" + lastCompleted(clue, ClueProcess.TASK_HANDLING_OPINION) + "/withdraw", "{}")
			.andExpect(status().isOk());
		assertThat(this.opinions.findByClueIdOrderByIdAsc(clue.getId())).isEmpty();
		proposeOpinion(clue);

		call("disciplinelead",
				"/api/tasks/" + this.support.task(clue, ClueProcess.TASK_APPROVE_OPINION).getId() + "/return",
				"{\"opinion\":\"处理依据不充分\"}")
			.andExpect(status().isOk());
		assertThat(this.opinions.findByClueIdOrderByIdAsc(clue.getId())).singleElement()
			.satisfies((o) -> assertThat(o.getApproved()).isFalse());
		Task again = this.support.task(clue, ClueProcess.TASK_HANDLING_OPINION);
		assertThat((String) this.taskService.getVariableLocal(again.getId(), TaskRules.RETURN_OPINION))
			.contains("处理依据不充分");

		proposeOpinion(clue);
		this.support.complete(clue, ClueProcess.TASK_APPROVE_OPINION, "disciplinelead",
				Map.of(ClueProcess.VAR_OPINION_APPROVED, true, "opinion", "同意"));
		assertThat(this.support.task(clue, ClueProcess.TASK_WRITE_FEEDBACK)).isNotNull();
	}

	@Test
	void shouldWithdrawAndReturnAProposedDisposalButNotAStartedInvestigation() throws Exception {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "MEETINGS_DOCUMENTS", "会议过多"));
		this.support.register(clue, true, true, true, true);
		Map<String, Object> close = Map.of(ClueProcess.VAR_DISPOSAL, "CLOSE", ClueProcess.VAR_DISPOSAL_REASON,
				"反映问题已另案处理");
		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline", close);

		call("discipline", "/api/tasks/" + lastCompleted(clue, ClueProcess.TASK_DISPOSE) + "/withdraw", "{}")
			.andExpect(status().isOk());
		assertThat(this.disposals.findByClueIdOrderByIdAsc(clue.getId())).isEmpty();
		assertThat(this.register.findByNumber(clue.getNumber()).orElseThrow().getDisposal()).isNull();

		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline", close);
		call("disciplinelead",
				"/api/tasks/" + this.support.task(clue, ClueProcess.TASK_APPROVE_DISPOSAL).getId() + "/return",
				"{\"opinion\":\"应当核实\"}")
			.andExpect(status().isOk());
		assertThat(this.disposals.findByClueIdOrderByIdAsc(clue.getId())).singleElement()
			.satisfies((d) -> assertThat(d.getApproved()).isFalse());

		this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "TALK_INQUIRY"));
		call("discipline", "/api/tasks/" + lastCompleted(clue, ClueProcess.TASK_DISPOSE) + "/withdraw", "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("不能退回或撤回")));
		assertThat(this.support.task(clue, ClueProcess.TASK_INVESTIGATE)).isNotNull();
	}

	private void proposeOpinion(Clue clue) {
		this.support.complete(clue, ClueProcess.TASK_HANDLING_OPINION, "discipline",
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "NO_ACTION", ClueProcess.VAR_HANDLING_OPINION, "不予处理"));
	}

	private String businessKey(Task task) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	private String lastCompleted(Clue clue, String key) {
		return this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(clue.getProcessInstanceId())
			.taskDefinitionKey(key)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list()
			.get(0)
			.getId();
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
