package org.rectifyflow.task;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;

import org.springframework.stereotype.Service;

/**
 * 「我办过的」 in Tasklist: the tasks the user completed last, each with whether 撤回 can still
 * take it back. Tasklist itself lists open tasks only, so this is where a handler finds
 * the step it has just completed. Whether a task may be withdrawn is
 * {@link TaskOperations#available(String, String)}'s answer.
 */
@Service
public class TaskWorkbenchHistory {

	/** How many completed tasks the list shows. */
	static final int SHOWN = 15;

	private final HistoryService historyService;

	private final SystemAuthority system;

	private final TaskOperations operations;

	TaskWorkbenchHistory(HistoryService historyService, SystemAuthority system, TaskOperations operations) {
		this.historyService = historyService;
		this.system = system;
		this.operations = operations;
	}

	/**
	 * The tasks the user completed, newest first.
	 * @param userId the user
	 * @return at most {@value #SHOWN} tasks
	 */
	public List<CompletedTask> completedBy(String userId) {
		List<HistoricTaskInstance> done = this.system.call(() -> this.historyService.createHistoricTaskInstanceQuery()
			.taskAssignee(userId)
			.finished()
			.taskDeleteReason("completed")
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, SHOWN));
		return done.stream().map((task) -> view(task, userId)).toList();
	}

	private CompletedTask view(HistoricTaskInstance task, String userId) {
		HistoricProcessInstance process = (task.getProcessInstanceId() == null) ? null
				: this.system.call(() -> this.historyService.createHistoricProcessInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.singleResult());
		boolean withdrawable = this.operations.available(task.getId(), userId)
			.operations()
			.stream()
			.anyMatch((o) -> o.operation() == Operation.WITHDRAW);
		return new CompletedTask(task.getId(), task.getName(),
				(process != null) ? process.getProcessDefinitionName() : null,
				(process != null) ? process.getBusinessKey() : null,
				OffsetDateTime.ofInstant(task.getEndTime().toInstant(), ZoneId.systemDefault()), withdrawable);
	}

	/**
	 * A task the user completed.
	 *
	 * @param id the task
	 * @param name its name
	 * @param processName the name of its process
	 * @param businessKey the item's code
	 * @param completedAt when the user completed it
	 * @param withdrawable whether 撤回 can take it back now
	 */
	public record CompletedTask(String id, String name, String processName, String businessKey,
			OffsetDateTime completedAt, boolean withdrawable) {
	}

}
