package org.rectifyflow.taskrules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.TestModels;
import org.rectifyflow.audit.AuditEvent;
import org.rectifyflow.audit.AuditEventRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

@SpringBootTest
class TaskRulesPluginTest {

	static final String FORM_PROCESS = "rf_test_form";

	static final String APPROVAL_PROCESS = "rf_test_approval";

	static final String PROPOSER_VARIABLE_PROCESS = "rf_test_proposer_variable";

	static final String TASK_ENTER = "Task_EnterReport";

	static final String TASK_PROPOSE = "Task_Propose";

	static final String TASK_APPROVE = "Task_Approve";

	static final String AMOUNT_TOO_HIGH = "金额不能超过100";

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ApprovalOpinionService opinions;

	@Autowired
	AuditEventRepository auditEvents;

	String deploymentId;

	@BeforeEach
	void deploy() {
		BpmnAwareTests.init(this.processEngine);
		BpmnModelInstance form = Bpmn.createExecutableProcess(FORM_PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask(TASK_ENTER)
			.name("填写报告")
			.camundaCandidateGroups("staff")
			.endEvent()
			.done();
		TestModels.userTaskProperties(form, TASK_ENTER,
				Map.of(TaskRules.REQUIRED, "title, deadline", TaskRules.LABEL_PREFIX + "title", "标题",
						TaskRules.NOT_PAST, "deadline", TaskRules.MAX_LENGTH_PREFIX + "title", "10",
						TaskRules.LABEL_PREFIX + "amount", "金额"));
		BpmnModelInstance approval = Bpmn.createExecutableProcess(APPROVAL_PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask(TASK_PROPOSE)
			.name("提出")
			.camundaCandidateGroups("staff")
			.userTask(TASK_APPROVE)
			.name("审批")
			.camundaCandidateGroups("reviewers")
			.endEvent()
			.done();
		TestModels.userTaskProperties(approval, TASK_APPROVE,
				Map.of(TaskRules.APPROVAL, "decision", TaskRules.FOUR_EYES, TASK_PROPOSE));
		BpmnModelInstance proposerVariable = Bpmn.createExecutableProcess(PROPOSER_VARIABLE_PROCESS)
			.camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask(TASK_APPROVE)
			.name("审批")
			.camundaCandidateGroups("reviewers")
			.endEvent()
			.done();
		TestModels.userTaskProperties(proposerVariable, TASK_APPROVE,
				Map.of(TaskRules.APPROVAL, "approved", TaskRules.FOUR_EYES_VARIABLE, "proposer"));
		this.deploymentId = this.repositoryService.createDeployment()
			.addModelInstance(FORM_PROCESS + ".bpmn", form)
			.addModelInstance(APPROVAL_PROCESS + ".bpmn", approval)
			.addModelInstance(PROPOSER_VARIABLE_PROCESS + ".bpmn", proposerVariable)
			.deploy()
			.getId();
	}

	@AfterEach
	void undeploy() {
		this.identityService.clearAuthentication();
		this.repositoryService.deleteDeployment(this.deploymentId, true);
		BpmnAwareTests.reset();
	}

	@Test
	void shouldRefuseInvalidVariablesWithChineseMessageAndKeepTaskOpen() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);

		assertThatThrownBy(() -> as("alice", "staff",
				() -> this.taskService.complete(task.getId(), Map.of("amount", 500, "title", "改过的标题"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage(AMOUNT_TOO_HIGH)
			.satisfies(
					(ex) -> assertThat(((TaskRuleViolation) ex).getEnglishMessage()).isEqualTo("amount exceeds 100"));

		assertThat(instance).isWaitingAt(TASK_ENTER);
		assertThat(this.runtimeService.getVariable(instance.getId(), "title")).isEqualTo("报告");
		assertThat(this.runtimeService.getVariable(instance.getId(), "amount")).isNull();
		assertThat(actions(task.getId())).doesNotContain(TaskRules.TASK_COMPLETED);
		assertThat(this.opinions.history(instance.getId())).isEmpty();
	}

	@Test
	void shouldRefuseFormSubmissionWithChineseMessage() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);

		assertThatThrownBy(
				() -> as("alice", "staff", () -> this.formService.submitTaskForm(task.getId(), Map.of("amount", 101))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage(AMOUNT_TOO_HIGH);
		assertThat(instance).isWaitingAt(TASK_ENTER);
	}

	@Test
	void shouldRefuseMissingRequiredField() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);

		assertThatThrownBy(
				() -> as("alice", "staff", () -> this.taskService.complete(task.getId(), Map.of("title", " "))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("「标题」为必填项");
		assertThat(instance).isWaitingAt(TASK_ENTER);
	}

	@Test
	void shouldRefuseDeadlineInThePast() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);
		Date yesterday = Date.from(LocalDate.now().minusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());

		assertThatThrownBy(() -> as("alice", "staff",
				() -> this.taskService.complete(task.getId(), Map.of("deadline", yesterday))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("「deadline」不能早于当前日期");
		assertThatThrownBy(() -> as("alice", "staff",
				() -> this.taskService.complete(task.getId(), Map.of("deadline", "2000-01-01"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("「deadline」不能早于当前日期");
		assertThat(instance).isWaitingAt(TASK_ENTER);
	}

	@Test
	void shouldRefuseTooLongField() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);

		assertThatThrownBy(() -> as("alice", "staff",
				() -> this.taskService.complete(task.getId(), Map.of("title", "一二三四五六七八九十一"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("「标题」不能超过10个字");
	}

	@Test
	void shouldCompleteValidTaskAndAuditItsLifecycle() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);

		as("alice", "staff", () -> this.taskService.claim(task.getId(), "alice"));
		as("alice", "staff", () -> this.taskService.complete(task.getId(),
				Map.of("deadline", LocalDate.now().toString(), "amount", 100)));

		assertThat(instance).isEnded();
		List<AuditEvent> events = this.auditEvents
			.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(TaskRules.AUDIT_ITEM_TYPE, task.getId());
		assertThat(events).extracting(AuditEvent::getAction)
			.containsExactly(TaskRules.TASK_CREATED, TaskRules.TASK_ASSIGNED, TaskRules.TASK_COMPLETED);
		assertThat(events.get(1).getActor()).isEqualTo("alice");
		assertThat(events.get(1).getAfterState()).isEqualTo("alice");
		assertThat(events.get(2).getActor()).isEqualTo("alice");
		assertThat(events.get(2).getDetails()).contains("processKey=" + FORM_PROCESS, "businessKey=BK-FORM",
				"taskKey=" + TASK_ENTER, "actor=alice");
	}

	@Test
	void shouldAuditDeletedTask() {
		ProcessInstance instance = startForm("报告", tomorrow());
		Task task = task(instance);

		this.runtimeService.deleteProcessInstance(instance.getId(), "撤销");

		assertThat(actions(task.getId())).containsExactly(TaskRules.TASK_CREATED, TaskRules.TASK_DELETED);
	}

	@Test
	void shouldRefuseProposerOnClaimAndOnComplete() {
		ProcessInstance instance = startApproval();
		Task propose = task(instance);
		// Completed without claiming: the audit trail still knows who proposed.
		as("bob", "staff", () -> this.taskService.complete(propose.getId()));
		assertThat(instance).isWaitingAt(TASK_APPROVE);
		Task approve = task(instance);

		assertThatThrownBy(() -> as("bob", "reviewers", () -> this.taskService.claim(approve.getId(), "bob")))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessage(FourEyes.MESSAGE)
			.hasCauseInstanceOf(TaskRuleViolation.class);
		assertThat(task(instance).getAssignee()).isNull();

		assertThatThrownBy(() -> as("bob", "reviewers",
				() -> this.taskService.complete(approve.getId(), Map.of("decision", "APPROVE", "opinion", "同意"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage(FourEyes.MESSAGE);
		assertThat(instance).isWaitingAt(TASK_APPROVE);
		assertThat(this.opinions.history(instance.getId())).isEmpty();
	}

	@Test
	void shouldRefuseClaimedProposerFromHistory() {
		ProcessInstance instance = startApproval();
		Task propose = task(instance);
		as("bob", "staff", () -> this.taskService.claim(propose.getId(), "bob"));
		as("bob", "staff", () -> this.taskService.complete(propose.getId()));
		Task approve = task(instance);

		assertThatThrownBy(() -> this.taskService.setAssignee(approve.getId(), "bob")).hasMessage(FourEyes.MESSAGE);
	}

	@Test
	void shouldStoreOneOpinionCommentAndAuditEventOnApproval() {
		ProcessInstance instance = startApproval();
		as("bob", "staff", () -> this.taskService.complete(task(instance).getId()));
		Task approve = task(instance);

		as("carol", "reviewers", () -> this.taskService.claim(approve.getId(), "carol"));
		as("carol", "reviewers", () -> this.taskService.complete(approve.getId(),
				Map.of("decision", "APPROVE", "opinion", "  同意，按计划执行。 ")));

		assertThat(instance).isEnded();
		List<ApprovalOpinion> history = this.opinions.history(instance.getId());
		assertThat(history).singleElement().satisfies((opinion) -> {
			assertThat(opinion.getDecision()).isEqualTo("APPROVE");
			assertThat(opinion.getOpinion()).isEqualTo("同意，按计划执行。");
			assertThat(opinion.getUserId()).isEqualTo("carol");
			assertThat(opinion.getTaskId()).isEqualTo(approve.getId());
			assertThat(opinion.getTaskDefinitionKey()).isEqualTo(TASK_APPROVE);
			assertThat(opinion.getTaskName()).isEqualTo("审批");
			assertThat(opinion.getBusinessKey()).isEqualTo("BK-APPROVAL");
			assertThat(opinion.getProcessDefinitionKey()).isEqualTo(APPROVAL_PROCESS);
			assertThat(opinion.getCreatedAt()).isNotNull();
		});
		assertThat(this.opinions.byBusinessKey(APPROVAL_PROCESS, "BK-APPROVAL")).extracting(ApprovalOpinion::getId)
			.contains(history.get(0).getId());
		List<Comment> comments = this.taskService.getTaskComments(approve.getId());
		assertThat(comments).singleElement().satisfies((comment) -> {
			assertThat(comment.getUserId()).isEqualTo("carol");
			assertThat(comment.getFullMessage()).contains("APPROVE", "同意，按计划执行。");
		});
		List<AuditEvent> completed = this.auditEvents
			.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(TaskRules.AUDIT_ITEM_TYPE, approve.getId())
			.stream()
			.filter((event) -> TaskRules.TASK_COMPLETED.equals(event.getAction()))
			.toList();
		assertThat(completed).singleElement().satisfies((event) -> {
			assertThat(event.getActor()).isEqualTo("carol");
			assertThat(event.getAfterState()).isEqualTo("APPROVE");
			assertThat(event.getDetails()).contains("actor=carol", "decision=APPROVE");
		});
	}

	@Test
	void shouldApproveWithACommonPhraseOrNoTextButReturnOnlyWithAReason() {
		ProcessInstance instance = startApproval();
		as("bob", "staff", () -> this.taskService.complete(task(instance).getId()));
		Task approve = task(instance);

		// returning needs the reason in words; a phrase is no reason
		assertThatThrownBy(() -> as("carol", "reviewers",
				() -> this.taskService.complete(approve.getId(),
						Map.of("decision", "RETURN", "opinion", "", TaskRules.OPINION_PHRASE_VARIABLE, "退回修改"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("退回或不同意时请在审批意见中写明理由");
		// a phrase the form does not offer
		assertThatThrownBy(() -> as("carol", "reviewers",
				() -> this.taskService.complete(approve.getId(),
						Map.of("decision", "APPROVE", TaskRules.OPINION_PHRASE_VARIABLE, "随便"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessageStartingWith("常用意见「随便」无效");
		assertThat(this.opinions.history(instance.getId())).isEmpty();

		// approving with the phrase chosen and no text
		as("carol", "reviewers", () -> this.taskService.complete(approve.getId(),
				Map.of("decision", "APPROVE", TaskRules.OPINION_PHRASE_VARIABLE, "原则同意")));
		assertThat(this.opinions.history(instance.getId())).singleElement()
			.satisfies((opinion) -> assertThat(opinion.getOpinion()).isEqualTo("原则同意"));
	}

	@Test
	void shouldRecordAgreementWhenApprovingWithoutAnyOpinion() {
		ProcessInstance instance = startApproval();
		as("bob", "staff", () -> this.taskService.complete(task(instance).getId()));
		as("carol", "reviewers",
				() -> this.taskService.complete(task(instance).getId(), Map.of("decision", "APPROVE")));
		assertThat(this.opinions.history(instance.getId())).singleElement()
			.satisfies((opinion) -> assertThat(opinion.getOpinion()).isEqualTo("同意"));
	}

	@Test
	void shouldRefuseAnOverlongOpinion() {
		ProcessInstance instance = startApproval();
		as("bob", "staff", () -> this.taskService.complete(task(instance).getId()));
		Task approve = task(instance);

		assertThatThrownBy(() -> as("carol", "reviewers",
				() -> this.taskService.complete(approve.getId(),
						Map.of("decision", "RETURN", "opinion", "意".repeat(TaskRules.OPINION_MAX_LENGTH + 1)))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage("审批意见不能超过2000个字");

		assertThat(instance).isWaitingAt(TASK_APPROVE);
		assertThat(this.opinions.history(instance.getId())).isEmpty();
		assertThat(this.taskService.getTaskComments(approve.getId())).isEmpty();
		assertThat(actions(approve.getId())).doesNotContain(TaskRules.TASK_COMPLETED);
	}

	@Test
	void shouldRefuseProposerNamedByVariableAndAllowAnotherUser() {
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(PROPOSER_VARIABLE_PROCESS, "BK-VAR",
				Map.of("proposer", "dave"));
		Task approve = task(instance);

		assertThatThrownBy(() -> as("dave", "reviewers", () -> this.taskService.claim(approve.getId(), "dave")))
			.hasMessage(FourEyes.MESSAGE);
		assertThatThrownBy(() -> as("dave", "reviewers",
				() -> this.taskService.complete(approve.getId(),
						Variables.createVariables().putValue("approved", false).putValue("opinion", "不同意"))))
			.isInstanceOf(TaskRuleViolation.class)
			.hasMessage(FourEyes.MESSAGE);

		as("erin", "reviewers", () -> this.taskService.complete(approve.getId(),
				Variables.createVariables().putValue("approved", false).putValue("opinion", "不同意")));

		assertThat(instance).isEnded();
		assertThat(this.opinions.history(instance.getId())).singleElement()
			.satisfies((opinion) -> assertThat(opinion.getDecision()).isEqualTo("false"));
	}

	private ProcessInstance startForm(String title, Date deadline) {
		return this.runtimeService.startProcessInstanceByKey(FORM_PROCESS, "BK-FORM",
				Map.of("title", title, "deadline", deadline));
	}

	private ProcessInstance startApproval() {
		return this.runtimeService.startProcessInstanceByKey(APPROVAL_PROCESS, "BK-APPROVAL");
	}

	private Task task(ProcessInstance instance) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private List<String> actions(String taskId) {
		return this.auditEvents.findByItemTypeAndItemIdOrderByOccurredAtAscIdAsc(TaskRules.AUDIT_ITEM_TYPE, taskId)
			.stream()
			.map(AuditEvent::getAction)
			.toList();
	}

	private void as(String userId, String group, Runnable action) {
		this.identityService.setAuthentication(userId, List.of(group));
		try {
			action.run();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private static Date tomorrow() {
		return Date.from(LocalDate.now().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	@TestConfiguration
	static class TestValidators {

		@Bean
		TaskCompletionValidator amountValidator() {
			return new TaskCompletionValidator() {

				@Override
				public boolean supports(String processDefinitionKey, String taskDefinitionKey) {
					return FORM_PROCESS.equals(processDefinitionKey) && TASK_ENTER.equals(taskDefinitionKey);
				}

				@Override
				public void validate(TaskCompletion completion) {
					if (completion.variable("amount") instanceof Number amount && amount.intValue() > 100) {
						throw new TaskRuleViolation(AMOUNT_TOO_HIGH, "amount exceeds 100");
					}
				}
			};
		}

	}

}
