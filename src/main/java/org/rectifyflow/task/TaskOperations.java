package org.rectifyflow.task;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.ProcessOperations;
import org.rectifyflow.taskrules.TaskOperationRules;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations Chinese approval users expect on any user task: 转办 transfer, 委派 delegate
 * and resolve ({@link TaskTransfers}), 退回 return to an earlier step and 撤回 withdraw a
 * completed step ({@link TaskMoves}), 抄送 copy ({@link TaskCopies}) and 催办 urge
 * ({@link TaskUrges}). Each process declares in its BPMN which of them apply to each user
 * task, to whom, and where 退回 goes ({@link TaskOperationRules}); an operation the task
 * does not declare is refused. 退回 and 撤回 move the process's domain record back through
 * its {@link ProcessOperations} in the same transaction as the engine. Every operation
 * checks who may act, changes the engine after that check, writes an audit event and
 * notifies the people concerned the same way ({@link TaskChecks}). This class answers
 * what a user may do on a task right now.
 */
@Service
@Transactional(readOnly = true)
public class TaskOperations {

	private final TaskChecks checks;

	private final TaskTransfers transfers;

	private final TaskMoves moves;

	TaskOperations(TaskChecks checks, TaskTransfers transfers, TaskMoves moves) {
		this.checks = checks;
		this.transfers = transfers;
		this.moves = moves;
	}

	/**
	 * What the user may do on the task right now: the operations the task declares and
	 * the user may perform in its current state, with the users it may go to. On a task
	 * the user completed, the answer is whether it may still be withdrawn.
	 * @param taskId an open task, or a task the user completed
	 * @param userId the user asking
	 * @return the operations available, with their targets
	 */
	public AvailableOperations available(String taskId, String userId) {
		Task task = this.checks.findTask(taskId);
		if (task == null) {
			return availableOnCompleted(taskId, userId);
		}
		TaskOperationRules rules = this.checks.rules(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
		List<OperationView> operations = new ArrayList<>();
		if (offers(task, rules, userId, Operation.TRANSFER)) {
			offerTo(operations, Operation.TRANSFER, this.transfers.targets(task, rules, userId, Operation.TRANSFER));
		}
		if (offers(task, rules, userId, Operation.DELEGATE) && task.getDelegationState() != DelegationState.PENDING) {
			offerTo(operations, Operation.DELEGATE, this.transfers.targets(task, rules, userId, Operation.DELEGATE));
		}
		if (offers(task, rules, userId, Operation.RETURN)) {
			HistoricActivityInstance previous = this.moves.returnStep(task, rules);
			if (previous != null) {
				operations.add(new OperationView(Operation.RETURN, List.of(),
						new Step(previous.getActivityId(), previous.getActivityName())));
			}
		}
		for (Operation operation : List.of(Operation.CC, Operation.URGE)) {
			if (offers(task, rules, userId, operation)) {
				operations.add(new OperationView(operation, List.of(), null));
			}
		}
		return new AvailableOperations(task.getId(), task.getName(), task.getTaskDefinitionKey(), true, operations);
	}

	private boolean offers(Task task, TaskOperationRules rules, String userId, Operation operation) {
		return rules.allows(operation) && this.checks.mayAct(task, userId, operation);
	}

	// A button without anybody to choose is no use: offered only with targets.
	private static void offerTo(List<OperationView> operations, Operation operation, List<UserRef> targets) {
		if (!targets.isEmpty()) {
			operations.add(new OperationView(operation, targets, null));
		}
	}

	private AvailableOperations availableOnCompleted(String taskId, String userId) {
		HistoricTaskInstance done = this.moves.completedTask(taskId);
		if (done == null || !userId.equals(done.getAssignee())) {
			throw Refusal.notFound("未找到该任务，或已被处理。", "No such task");
		}
		List<OperationView> operations = new ArrayList<>();
		if (this.moves.withdrawable(done)) {
			operations.add(new OperationView(Operation.WITHDRAW, List.of(), null));
		}
		return new AvailableOperations(done.getId(), done.getName(), done.getTaskDefinitionKey(), false, operations);
	}

	/**
	 * A task as the operations return it.
	 *
	 * @param id task id
	 * @param name task name
	 * @param taskDefinitionKey BPMN id
	 * @param processInstanceId process instance
	 * @param assignee current assignee
	 * @param owner owner (set while delegated)
	 * @param delegationState PENDING or RESOLVED while delegated
	 */
	public record TaskView(String id, String name, String taskDefinitionKey, String processInstanceId, String assignee,
			String owner, String delegationState) {
	}

	/**
	 * What a user may do on a task right now.
	 *
	 * @param taskId the task
	 * @param name its name
	 * @param taskDefinitionKey its BPMN id
	 * @param open whether the task is open (otherwise it was completed by the user)
	 * @param operations the operations available
	 */
	public record AvailableOperations(String taskId, String name, String taskDefinitionKey, boolean open,
			List<OperationView> operations) {
	}

	/**
	 * One available operation.
	 *
	 * @param operation the operation
	 * @param targets for 转办 and 委派, the users it may go to
	 * @param returnTo for 退回, the step it goes back to
	 */
	public record OperationView(Operation operation, List<UserRef> targets, Step returnTo) {

		/**
		 * @return the operation's name in the API, e.g. {@code transfer}
		 */
		public String getId() {
			return this.operation.id();
		}

		/**
		 * @return the operation's Chinese name
		 */
		public String getLabel() {
			return this.operation.label();
		}

	}

	/**
	 * A user as a target of an operation.
	 *
	 * @param id user id
	 * @param name the person's name
	 * @param unit the person's unit (or role groups)
	 */
	public record UserRef(String id, String name, String unit) {
	}

	/**
	 * A step of a process.
	 *
	 * @param taskDefinitionKey its BPMN id
	 * @param name its name
	 */
	public record Step(String taskDefinitionKey, String name) {
	}

	/**
	 * A copy (抄送) as its recipient sees it.
	 *
	 * @param id copy id
	 * @param taskId task
	 * @param businessKey the item's code
	 * @param taskName task name
	 * @param fromUser who copied it
	 * @param note note
	 * @param createdAt when
	 * @param readAt when read, or {@code null}
	 */
	public record CcView(Long id, String taskId, String businessKey, String taskName, String fromUser, String note,
			OffsetDateTime createdAt, OffsetDateTime readAt) {

		static CcView of(TaskCc cc) {
			return new CcView(cc.getId(), cc.getTaskId(), cc.getBusinessKey(), cc.getTaskName(), cc.getFromUser(),
					cc.getNote(), cc.getCreatedAt(), cc.getReadAt());
		}

	}

	/**
	 * A task as a copy's reader sees it.
	 *
	 * @param id task id
	 * @param name its name
	 * @param taskDefinitionKey its BPMN id
	 * @param processKey its process
	 * @param assignee who holds it, or held it
	 * @param created when it was created
	 * @param due its due date, or {@code null}
	 * @param ended when it ended, or {@code null} while open
	 */
	public record TaskState(String id, String name, String taskDefinitionKey, String processKey, String assignee,
			java.util.Date created, java.util.Date due, java.util.Date ended) {
	}

}
