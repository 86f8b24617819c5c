package org.rectifyflow.taskrules;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.clue.ClueTestSupport;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.testsupport.RunningServerTest;
import org.rectifyflow.testsupport.TestModels;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Four-eyes without deadlock: an approval that only its proposers could work on goes to
 * the next level of its process's {@value TaskRules#APPROVAL_CHAIN}, through the engine
 * and through the engine REST API, whether the approval was offered to a group or
 * assigned to one person; the proposer still cannot approve it at the new level. A clue's
 * extension is approved under the same rule, its requester the proposer.
 */
class ApprovalChainTest extends RunningServerTest {

	static final String OFFERED = "rf_test_chain_offered";

	static final String ASSIGNED = "rf_test_chain_assigned";

	static final String APPROVE = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}";

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ClueIntake clueIntake;

	@Autowired
	ClueRegister clueRegister;

	@Autowired
	ManagementService managementService;

	@BeforeEach
	void deployProcesses() {
		// The approval is offered to discipline-lead, whose only member is
		// disciplinelead.
		BpmnModelInstance offered = approval(OFFERED, "discipline-lead,discipline-group",
				(task) -> task.camundaCandidateGroups("discipline-group"),
				(task) -> task.camundaCandidateGroups("discipline-lead"));
		// Both steps are assigned to one person by the process.
		BpmnModelInstance assigned = approval(ASSIGNED, "discipline-group",
				(task) -> task.camundaAssignee("${proposer}"), (task) -> task.camundaAssignee("${approver}"));
		deploy(offered, assigned);
	}

	@AfterEach
	void forget() {
		this.identityService.clearAuthentication();
	}

	@Test
	void shouldOfferTheOnlyLeadersProposalToTheNextGroupThroughTheEngineRestApi() {
		String instance = this.runtimeService.startProcessInstanceByKey(OFFERED).getId();
		String propose = openTask(instance).getId();
		assertThat(rest()
			.send("POST", "/engine-rest/task/" + propose + "/claim", "disciplinelead",
					"{\"userId\":\"disciplinelead\"}")
			.statusCode()).isEqualTo(204);
		assertThat(
				rest().send("POST", "/engine-rest/task/" + propose + "/complete", "disciplinelead", "{}").statusCode())
			.isEqualTo(204);

		Task approval = openTask(instance);
		assertThat(candidateGroups(approval)).containsExactly("discipline-group");
		assertThat(redirects(approval)).containsExactly("discipline-lead>discipline-group");
		assertThat(notices("discipline", approval.getId())).isEqualTo(1);
		assertThat(notices("discipline2", approval.getId())).isEqualTo(1);
		assertThat(notices("disciplinelead", approval.getId())).as("the proposer is told where it went, only").isZero();
		assertThat(notices("disciplinelead", instance)).isEqualTo(1);

		var claim = rest().send("POST", "/engine-rest/task/" + approval.getId() + "/claim", "disciplinelead",
				"{\"userId\":\"disciplinelead\"}");
		assertThat(claim.statusCode()).isEqualTo(400);
		assertThat(claim.body()).contains("四眼原则");
		var complete = rest().send("POST", "/engine-rest/task/" + approval.getId() + "/complete", "disciplinelead",
				APPROVE);
		assertThat(complete.statusCode()).isEqualTo(400);
		assertThat(complete.body()).contains("四眼原则");
		assertThat(openTask(instance).getId()).isEqualTo(approval.getId());

		assertThat(rest().send("POST", "/engine-rest/task/" + approval.getId() + "/complete", "discipline2", APPROVE)
			.statusCode()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void shouldLeaveTheApprovalWhereItIsWhenSomeoneElseAtItsLevelMayApprove() {
		String instance = this.runtimeService.startProcessInstanceByKey(OFFERED).getId();
		String propose = openTask(instance).getId();
		this.taskService.claim(propose, "discipline");
		this.taskService.complete(propose);

		Task approval = openTask(instance);
		assertThat(candidateGroups(approval)).containsExactly("discipline-lead");
		assertThat(redirects(approval)).isEmpty();
	}

	@Test
	void shouldUnassignAnApprovalAssignedToItsProposerThroughTheEngine() {
		String instance = this.runtimeService
			.startProcessInstanceByKey(ASSIGNED, Map.of("proposer", "disciplinelead", "approver", "disciplinelead"))
			.getId();
		this.identityService.setAuthentication("disciplinelead", List.of("discipline-group", "discipline-lead"));
		this.taskService.complete(openTask(instance).getId());

		Task approval = openTask(instance);
		assertThat(approval.getAssignee()).isNull();
		assertThat(candidateGroups(approval)).containsExactly("discipline-group");
		assertThat(redirects(approval)).containsExactly("disciplinelead>discipline-group");
		assertThatThrownBy(() -> this.taskService.complete(approval.getId(), Map.of("decision", "APPROVE")))
			.satisfies((ex) -> assertThat(Refusal.in(ex)).isPresent());
		this.identityService.clearAuthentication();
		assertThatThrownBy(() -> this.taskService.claim(approval.getId(), "disciplinelead"))
			.satisfies((ex) -> assertThat(Refusal.in(ex)).isPresent());

		this.taskService.claim(approval.getId(), "discipline");
		this.taskService.complete(approval.getId(), Map.of("decision", "APPROVE"));
		assertThat(this.taskService.createTaskQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void shouldRefuseTheProposerOnTheRedirectedAssignedApprovalThroughTheEngineRestApi() {
		String instance = this.runtimeService
			.startProcessInstanceByKey(ASSIGNED, Map.of("proposer", "disciplinelead", "approver", "disciplinelead"))
			.getId();
		assertThat(rest()
			.send("POST", "/engine-rest/task/" + openTask(instance).getId() + "/complete", "disciplinelead", "{}")
			.statusCode()).isEqualTo(204);

		Task approval = openTask(instance);
		assertThat(approval.getAssignee()).isNull();
		var complete = rest().send("POST", "/engine-rest/task/" + approval.getId() + "/complete", "disciplinelead",
				APPROVE);
		assertThat(complete.statusCode()).isEqualTo(400);
		assertThat(complete.body()).contains("四眼原则");
		assertThat(rest()
			.send("POST", "/engine-rest/task/" + approval.getId() + "/claim", "discipline2",
					"{\"userId\":\"discipline2\"}")
			.statusCode()).isEqualTo(204);
		assertThat(rest().send("POST", "/engine-rest/task/" + approval.getId() + "/complete", "discipline2", APPROVE)
			.statusCode()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().processInstanceId(instance).count()).isZero();
	}

	@Test
	void shouldKeepTheRequesterOffItsOwnClueExtensionThroughTheApiAndTheEngineRestApi() {
		ClueTestSupport clues = new ClueTestSupport(this.clueIntake, this.clueRegister, this.runtimeService,
				this.taskService, this.managementService);
		Clue clue = clues.receive(ClueTestSupport.anonymous("u4", "WORK_IMPLEMENTATION", "延期四眼原则"));
		clues.register(clue, true, true, true, false);
		clues.complete(clue, ClueProcess.TASK_SET_DEADLINE, "disciplinelead",
				Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 10));
		clues.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
				Map.of(ClueProcess.VAR_DISPOSAL, "PRELIMINARY_VERIFICATION"));
		// the only 纪检组组长 requests the extension that discipline-lead would approve
		assertThat(rest()
			.send("POST", "/api/clues/" + clue.getId() + "/extension", "disciplinelead",
					"{\"reason\":\"需要调取更多材料\",\"workingDays\":5}")
			.statusCode()).isEqualTo(202);

		Task approval = clues.task(clue, ClueProcess.TASK_APPROVE_EXTENSION);
		assertThat(candidateGroups(approval)).containsExactly("discipline-group");
		assertThat(redirects(approval)).containsExactly("discipline-lead>discipline-group");
		var claim = rest().send("POST", "/engine-rest/task/" + approval.getId() + "/claim", "disciplinelead",
				"{\"userId\":\"disciplinelead\"}");
		assertThat(claim.statusCode()).isEqualTo(400);
		assertThat(claim.body()).contains("四眼原则");
		var complete = rest().send("POST", "/engine-rest/task/" + approval.getId() + "/complete", "disciplinelead",
				"{\"variables\":{\"extensionApproved\":{\"value\":true},\"opinion\":{\"value\":\"同意延期\"}}}");
		assertThat(complete.statusCode()).isEqualTo(400);
		assertThat(complete.body()).contains("四眼原则");
		var operations = rest().send("GET", "/api/tasks/" + approval.getId() + "/operations", "discipline", null);
		assertThat(operations.statusCode()).isEqualTo(200);
		assertThat(operations.body()).contains("\"discipline2\"").doesNotContain("\"disciplinelead\"");
		var transfer = rest().send("POST", "/api/tasks/" + approval.getId() + "/transfer", "discipline",
				"{\"userId\":\"disciplinelead\",\"reason\":\"请组长审批\"}");
		assertThat(transfer.statusCode()).isBetween(400, 499);
		assertThat(transfer.body()).containsPattern("[\\u4e00-\\u9fff]");
		assertThat(clues.task(clue, ClueProcess.TASK_APPROVE_EXTENSION).getAssignee()).isNull();

		assertThat(rest()
			.send("POST", "/engine-rest/task/" + approval.getId() + "/claim", "discipline2",
					"{\"userId\":\"discipline2\"}")
			.statusCode()).isEqualTo(204);
		assertThat(rest()
			.send("POST", "/engine-rest/task/" + approval.getId() + "/complete", "discipline2",
					"{\"variables\":{\"extensionApproved\":{\"value\":true},\"opinion\":{\"value\":\"同意延期\"}}}")
			.statusCode()).isEqualTo(204);
		assertThat(this.jdbc.queryForObject("select decided_by from clue_extension where clue_id = ?", String.class,
				clue.getId()))
			.isEqualTo("discipline2");
	}

	private static BpmnModelInstance approval(String key, String chain,
			java.util.function.Consumer<UserTaskBuilder> propose,
			java.util.function.Consumer<UserTaskBuilder> approve) {
		UserTaskBuilder proposeTask = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.userTask("Task_Propose")
			.name("提出意见");
		propose.accept(proposeTask);
		UserTaskBuilder approveTask = proposeTask.userTask("Task_Approve").name("审批意见");
		approve.accept(approveTask);
		BpmnModelInstance model = approveTask.endEvent().done();
		TestModels.userTaskProperties(model, "Task_Approve",
				Map.of(TaskRules.APPROVAL, "decision", TaskRules.FOUR_EYES, "Task_Propose"));
		TestModels.processProperties(model, Map.of(TaskRules.APPROVAL_CHAIN, chain));
		return model;
	}

	private Task openTask(String instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance).singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private List<String> redirects(Task task) {
		return this.jdbc.queryForList(
				"select before_state || '>' || after_state from audit_event where action = ? and item_id = ?",
				String.class, TaskRules.TASK_REDIRECTED, task.getId());
	}

	/**
	 * Notices to a user about a redirected approval, linking to the task or the process.
	 */
	private int notices(String user, String linkedId) {
		return this.jdbc.queryForObject(
				"select count(*) from notification where recipient = ? and text like '%转由%' and link like ?",
				Integer.class, user, "%" + linkedId);
	}

}
