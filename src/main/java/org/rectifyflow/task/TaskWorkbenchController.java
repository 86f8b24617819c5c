package org.rectifyflow.task;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectifyflow.task.TaskWorkbench.OpinionView;
import org.rectifyflow.task.TaskWorkbench.Person;
import org.rectifyflow.task.TaskWorkbench.TaskSummary;
import org.rectifyflow.task.TaskWorkbench.TasklistControls;
import org.rectifyflow.task.TaskWorkbenchHistory.CompletedTask;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist shows around a task: its header (item, deadline in working days, latest
 * return reason, who delegated it), the opinions on its item, the people it may be copied
 * to, which of Tasklist's own controls the user can use, and the tasks the user completed
 * last (to withdraw one).
 */
@Tag(name = "任务操作 Task operations")
@RestController
class TaskWorkbenchController {

	private final TaskWorkbench workbench;

	private final TaskWorkbenchHistory history;

	TaskWorkbenchController(TaskWorkbench workbench, TaskWorkbenchHistory history) {
		this.workbench = workbench;
		this.history = history;
	}

	@Operation(operationId = "listCompletedTasks",
			summary = "The tasks the user completed last (我办过的), each with whether 撤回 can still take it back")
	@GetMapping("/api/tasks/completed")
	List<CompletedTask> completed(Principal user) {
		return this.history.completedBy(user.getName());
	}

	@Operation(operationId = "getTaskSummary",
			summary = "A task's item, its deadline in working days and the latest reason it was sent back")
	@GetMapping("/api/tasks/{id}/summary")
	TaskSummary summary(@PathVariable String id, Principal user) {
		return this.workbench.summary(id, user.getName());
	}

	@Operation(operationId = "listTaskOpinions",
			summary = "Every opinion on a task's item (审批意见 and 退回 reasons), oldest first")
	@GetMapping("/api/tasks/{id}/opinions")
	List<OpinionView> opinions(@PathVariable String id, Principal user) {
		return this.workbench.opinions(id, user.getName());
	}

	@Operation(operationId = "listTaskCopyTargets", summary = "The people a task may be copied to (抄送)")
	@GetMapping("/api/tasks/{id}/cc-targets")
	List<Person> copyTargets(@PathVariable String id, Principal user) {
		return this.workbench.copyTargets(id, user.getName());
	}

	@Operation(operationId = "getTasklistControls", summary = "Which of Tasklist's own controls the user can use")
	@GetMapping("/api/tasklist/controls")
	TasklistControls controls(Principal user) {
		return this.workbench.controls(user.getName());
	}

}
