package org.rectifyflow.taskrules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.rectifyflow.kernel.Dates;
import org.rectifyflow.audit.AuditEventRepository;
import org.rectifyflow.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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

	static final String FOUR_EYES_MESSAGE = "审批人不能是提出人本人（四眼原则）";

	private static final Logger logger = LoggerFactory.getLogger(TaskRuleEnforcer.class);

	private final ObjectProvider<TaskCompletionValidator> validators;

	private final ObjectProvider<ProcessTasks> processTasks;

	private final ApprovalOpinionService opinions;

	private final AuditService audit;

	private final AuditEventRepository auditEvents;

	private final HistoryService historyService;

	private final TaskService taskService;

	/** More members than any group of the organisation has. */
	private static final int MAX_MEMBERS = 1000;

	private final IdentityService identityService;

	private final ApplicationEventPublisher events;

	TaskRuleEnforcer(ObjectProvider<TaskCompletionValidator> validators, ObjectProvider<ProcessTasks> processTasks,
			ApprovalOpinionService opinions, AuditService audit, AuditEventRepository auditEvents,
			HistoryService historyService, TaskService taskService, IdentityService identityService,
			ApplicationEventPublisher events) {
		this.validators = validators;
		this.processTasks = processTasks;
		this.opinions = opinions;
		this.audit = audit;
		this.auditEvents = auditEvents;
		this.historyService = historyService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.events = events;
	}

	void created(DelegateTask task, UserTaskRules rules) {
		record(TaskRules.TASK_CREATED, task, null, task.getAssignee(), null);
		if (rules.hasFourEyes()) {
			redirectIfOnlyProposersMay(task, rules);
		}
		String processKey = processDefinitionKey(task);
		tasksOf(processKey).forEach((tasks) -> tasks.created(new TaskCreation(processKey, task)));
		showDates(task);
	}

	/**
	 * Fills the Chinese text of every date the task's form shows: a form that shows
	 * {@code {{deadlineAtText}}} gets the variable {@code deadlineAt} as
	 * {@code 2027年1月15日 18:00}, task-local.
	 */
	private static void showDates(DelegateTask task) {
		if (Context.getProcessEngineConfiguration() == null || task.getProcessDefinitionId() == null) {
			return;
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		var activity = (definition != null) ? definition.findActivity(task.getTaskDefinitionKey()) : null;
		TaskInputs inputs = (activity != null) ? activity.getProperties().get(TaskInputs.PROPERTY) : null;
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
		if (assignee != null && rules.hasFourEyes() && proposers(task, rules).contains(assignee)) {
			throw fourEyesViolation(assignee, task);
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
			if (worker != null && proposers(task, rules).contains(worker)) {
				throw fourEyesViolation(worker, task);
			}
		}
		// what the user filled in, before the rules fill in anything for them
		String burden = TaskBurden.measure(task, completion.getUserId());
		String decision = null;
		String decisionVariable = rules.approvalDecisionVariable();
		if (decisionVariable != null) {
			decision = approve(completion, decisionVariable);
		}
		String details = details(task) + ", actor=" + completion.getUserId()
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
		if (task.getProcessDefinitionId() == null || Context.getProcessEngineConfiguration() == null) {
			return;
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		ActivityImpl activity = (definition != null) ? definition.findActivity(task.getTaskDefinitionKey()) : null;
		TaskInputs inputs = (activity != null) ? activity.getProperties().get(TaskInputs.PROPERTY) : null;
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

	/**
	 * The users who may not work on the task: whoever completed one of the
	 * {@value TaskRules#FOUR_EYES} tasks, and the user named by
	 * {@value TaskRules#FOUR_EYES_VARIABLE}.
	 */
	private Set<String> proposers(DelegateTask task, UserTaskRules rules) {
		Set<String> proposers = new LinkedHashSet<>();
		String variable = rules.fourEyesVariable();
		if (variable != null && task.getVariable(variable) != null) {
			proposers.add(String.valueOf(task.getVariable(variable)));
		}
		List<String> taskKeys = rules.fourEyesTasks();
		if (!taskKeys.isEmpty()) {
			// Unfiltered by the current user's history permissions: the rule must see
			// every
			// completer.
			// Unfinished ones too: a task completed in this very command (the one whose
			// completion creates this task) is not finished in history yet, but its
			// completion is already in the audit trail.
			List<HistoricTaskInstance> done = withoutAuthorization(
					() -> this.historyService.createHistoricTaskInstanceQuery()
						.processInstanceId(task.getProcessInstanceId())
						.taskDefinitionKeyIn(taskKeys.toArray(String[]::new))
						.list());
			for (HistoricTaskInstance historic : done) {
				var completions = this.auditEvents
					.findByItemTypeAndItemIdOrderByIdAsc(TaskRules.AUDIT_ITEM_TYPE, historic.getId())
					.stream()
					.filter((event) -> TaskRules.TASK_COMPLETED.equals(event.getAction()))
					.toList();
				if (historic.getEndTime() == null && completions.isEmpty()) {
					continue;
				}
				if (historic.getAssignee() != null) {
					proposers.add(historic.getAssignee());
				}
				// A task completed without being claimed has no assignee; the audit trail
				// knows who completed it.
				completions.stream()
					.filter((event) -> !AuditService.SYSTEM.equals(event.getActor()))
					.forEach((event) -> proposers.add(event.getActor()));
			}
		}
		return proposers;
	}

	/**
	 * Four-eyes without deadlock: when nobody but the proposers may work on a new task
	 * (its assignee proposed the matter, or every member of its candidate groups did),
	 * the task goes to the next group of its process's approval chain that has a member
	 * who did not, recorded as {@value TaskRules#TASK_REDIRECTED} and announced as
	 * {@link ApprovalRedirected}. Without a chain, or without such a group, the task
	 * stays where the process put it.
	 */
	private void redirectIfOnlyProposersMay(DelegateTask task, UserTaskRules rules) {
		List<String> chain = approvalChain(task);
		if (chain.isEmpty()) {
			return;
		}
		Set<String> proposers = proposers(task, rules);
		if (proposers.isEmpty()) {
			return;
		}
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
			else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
				users.add(link.getUserId());
			}
		}
		String assignee = task.getAssignee();
		if (assignee != null ? !proposers.contains(assignee) : anyoneBut(proposers, users, groups)) {
			return;
		}
		int next = 0;
		for (String group : groups) {
			next = Math.max(next, chain.indexOf(group) + 1);
		}
		String target = chain.subList(Math.min(next, chain.size()), chain.size())
			.stream()
			.filter((group) -> anyoneBut(proposers, List.of(), List.of(group)))
			.findFirst()
			.orElse(null);
		if (target == null) {
			logger.warn("Only the proposers {} may work on task {} ({}) and no later level of {} has anyone else",
					proposers, task.getId(), task.getTaskDefinitionKey(), chain);
			return;
		}
		if (assignee != null) {
			task.setAssignee(null);
		}
		removeCandidates((TaskEntity) task);
		task.addCandidateGroup(target);
		String before = (assignee != null) ? assignee : String.join(",", groups);
		record(TaskRules.TASK_REDIRECTED, task, before, target, "proposers=" + String.join(",", proposers));
		DelegateExecution execution = task.getExecution();
		this.events.publishEvent(new ApprovalRedirected(task.getId(), task.getName(), processDefinitionKey(task),
				task.getProcessInstanceId(), (execution != null) ? execution.getProcessBusinessKey() : null, groups,
				assignee, target, proposers));
	}

	/**
	 * Removes a new task's candidate users and groups. The task's own list is changed:
	 * its links are not in the database yet, where the engine's delete methods look.
	 */
	private static void removeCandidates(TaskEntity task) {
		for (IdentityLinkEntity link : new ArrayList<>(task.getIdentityLinks())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				task.getIdentityLinks().remove(link);
				link.delete();
			}
		}
	}

	/** Whether someone other than the proposers is one of the users or in the groups. */
	private boolean anyoneBut(Set<String> proposers, List<String> users, List<String> groups) {
		if (users.stream().anyMatch((user) -> !proposers.contains(user))) {
			return true;
		}
		for (String group : groups) {
			List<User> members = withoutAuthorization(
					() -> this.identityService.createUserQuery().memberOfGroup(group).listPage(0, MAX_MEMBERS));
			if (members.stream().anyMatch((member) -> !proposers.contains(member.getId()))) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static List<String> approvalChain(DelegateTask task) {
		if (Context.getProcessEngineConfiguration() == null || task.getProcessDefinitionId() == null) {
			return List.of();
		}
		ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
			.getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		Object chain = (definition != null) ? definition.getProperty(TaskRulesParseListener.APPROVAL_CHAIN_PROPERTY)
				: null;
		return (chain instanceof List<?> list) ? (List<String>) list : List.of();
	}

	private TaskRuleViolation fourEyesViolation(String userId, DelegateTask task) {
		logger.info("Four-eyes rule refused user {} on task {} ({})", userId, task.getId(),
				task.getTaskDefinitionKey());
		return new TaskRuleViolation(FOUR_EYES_MESSAGE,
				"user " + userId + " proposed this matter and may not approve it (four-eyes principle)");
	}

	private TaskCompletion completion(DelegateTask task, UserTaskRules rules) {
		DelegateExecution execution = task.getExecution();
		if (execution == null && task.getExecutionId() != null) {
			// another completion of this task committed while this one ran and removed
			// the task's execution: this one lost the race (409), it is no broken process
			throw new OptimisticLockingException("Task " + task.getId() + " was completed by someone else meanwhile");
		}
		return new TaskCompletion(processDefinitionKey(task), task.getTaskDefinitionKey(), task.getId(), task.getName(),
				task.getProcessInstanceId(), (execution != null) ? execution.getProcessBusinessKey() : null,
				this.audit.currentActor(), task.getAssignee(), rules.properties(), task);
	}

	private void record(String action, DelegateTask task, String before, String after, String extra) {
		this.audit.recordAs(this.audit.currentActor(), action, TaskRules.AUDIT_ITEM_TYPE, task.getId(), before, after,
				details(task) + ((extra != null) ? ", " + extra : ""));
	}

	private static String details(DelegateTask task) {
		DelegateExecution execution = task.getExecution();
		return "processKey=" + processDefinitionKey(task) + ", businessKey="
				+ ((execution != null) ? execution.getProcessBusinessKey() : null) + ", taskKey="
				+ task.getTaskDefinitionKey();
	}

	private static String processDefinitionKey(DelegateTask task) {
		if (task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null) {
			return execution.getProcessDefinition().getKey();
		}
		// The execution may be gone when a concurrent completion ended it first; the
		// definition is still known, and the engine then refuses this completion as a
		// conflict.
		if (task.getProcessDefinitionId() != null && Context.getProcessEngineConfiguration() != null) {
			ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
			return (definition != null) ? definition.getKey() : null;
		}
		return null;
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
