package org.rectifyflow.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.task.TaskChecks.Permitted;
import org.rectifyflow.task.TaskOperations.TaskView;
import org.rectifyflow.taskrules.ProcessOperations;
import org.rectifyflow.taskrules.ProcessOperations.MoveBack;
import org.rectifyflow.taskrules.TaskOperationRules;
import org.rectifyflow.taskrules.TaskRules;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退回 (return a task to the step its process declares) and 撤回 (take back a completed step
 * while the next one has not been acted on). The process's domain record moves back
 * through its {@link ProcessOperations} in the same transaction as the engine, or the
 * operation is refused.
 */
@Service
@Transactional
public class TaskMoves {

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final SystemAuthority system;

	private final ObjectProvider<ProcessOperations> processOperations;

	private final TaskChecks checks;

	TaskMoves(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
			SystemAuthority system, ObjectProvider<ProcessOperations> processOperations, TaskChecks checks) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.system = system;
		this.processOperations = processOperations;
		this.checks = checks;
	}

	/**
	 * 退回: sends the process back to the user task the task declares
	 * ({@code rf:returnTo}), with an opinion; the domain record goes back with it.
	 * @param taskId the task to return
	 * @param userId the acting user, who holds or may claim the task
	 * @param opinion why (required)
	 * @return the recreated previous task
	 */
	public TaskView returnToPrevious(String taskId, String userId, String opinion) {
		TaskChecks.requireText(opinion, "退回意见", "opinion");
		Permitted permitted = this.checks.permit(taskId, userId, Operation.RETURN, "只有办理人或可认领该任务的人员可以退回。",
				"Only the assignee or a candidate may return the task");
		Task task = permitted.task();
		TaskOperationRules rules = permitted.rules();
		HistoricActivityInstance previous = returnStep(task, rules);
		if (previous == null) {
			throw Refusal.conflict("流程尚未经过要退回的环节，无法退回。",
					"The process has not passed " + rules.returnTo() + " yet; nothing to return to");
		}
		String ancestor = parentActivityInstance(task);
		moveDomainBack(task.getProcessDefinitionId(), task.getProcessInstanceId(), List.of(task),
				previous.getActivityId(), userId, opinion);
		modify(task.getProcessInstanceId(), previous.getActivityId(), ancestor, List.of(task));
		this.system.run(() -> this.taskService.createComment(null, task.getProcessInstanceId(),
				"退回「" + task.getName() + "」：" + opinion));
		this.checks.record("TASK_RETURNED", taskId, task.getTaskDefinitionKey(), previous.getActivityId(), opinion);
		Task recreated = newestTask(task.getProcessInstanceId(), previous.getActivityId());
		this.system.run(() -> this.taskService.setVariableLocal(recreated.getId(), TaskRules.RETURN_OPINION,
				"「" + task.getName() + "」退回：" + opinion));
		String previousAssignee = previousAssignee(task.getProcessInstanceId(), previous.getActivityId());
		if (previousAssignee != null) {
			this.checks.tell(previousAssignee,
					"「" + task.getName() + "」将您办理的「" + previous.getActivityName() + "」退回：" + opinion,
					recreated.getId());
		}
		return this.checks.view(recreated);
	}

	/**
	 * 撤回: takes back a step the user completed, while none of the tasks it created has
	 * been acted on (claimed, transferred or delegated; a task the process assigned by
	 * itself does not count as acted on). The domain record goes back with it.
	 * @param completedTaskId the completed task (from history)
	 * @param userId the user who completed it
	 * @return the recreated task
	 */
	public TaskView withdraw(String completedTaskId, String userId) {
		HistoricTaskInstance done = completedTask(completedTaskId);
		if (done == null) {
			throw Refusal.notFound("未找到该任务。", "No such task");
		}
		if (done.getEndTime() == null || !"completed".equals(done.getDeleteReason())) {
			throw Refusal.conflict("该任务尚未办结，无需撤回。", "The task has not been completed");
		}
		if (!userId.equals(done.getAssignee())) {
			throw Refusal.forbidden("只能撤回本人办结的任务。", "Only the user who completed the task may withdraw it");
		}
		this.checks.declared(done.getProcessDefinitionId(), done.getTaskDefinitionKey(), done.getName(),
				Operation.WITHDRAW);
		List<Task> next = nextTasks(done);
		if (next.isEmpty()) {
			throw Refusal.conflict("流程已经继续，无法撤回。", "The process has moved on; nothing to withdraw");
		}
		if (loopsBack(done, next)) {
			throw Refusal.conflict("流程已回到「" + done.getName() + "」，本环节已登记的办理结果无需撤回。",
					"The process is back at " + done.getTaskDefinitionKey() + "; nothing to withdraw");
		}
		if (next.stream().anyMatch(this::actedOn)) {
			throw Refusal.conflict("下一环节已被认领办理，无法撤回。", "The next task has already been acted on");
		}
		String ancestor = parentActivityInstance(next.get(0));
		moveDomainBack(done.getProcessDefinitionId(), done.getProcessInstanceId(), next, done.getTaskDefinitionKey(),
				userId, null);
		modify(done.getProcessInstanceId(), done.getTaskDefinitionKey(), ancestor, next);
		this.checks.record("TASK_WITHDRAWN", completedTaskId,
				next.stream().map(Task::getTaskDefinitionKey).toList().toString(), done.getTaskDefinitionKey(), null);
		Task recreated = newestTask(done.getProcessInstanceId(), done.getTaskDefinitionKey());
		this.system.run(() -> this.taskService.setAssignee(recreated.getId(), userId));
		return this.checks.view(recreated.getId());
	}

	HistoricTaskInstance completedTask(String taskId) {
		return this.system
			.call(() -> this.historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
	}

	/**
	 * @param done a task the user completed
	 * @return whether 撤回 may take it back now
	 */
	boolean withdrawable(HistoricTaskInstance done) {
		if (!this.checks.rules(done.getProcessDefinitionId(), done.getTaskDefinitionKey()).allows(Operation.WITHDRAW)
				|| !"completed".equals(done.getDeleteReason())) {
			return false;
		}
		List<Task> next = nextTasks(done);
		return !next.isEmpty() && !loopsBack(done, next) && next.stream().noneMatch(this::actedOn)
				&& domainMayMoveBack(done.getProcessDefinitionId(), next, done.getTaskDefinitionKey());
	}

	/** Whether the process's record would go back with the engine (no refusal). */
	private boolean domainMayMoveBack(String processDefinitionId, List<Task> from, String toTaskKey) {
		String key = this.checks.processKey(processDefinitionId);
		List<String> fromKeys = from.stream().map(Task::getTaskDefinitionKey).toList();
		return this.processOperations.orderedStream()
			.filter((operations) -> operations.processKey().equals(key))
			.allMatch((operations) -> operations.mayMoveBack(fromKeys, toTaskKey));
	}

	/**
	 * @param task an open task
	 * @param rules its declared operations
	 * @return the latest completed instance of the step a 退回 goes to, or {@code null}
	 * when the process has not passed it
	 */
	HistoricActivityInstance returnStep(Task task, TaskOperationRules rules) {
		return this.system.call(() -> this.historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId(rules.returnTo())
			.finished()
			.list()
			.stream()
			.filter((a) -> !a.getEndTime().after(task.getCreateTime()))
			.filter((a) -> !a.isCanceled())
			.max(Comparator.comparing(HistoricActivityInstance::getEndTime)
				.thenComparing(HistoricActivityInstance::getStartTime))
			.orElse(null));
	}

	private static boolean loopsBack(HistoricTaskInstance done, List<Task> next) {
		return next.stream().anyMatch((t) -> t.getTaskDefinitionKey().equals(done.getTaskDefinitionKey()));
	}

	private List<Task> nextTasks(HistoricTaskInstance done) {
		return this.system.call(() -> this.taskService.createTaskQuery()
			.processInstanceId(done.getProcessInstanceId())
			.taskCreatedAfter(new Date(done.getEndTime().getTime() - 1))
			.list());
	}

	/**
	 * Whether someone has done something on the task: claimed it, had it transferred or
	 * delegated. The assignment the process makes when it creates the task does not
	 * count.
	 */
	private boolean actedOn(Task task) {
		if (task.getDelegationState() != null) {
			return true;
		}
		boolean automatic = this.checks.rules(task.getProcessDefinitionId(), task.getTaskDefinitionKey())
			.assignedAutomatically();
		long assignments = this.system.call(() -> this.historyService.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.ASSIGNEE)
			.operationType("add")
			.count());
		return assignments > (automatic ? 1 : 0);
	}

	private void moveDomainBack(String processDefinitionId, String processInstanceId, List<Task> from, String toTaskKey,
			String userId, String opinion) {
		String key = this.checks.processKey(processDefinitionId);
		String businessKey = this.checks.businessKey(processInstanceId);
		MoveBack move = new MoveBack(processInstanceId, businessKey,
				from.stream().map(Task::getTaskDefinitionKey).toList(), toTaskKey, userId, opinion);
		this.processOperations.orderedStream()
			.filter((operations) -> operations.processKey().equals(key))
			.forEach((operations) -> operations.movedBack(move));
	}

	private void modify(String processInstanceId, String startActivityId, String ancestorActivityInstanceId,
			List<Task> cancel) {
		try {
			this.system.run(() -> {
				ActivityInstance tree = this.runtimeService.getActivityInstance(processInstanceId);
				ProcessInstanceModificationBuilder modification = this.runtimeService
					.createProcessInstanceModification(processInstanceId)
					.startBeforeActivity(startActivityId, ancestorActivityInstanceId);
				for (Task task : cancel) {
					for (String instanceId : activityInstancesOf(tree, task)) {
						modification = modification.cancelActivityInstance(instanceId);
					}
				}
				modification.execute(false, false);
			});
		}
		catch (ProcessEngineException ex) {
			throw Refusal.conflict("该环节无法退回或撤回（不在同一办理范围内）。", "Cannot move the process back: " + ex.getMessage());
		}
	}

	private static List<String> activityInstancesOf(ActivityInstance tree, Task task) {
		List<String> found = new ArrayList<>();
		collect(tree, task, found);
		return found;
	}

	private static void collect(ActivityInstance node, Task task, List<String> found) {
		if (isInstanceOf(node, task)) {
			found.add(node.getId());
		}
		for (ActivityInstance child : node.getChildActivityInstances()) {
			collect(child, task, found);
		}
	}

	private static boolean isInstanceOf(ActivityInstance node, Task task) {
		return task.getTaskDefinitionKey().equals(node.getActivityId())
				&& List.of(node.getExecutionIds()).contains(task.getExecutionId());
	}

	private String parentActivityInstance(Task task) {
		return this.system
			.call(() -> parentOf(this.runtimeService.getActivityInstance(task.getProcessInstanceId()), task));
	}

	private static String parentOf(ActivityInstance node, Task task) {
		for (ActivityInstance child : node.getChildActivityInstances()) {
			if (isInstanceOf(child, task)) {
				return node.getId();
			}
			String nested = parentOf(child, task);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private String previousAssignee(String processInstanceId, String activityId) {
		return this.system.call(() -> this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(activityId)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.list()
			.stream()
			.map(HistoricTaskInstance::getAssignee)
			.filter((a) -> a != null)
			.findFirst()
			.orElse(null));
	}

	private Task newestTask(String processInstanceId, String taskDefinitionKey) {
		return this.system.call(() -> this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskDefinitionKey)
			.orderByTaskCreateTime()
			.desc()
			.list()
			.get(0));
	}

}
