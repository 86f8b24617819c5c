package org.rectifyflow.taskrules;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.audit.AuditService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the task rules do on each task event; called by the listeners that
 * {@link TaskRulesParseListener} attaches to every user task, inside the engine command
 * and its transaction.
 */
@Component
class TaskRuleEnforcer {

	/**
	 * The suffix of a form's display value: {@code {{deadlineAtText}}} shows the date of
	 * the variable {@code deadlineAt} in Chinese.
	 */
	private static final String DATE_TEXT_SUFFIX = "Text";

	private final ObjectProvider<TaskCompletionValidator> validators;

	private final ObjectProvider<ProcessTasks> processTasks;

	private final ApprovalOpinionService opinions;

	private final AuditService audit;

	private final TaskService taskService;

	private final FourEyes fourEyes;

	TaskRuleEnforcer(ObjectProvider<TaskCompletionValidator> validators, ObjectProvider<ProcessTasks> processTasks,
			ApprovalOpinionService opinions, AuditService audit, TaskService taskService, FourEyes fourEyes) {
		this.validators = validators;
		this.processTasks = processTasks;
		this.opinions = opinions;
		this.audit = audit;
		this.taskService = taskService;
		this.fourEyes = fourEyes;
	}

	void created(DelegateTask task, UserTaskRules rules) {
		record(TaskRules.TASK_CREATED, task, null, task.getAssignee(), null);
		if (rules.hasFourEyes()) {
			this.fourEyes.redirectIfOnlyProposersMay(task, rules);
		}
		String processKey = DeployedTasks.processKey(task);
		tasksOf(processKey).forEach((tasks) -> tasks.created(new TaskCreation(processKey, task)));
		showDates(task);
	}

	/**
	 * Fills the Chinese text of every date the task's form shows: a form that shows
	 * {@code {{deadlineAtText}}} gets the variable {@code deadlineAt} as
	 * {@code 2027年1月15日 18:00}, task-local.
	 */
	private static void showDates(DelegateTask task) {
		TaskInputs inputs = DeployedTasks.inputs(task);
		if (inputs == null) {
			return;
		}
		for (String shown : inputs.shown()) {
			if (shown.endsWith(DATE_TEXT_SUFFIX) && shown.length() > DATE_TEXT_SUFFIX.length()
					&& !task.hasVariableLocal(shown)) {
				Object value = task.getVariable(shown.substring(0, shown.length() - DATE_TEXT_SUFFIX.length()));
				String text = Dates.chinese(value);
				if (text != null) {
					task.setVariableLocal(shown, text);
				}
			}
		}
	}

	void assigned(DelegateTask task, UserTaskRules rules) {
		String assignee = task.getAssignee();
		if (assignee != null && rules.hasFourEyes()) {
			this.fourEyes.check(assignee, task, rules);
		}
		record(TaskRules.TASK_ASSIGNED, task, previousAssignee(task), assignee, null);
	}

	void completing(DelegateTask task, UserTaskRules rules) {
		TaskCompletion completion = completion(task, rules);
		this.validators.orderedStream()
			.filter((validator) -> validator.supports(completion.getProcessDefinitionKey(),
					completion.getTaskDefinitionKey()))
			.forEach((validator) -> validator.validate(completion));
		List<ProcessTasks> handlers = tasksOf(completion.getProcessDefinitionKey());
		handlers.forEach((tasks) -> tasks.validate(completion));
		if (rules.hasFourEyes()) {
			String worker = AuditService.SYSTEM.equals(completion.getUserId()) ? task.getAssignee()
					: completion.getUserId();
			if (worker != null) {
				this.fourEyes.check(worker, task, rules);
			}
		}
		// what the user filled in, before the rules fill in anything for them
		String burden = TaskBurden.measure(task, completion.getUserId());
		String decision = null;
		String decisionVariable = rules.approvalDecisionVariable();
		if (decisionVariable != null) {
			decision = approve(completion, decisionVariable);
		}
		String details = DeployedTasks.details(task) + ", actor=" + completion.getUserId()
				+ ((decision != null) ? ", decision=" + decision : "") + burden;
		this.audit.recordAs(completion.getUserId(), TaskRules.TASK_COMPLETED, TaskRules.AUDIT_ITEM_TYPE, task.getId(),
				task.getAssignee(), decision, details);
		handlers.forEach((tasks) -> tasks.completed(completion));
		dropCarriers(task);
	}

	/**
	 * Removes the variables that carried the task's form lists: the lists now live in the
	 * feature's records (or were abandoned with the task), and they never reach history
	 * ({@link ConfidentialInputHistory}).
	 */
	private static void dropCarriers(DelegateTask task) {
		TaskInputs inputs = DeployedTasks.inputs(task);
		if (inputs == null) {
			return;
		}
		for (String name : inputs.carriers()) {
			// A draft may have been written to an outer scope as well as the task's own.
			for (int i = 0; i < 8 && task.hasVariable(name); i++) {
				task.removeVariable(name);
			}
		}
	}

	private List<ProcessTasks> tasksOf(String processKey) {
		return this.processTasks.orderedStream().filter((tasks) -> tasks.processKey().equals(processKey)).toList();
	}

	void deleted(DelegateTask task, UserTaskRules rules) {
		record(TaskRules.TASK_DELETED, task, task.getAssignee(), null, "reason=" + task.getDeleteReason());
		if (task.getExecution() instanceof ExecutionEntity execution && !execution.isEnded()) {
			dropCarriers(task);
		}
	}

	private String approve(TaskCompletion completion, String decisionVariable) {
		if (completion.isBlank(decisionVariable)) {
			throw new TaskRuleViolation("请选择审批结论", "the decision " + decisionVariable + " is missing");
		}
		String phrase = completion.isBlank(TaskRules.OPINION_PHRASE_VARIABLE) ? null
				: completion.string(TaskRules.OPINION_PHRASE_VARIABLE).strip();
		if (phrase != null && !TaskRules.OPINION_PHRASES.contains(phrase)) {
			throw new TaskRuleViolation("常用意见「" + phrase + "」无效，应为" + String.join("、", TaskRules.OPINION_PHRASES),
					"unknown opinion phrase " + phrase);
		}
		String decisionValue = completion.string(decisionVariable).strip();
		boolean approves = "true".equalsIgnoreCase(decisionValue) || "APPROVE".equalsIgnoreCase(decisionValue);
		String opinion;
		if (!completion.isBlank(TaskRules.OPINION_VARIABLE)) {
			opinion = completion.string(TaskRules.OPINION_VARIABLE).strip();
		}
		else if (approves) {
			opinion = (phrase != null) ? phrase : TaskRules.OPINION_PHRASES.get(0);
			completion.fillIn(TaskRules.OPINION_VARIABLE, opinion);
		}
		else {
			throw new TaskRuleViolation("退回或不同意时请在审批意见中写明理由", "returning or rejecting needs the reason as opinion");
		}
		if (opinion.codePointCount(0, opinion.length()) > TaskRules.OPINION_MAX_LENGTH) {
			throw new TaskRuleViolation("审批意见不能超过" + TaskRules.OPINION_MAX_LENGTH + "个字",
					"the approval opinion may not be longer than " + TaskRules.OPINION_MAX_LENGTH + " characters");
		}
		String decision = completion.string(decisionVariable);
		this.opinions.record(completion, decision, opinion);
		String comment = "审批结论：" + decision + "\n审批意见：" + opinion;
		// The completing user may lack the permission to comment; the comment is the
		// engine's own record of the completion, still attributed to that user.
		withoutAuthorization(() -> this.taskService.createComment(completion.getTaskId(),
				completion.getProcessInstanceId(), comment));
		return decision;
	}

	private TaskCompletion completion(DelegateTask task, UserTaskRules rules) {
		DelegateExecution execution = task.getExecution();
		if (execution == null && task.getExecutionId() != null) {
			// another completion of this task committed while this one ran and removed
			// the task's execution: this one lost the race (409), it is no broken process
			throw new OptimisticLockingException("Task " + task.getId() + " was completed by someone else meanwhile");
		}
		return new TaskCompletion(DeployedTasks.processKey(task), task.getTaskDefinitionKey(), task.getId(),
				task.getName(), task.getProcessInstanceId(), DeployedTasks.businessKey(task), this.audit.currentActor(),
				task.getAssignee(), rules.properties(), task);
	}

	private void record(String action, DelegateTask task, String before, String after, String extra) {
		this.audit.recordAs(this.audit.currentActor(), action, TaskRules.AUDIT_ITEM_TYPE, task.getId(), before, after,
				DeployedTasks.details(task) + ((extra != null) ? ", " + extra : ""));
	}

	private static String previousAssignee(DelegateTask task) {
		if (task instanceof TaskEntity entity) {
			var change = entity.getPropertyChanges().get(TaskEntity.ASSIGNEE);
			if (change != null && change.getOrgValue() != null) {
				return String.valueOf(change.getOrgValue());
			}
		}
		return null;
	}

	private static <T> T withoutAuthorization(Callable<T> action) {
		CommandContext context = Context.getCommandContext();
		return context.runWithoutAuthorization(action);
	}

}
