package org.rectifyflow.task;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.notification.Notifier;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.task.TaskOperations.TaskView;
import org.rectifyflow.taskrules.TaskOperationRules;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;

import org.springframework.stereotype.Component;

/**
 * The one way every task operation checks who may act, reads the task and its process,
 * records what was done and tells the people concerned. Who may start an operation
 * depends on their relation to the task ({@link Actor}); the process must declare the
 * operation on the task ({@link TaskOperationRules}); the engine is read and changed with
 * {@link SystemAuthority} only after those checks.
 */
@Component
class TaskChecks {

	static final String TASKLIST_LINK = "/camunda/app/tasklist/default/#/?task=";

	static final String AUDIT_ITEM_TYPE = "task";

	/** How a user relates to an open task. */
	enum Actor {

		/** The task's assignee. */
		HOLDER,
		/** A candidate who may claim the unassigned task. */
		CANDIDATE,
		/** A member of a group supervising the task's process. */
		SUPERVISOR

	}

	/** Who may start each operation on an open task (撤回 acts on a completed one). */
	private static final Map<Operation, Set<Actor>> ACTORS = Map.of(Operation.TRANSFER, EnumSet.allOf(Actor.class),
			Operation.DELEGATE, EnumSet.of(Actor.HOLDER), Operation.RETURN, EnumSet.of(Actor.HOLDER, Actor.CANDIDATE),
			Operation.CC, EnumSet.allOf(Actor.class), Operation.URGE, EnumSet.of(Actor.SUPERVISOR));

	private final TaskService taskService;

	private final HistoryService historyService;

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final SystemAuthority system;

	private final AuditService audit;

	private final Notifier notifier;

	private final TaskOperationsProperties properties;

	private final OrganisationService organisation;

	TaskChecks(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
			RepositoryService repositoryService, IdentityService identityService, SystemAuthority system,
			AuditService audit, Notifier notifier, TaskOperationsProperties properties,
			OrganisationService organisation) {
		this.organisation = organisation;
		this.taskService = taskService;
		this.historyService = historyService;
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.system = system;
		this.audit = audit;
		this.notifier = notifier;
		this.properties = properties;
	}

	/**
	 * Reads an open task and checks that the user may start the operation on it and that
	 * its process declares the operation there.
	 * @param taskId the task
	 * @param userId the acting user
	 * @param operation the operation
	 * @param forbiddenZh the Chinese refusal when the user may not act
	 * @param forbiddenEn the English refusal
	 * @return the task with its declared rules
	 */
	Permitted permit(String taskId, String userId, Operation operation, String forbiddenZh, String forbiddenEn) {
		Task task = activeTask(taskId);
		if (!mayAct(task, userId, operation)) {
			throw Refusal.forbidden(forbiddenZh, forbiddenEn);
		}
		return new Permitted(task, declared(task, operation));
	}

	/**
	 * @param task an open task
	 * @param userId a user
	 * @param operation an operation on open tasks
	 * @return whether the user's relation to the task lets them start the operation
	 */
	boolean mayAct(Task task, String userId, Operation operation) {
		Set<Actor> actors = ACTORS.getOrDefault(operation, Set.of());
		return (actors.contains(Actor.HOLDER) && holds(task, userId))
				|| (actors.contains(Actor.CANDIDATE) && mayClaim(task, userId))
				|| (actors.contains(Actor.SUPERVISOR) && supervises(task, userId));
	}

	TaskOperationRules declared(Task task, Operation operation) {
		return declared(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName(), operation);
	}

	TaskOperationRules declared(String processDefinitionId, String taskKey, String taskName, Operation operation) {
		TaskOperationRules rules = rules(processDefinitionId, taskKey);
		if (!rules.allows(operation)) {
			throw Refusal.conflict("「" + taskName + "」环节不能" + operation.label() + "。",
					"Task " + taskKey + " does not allow " + operation.id());
		}
		return rules;
	}

	TaskOperationRules rules(String processDefinitionId, String taskKey) {
		return this.system.call(() -> TaskOperationRules.of(this.repositoryService, processDefinitionId, taskKey));
	}

	Task activeTask(String taskId) {
		Task task = findTask(taskId);
		if (task == null) {
			throw Refusal.notFound("未找到该任务，或已被处理。", "No such open task");
		}
		return task;
	}

	Task findTask(String taskId) {
		return this.system.call(() -> this.taskService.createTaskQuery().taskId(taskId).singleResult());
	}

	boolean holds(Task task, String userId) {
		return userId.equals(task.getAssignee());
	}

	boolean mayClaim(Task task, String userId) {
		if (task.getAssignee() != null) {
			return false;
		}
		List<String> groups = groupsOf(userId);
		return candidateLinks(task).stream()
			.anyMatch((link) -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId()));
	}

	boolean supervises(Task task, String userId) {
		return this.properties.covers(groupsOf(userId), processKey(task.getProcessDefinitionId()));
	}

	List<IdentityLink> candidateLinks(Task task) {
		return this.system.call(() -> this.taskService.getIdentityLinksForTask(task.getId()))
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.toList();
	}

	List<String> candidateGroups(Task task) {
		return candidateLinks(task).stream().map(IdentityLink::getGroupId).filter((g) -> g != null).toList();
	}

	/**
	 * @param task an open task
	 * @return its assignee, or its candidate users when nobody holds it
	 */
	List<String> responsibleUsers(Task task) {
		if (task.getAssignee() != null) {
			return List.of(task.getAssignee());
		}
		return candidateLinks(task).stream().map(IdentityLink::getUserId).filter((u) -> u != null).toList();
	}

	String processKey(String processDefinitionId) {
		if (processDefinitionId == null) {
			return "";
		}
		return this.system.call(() -> this.repositoryService.getProcessDefinition(processDefinitionId).getKey());
	}

	String businessKey(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		return this.system.call(() -> {
			var instance = this.runtimeService.createProcessInstanceQuery()
				.processInstanceId(processInstanceId)
				.singleResult();
			return (instance != null) ? instance.getBusinessKey() : null;
		});
	}

	List<String> groupsOf(String userId) {
		return this.system.call(() -> this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
	}

	void requireUser(String userId) {
		if (userId == null || userId.isBlank() || this.identityService.createUserQuery().userId(userId).count() == 0) {
			throw Refusal.invalid("用户「" + userId + "」不存在。", "No such user: " + userId);
		}
	}

	/** A person as messages name them: 「孙晓明（办公室）」. */
	String userName(String userId) {
		return this.organisation.personLabel(userId);
	}

	/** A person to choose in an operation's dialog, by name and unit. */
	TaskOperations.UserRef userRef(String userId) {
		return new TaskOperations.UserRef(userId, this.organisation.personName(userId),
				this.organisation.placesOf(userId));
	}

	static void requireText(String value, String labelZh, String field) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid("请填写" + labelZh + "。", "'" + field + "' is required");
		}
		requireAtMost(value, 2000, labelZh, field);
	}

	static void requireAtMost(String value, int max, String labelZh, String field) {
		if (value != null && value.length() > max) {
			throw Refusal.invalid(labelZh + "不能超过 " + max + " 个字。", "'" + field + "' is too long");
		}
	}

	/**
	 * @param note an optional note
	 * @param separator what stands before it
	 * @return the note with its separator, or nothing when there is none
	 */
	static String suffix(String note, String separator) {
		return (note != null && !note.isBlank()) ? separator + note : "";
	}

	/**
	 * Records an operation on a task in the audit trail.
	 * @param event what was done, e.g. {@code TASK_TRANSFERRED}
	 * @param taskId the task
	 * @param before the state before (e.g. the former assignee)
	 * @param after the state after
	 * @param note the reason or note given
	 */
	void record(String event, String taskId, String before, String after, String note) {
		this.audit.record(event, AUDIT_ITEM_TYPE, taskId, before, after, note);
	}

	/**
	 * Tells a user about an operation, linking to the task in Tasklist.
	 * @param userId the user
	 * @param text the notice
	 * @param taskId the task the link opens
	 */
	void tell(String userId, String text, String taskId) {
		this.notifier.notifyUser(userId, text, TASKLIST_LINK + taskId);
	}

	/**
	 * Tells whoever holds the task or, while nobody does, its candidates.
	 * @param task an open task
	 * @param text the notice
	 */
	void tellResponsible(Task task, String text) {
		for (String recipient : responsibleUsers(task)) {
			tell(recipient, text, task.getId());
		}
		if (task.getAssignee() == null) {
			for (String group : candidateGroups(task)) {
				this.notifier.notifyGroup(group, text, TASKLIST_LINK + task.getId());
			}
		}
	}

	/**
	 * What a reader of a copied task may see of it: its name, where it stands and who
	 * holds it, from history so that a completed task is shown too; never its variables.
	 * @param taskId the task
	 * @return its state
	 */
	TaskOperations.TaskState taskState(String taskId) {
		HistoricTaskInstance task = this.system
			.call(() -> this.historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
		if (task == null) {
			throw Refusal.notFound("未找到该任务。", "No such task");
		}
		return new TaskOperations.TaskState(task.getId(), task.getName(), task.getTaskDefinitionKey(),
				processKey(task.getProcessDefinitionId()), task.getAssignee(), task.getStartTime(), task.getDueDate(),
				task.getEndTime());
	}

	TaskView view(Task task) {
		return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
				task.getAssignee(), task.getOwner(),
				(task.getDelegationState() != null) ? task.getDelegationState().name() : null);
	}

	TaskView view(String taskId) {
		return view(activeTask(taskId));
	}

	/**
	 * An open task a user may operate on.
	 *
	 * @param task the task
	 * @param rules the operations its process declares on it
	 */
	record Permitted(Task task, TaskOperationRules rules) {
	}

}
