package org.rectifyflow.clue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives clue process instances in tests: completing tasks as a given user and firing
 * timers by moving the engine clock.
 */
final class ClueTestSupport {

	private final ClueService clueService;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	ClueTestSupport(ClueService clueService, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService) {
		this.clueService = clueService;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
	}

	static NewClue anonymous(String unit, String category, String description) {
		return new NewClue("PHONE", unit, "张某", category, description, null, null, null, null);
	}

	static NewClue named(String unit, String description, String name, String contact, String email) {
		return new NewClue("PHONE", unit, "李某", "WORK_IMPLEMENTATION", description, null, name, contact, email);
	}

	Clue receive(NewClue input) {
		IntakeReceipt receipt = this.clueService.receive(input, List.of(), "discipline");
		return this.clueService.findByNumber(receipt.clueNumber()).orElseThrow();
	}

	ProcessInstance instance(Clue clue) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(clue.getProcessInstanceId())
			.singleResult();
	}

	Task task(Clue clue, String key) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.processInstanceId(clue.getProcessInstanceId())
			.taskDefinitionKey(key)
			.list();
		assertThat(tasks).as("task %s", key).hasSize(1);
		return tasks.get(0);
	}

	void complete(Clue clue, String key, String user, Map<String, Object> variables) {
		Task task = task(clue, key);
		this.taskService.claim(task.getId(), user);
		this.taskService.complete(task.getId(), variables);
	}

	void register(Clue clue, boolean clear, boolean targeted, boolean specific, boolean quick) {
		complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "ACCEPT", ClueProcess.VAR_CLEAR, clear,
						ClueProcess.VAR_TARGETED, targeted, ClueProcess.VAR_SPECIFIC, specific, ClueProcess.VAR_QUICK,
						quick));
	}

	Job timer(String processInstanceId, String activityId) {
		Job job = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.singleResult();
		assertThat(job).as("timer %s", activityId).isNotNull();
		return job;
	}

	void fire(String processInstanceId, String activityId) {
		Job job = timer(processInstanceId, activityId);
		ClockUtil.setCurrentTime(job.getDuedate());
		this.managementService.executeJob(job.getId());
	}

	Clue reload(Clue clue) {
		return this.clueService.clue(clue.getId());
	}

}
