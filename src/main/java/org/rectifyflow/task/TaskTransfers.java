package org.rectifyflow.task;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.Unit;
import org.rectifyflow.task.TaskChecks.Permitted;
import org.rectifyflow.task.TaskOperations.TaskView;
import org.rectifyflow.task.TaskOperations.UserRef;
import org.rectifyflow.taskrules.TaskOperationRules;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办 (transfer a task to another user) and 委派 (delegate it; it comes back when the
 * delegate resolves it), only to the people the process declares for the task and never
 * to those the four-eyes rule keeps off it.
 */
@Service
@Transactional
public class TaskTransfers {

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final SystemAuthority system;

	private final Membership membership;

	private final TaskChecks checks;

	TaskTransfers(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
			IdentityService identityService, SystemAuthority system, Membership membership, TaskChecks checks) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.system = system;
		this.membership = membership;
		this.checks = checks;
	}

	/**
	 * 转办: hands the task to another user, who becomes its assignee.
	 * @param taskId the task
	 * @param userId the acting user
	 * @param targetUserId the new assignee
	 * @param reason why (required)
	 * @return the task after the transfer
	 */
	public TaskView transfer(String taskId, String userId, String targetUserId, String reason) {
		TaskChecks.requireText(reason, "转办原因", "reason");
		Permitted permitted = this.checks.permit(taskId, userId, Operation.TRANSFER,
				"您不能转办此任务：只有办理人、可认领该任务的人员或督办人员可以转办。",
				"Only the assignee, a candidate or a supervisor may transfer the task");
		Task task = permitted.task();
		this.checks.requireUser(targetUserId);
		requireTarget(task, permitted.rules(), userId, targetUserId, Operation.TRANSFER);
		if (targetUserId.equals(task.getAssignee())) {
			throw Refusal.conflict("该任务已由此人办理，无需转办。", "The task is already assigned to that user");
		}
		String before = task.getAssignee();
		this.system.run(() -> this.taskService.setAssignee(taskId, targetUserId));
		this.checks.record("TASK_TRANSFERRED", taskId, before, targetUserId, reason);
		this.checks.tell(targetUserId, this.checks.userName(userId) + " 将任务「" + task.getName() + "」转办给您：" + reason,
				taskId);
		return this.checks.view(taskId);
	}

	/**
	 * 委派: asks another user to work on the task; the task comes back to the acting user
	 * when the delegate resolves it.
	 * @param taskId the task
	 * @param userId the acting user, who must hold the task
	 * @param delegateUserId the delegate
	 * @param note what to do (optional)
	 * @return the delegated task
	 */
	public TaskView delegate(String taskId, String userId, String delegateUserId, String note) {
		Permitted permitted = this.checks.permit(taskId, userId, Operation.DELEGATE, "只有任务的办理人可以委派。请先认领该任务。",
				"Only the assignee may delegate the task");
		Task task = permitted.task();
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw Refusal.conflict("该任务正在委派中，不能再次委派。", "The task is already delegated");
		}
		this.checks.requireUser(delegateUserId);
		if (delegateUserId.equals(userId)) {
			throw Refusal.invalid("不能委派给自己。", "Cannot delegate to yourself");
		}
		requireTarget(task, permitted.rules(), userId, delegateUserId, Operation.DELEGATE);
		this.system.run(() -> this.taskService.delegateTask(taskId, delegateUserId));
		this.checks.record("TASK_DELEGATED", taskId, userId, delegateUserId, note);
		this.checks.tell(delegateUserId,
				this.checks.userName(userId) + " 委派您协助办理「" + task.getName() + "」" + TaskChecks.suffix(note, "："),
				taskId);
		return this.checks.view(taskId);
	}

	/**
	 * Gives a delegated task back to its owner.
	 * @param taskId the task
	 * @param userId the delegate
	 * @param note the result (optional)
	 * @return the task, assigned to its owner again
	 */
	public TaskView resolve(String taskId, String userId, String note) {
		Task task = this.checks.activeTask(taskId);
		if (task.getDelegationState() != DelegationState.PENDING || !userId.equals(task.getAssignee())) {
			throw Refusal.conflict("该任务不是委派给您的待办任务。", "The task is not delegated to you");
		}
		this.system.run(() -> this.taskService.resolveTask(taskId));
		this.checks.record("TASK_RESOLVED", taskId, userId, task.getOwner(), note);
		this.checks.tell(task.getOwner(),
				this.checks.userName(userId) + " 已完成委派的「" + task.getName() + "」" + TaskChecks.suffix(note, "："),
				taskId);
		return this.checks.view(taskId);
	}

	private void requireTarget(Task task, TaskOperationRules rules, String userId, String targetUserId,
			Operation operation) {
		if (targets(task, rules, userId, operation).stream().noneMatch((t) -> t.id().equals(targetUserId))) {
			throw Refusal.forbidden(
					"不能" + operation.label() + "给「" + this.checks.userName(targetUserId) + "」：只能" + operation.label()
							+ "给本环节的办理范围内的人员。",
					"User " + targetUserId + " is not an allowed target of " + operation.id());
		}
	}

	/**
	 * The users the task may be transferred or delegated to, as its process declares: not
	 * the acting user nor the current assignee, nor anyone the four-eyes rule keeps off.
	 * @param task an open task
	 * @param rules its declared operations
	 * @param userId the acting user
	 * @param operation {@link Operation#TRANSFER} or {@link Operation#DELEGATE}
	 * @return the users, sorted by id
	 */
	List<UserRef> targets(Task task, TaskOperationRules rules, String userId, Operation operation) {
		Set<String> groups = new LinkedHashSet<>();
		Set<String> users = new LinkedHashSet<>();
		List<IdentityLink> links = this.checks.candidateLinks(task);
		List<String> candidateGroups = links.stream().map(IdentityLink::getGroupId).filter((g) -> g != null).toList();
		String holder = (task.getOwner() != null) ? task.getOwner() : task.getAssignee();
		switch (rules.transferTo()) {
			case CANDIDATES -> {
				groups.addAll(candidateGroups);
				links.stream().map(IdentityLink::getUserId).filter((u) -> u != null).forEach(users::add);
			}
			case UNIT -> {
				candidateGroups.stream().filter(TaskTransfers::isUnitGroup).forEach(groups::add);
				if (holder != null) {
					this.membership.of(holder)
						.groups()
						.stream()
						.filter(TaskTransfers::isUnitGroup)
						.forEach(groups::add);
				}
			}
			case OWNER_GROUP -> {
				groups.addAll(candidateGroups);
				if (groups.isEmpty() && holder != null) {
					this.membership.of(holder)
						.groups()
						.stream()
						.filter((g) -> !g.startsWith(Unit.GROUP_PREFIX))
						.forEach(groups::add);
				}
			}
		}
		for (String group : groups) {
			this.system.call(() -> this.identityService.createUserQuery().memberOfGroup(group).list())
				.forEach((user) -> users.add(user.getId()));
		}
		users.remove(userId);
		users.remove(task.getAssignee());
		users.removeAll(fourEyesExcluded(task, rules));
		if (operation == Operation.DELEGATE && task.getOwner() != null) {
			users.remove(task.getOwner());
		}
		return users.stream().sorted().map((id) -> this.checks.userRef(id)).toList();
	}

	// "unit-leaders" shares the prefix of the units' groups but is a role across units.
	private static boolean isUnitGroup(String group) {
		return group.startsWith(Unit.GROUP_PREFIX) && !Roles.UNIT_LEADERS.equals(group);
	}

	/** The users the four-eyes rule keeps off the task: no operation hands it to them. */
	private Set<String> fourEyesExcluded(Task task, TaskOperationRules rules) {
		Set<String> excluded = new LinkedHashSet<>();
		if (rules.fourEyesVariable() != null) {
			Object proposer = this.system
				.call(() -> this.runtimeService.getVariable(task.getExecutionId(), rules.fourEyesVariable()));
			if (proposer != null) {
				excluded.add(String.valueOf(proposer));
			}
		}
		if (!rules.fourEyesTasks().isEmpty()) {
			this.system
				.call(() -> this.historyService.createHistoricTaskInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.taskDefinitionKeyIn(rules.fourEyesTasks().toArray(String[]::new))
					.finished()
					.list())
				.stream()
				.map(HistoricTaskInstance::getAssignee)
				.filter((a) -> a != null)
				.forEach(excluded::add);
		}
		return excluded;
	}

}
