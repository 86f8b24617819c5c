package org.rectifyflow.reliability;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.rectifyflow.deadline.DeadlineTemplateProcess;

/**
 * One complete life of a process instance, driven through the engine's services as users
 * drive it: start, then every user task claimed and completed until the instance ends.
 * The lifecycle benchmark runs a domain lifecycle against a bare Camunda process with the
 * same number of user tasks and no domain code, in the same run, and reports the ratio.
 * {@link #userTasks()} tells the bare baseline how many user tasks to have.
 */
interface Lifecycle {

	String name();

	/** The number of user tasks one life completes. */
	int userTasks();

	/** Deploys what the lifecycle needs; called once. */
	default void prepare(ProcessEngine engine) {
	}

	/**
	 * Runs one life from start to end.
	 * @param engine the engine
	 * @param n the number of this life (for business keys)
	 */
	void run(ProcessEngine engine, int n);

	/**
	 * Claims and completes the open tasks of the instance until none is left.
	 * @param engine the engine
	 * @param processInstanceId the instance
	 * @param user who claims
	 * @param variables what each completion submits
	 * @return the number of tasks completed
	 */
	static int completeAll(ProcessEngine engine, String processInstanceId, String user, Map<String, Object> variables) {
		int completed = 0;
		Task task;
		while ((task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(processInstanceId)
			.active()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null)) != null) {
			engine.getTaskService().claim(task.getId(), user);
			engine.getTaskService().complete(task.getId(), variables);
			completed++;
		}
		return completed;
	}

	/**
	 * Bare Camunda: {@code tasks} user tasks in a row, no listeners, no domain code.
	 */
	record Bare(int tasks) implements Lifecycle {

		static final String KEY = "bench-bare";

		@Override
		public String name() {
			return "bare Camunda (" + this.tasks + " user tasks)";
		}

		@Override
		public int userTasks() {
			return this.tasks;
		}

		@Override
		public void prepare(ProcessEngine engine) {
			AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(KEY + this.tasks)
				.camundaHistoryTimeToLive(1)
				.startEvent();
			for (int i = 0; i < this.tasks; i++) {
				flow = flow.userTask("Task_" + i).name("任务" + i).camundaCandidateGroups("bench-group");
			}
			engine.getRepositoryService()
				.createDeployment()
				.addModelInstance(KEY + this.tasks + ".bpmn", flow.endEvent().done())
				.deploy();
		}

		@Override
		public void run(ProcessEngine engine, int n) {
			String id = engine.getRuntimeService().startProcessInstanceByKey(KEY + this.tasks, "BARE-" + n).getId();
			completeAll(engine, id, "bench-user", Map.of());
		}

	}

	/**
	 * The deadline pattern as every feature uses it ({@code deadline-template}): arming
	 * the deadline, reminder and escalation timers, the work and its review with
	 * approval, the end listener that resolves supervision notices, task rules and audit.
	 */
	final class DeadlinePatternLifecycle implements Lifecycle {

		@Override
		public String name() {
			return "deadline pattern (deadline-template)";
		}

		@Override
		public int userTasks() {
			return 2;
		}

		@Override
		public void run(ProcessEngine engine, int n) {
			String id = engine.getRuntimeService()
				.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "DL-" + n,
						Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, "bench-group"))
				.getId();
			int completed = completeAll(engine, id, "bench-user", Map.of(DeadlineTemplateProcess.VAR_APPROVED, true));
			if (completed != 2) {
				throw new IllegalStateException("deadline-template " + id + " completed " + completed + " tasks");
			}
		}

	}

}
