package org.rectifyflow.clue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.HandlingOutcome;
import org.rectifyflow.clue.internal.IntakeReceipt;
import org.rectifyflow.clue.internal.NewClue;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives clue process instances in tests: completing tasks as a given user and firing
 * timers by moving the engine clock. Public for the reliability suites, which race and
 * break the clue process from another package.
 */
public final class ClueTestSupport {

	private final ClueIntake intake;

	private final ClueRegister register;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	public ClueTestSupport(ClueIntake intake, ClueRegister register, RuntimeService runtimeService,
			TaskService taskService, ManagementService managementService) {
		this.intake = intake;
		this.register = register;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
	}

	/**
	 * Creates an active unit that clues may be about, unless it exists (integration tests
	 * run without the demo organisation).
	 * @param jdbc the application's database
	 * @param code the unit code
	 */
	public static void unit(JdbcTemplate jdbc, String code) {
		if (jdbc.queryForObject("select count(*) from unit where code = ?", Long.class, code) == 0) {
			jdbc.update("insert into unit (code, name, active, created_at) values (?, ?, true, now())", code,
					"测试单位" + code);
		}
	}

	public static NewClue anonymous(String unit, String category, String description) {
		return new NewClue("PHONE", unit, "张某", category, description, null, null, null, null);
	}

	static NewClue named(String unit, String description, String name, String contact, String email) {
		return new NewClue("PHONE", unit, "李某", "WORK_IMPLEMENTATION", description, null, name, contact, email);
	}

	public Clue receive(NewClue input) {
		IntakeReceipt receipt = this.intake.receive(input, List.of(), "discipline");
		return this.register.findByNumber(receipt.clueNumber()).orElseThrow();
	}

	ProcessInstance instance(Clue clue) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(clue.getProcessInstanceId())
			.singleResult();
	}

	public Task task(Clue clue, String key) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.processInstanceId(clue.getProcessInstanceId())
			.taskDefinitionKey(key)
			.list();
		assertThat(tasks).as("task %s", key).hasSize(1);
		return tasks.get(0);
	}

	public void complete(Clue clue, String key, String user, Map<String, Object> variables) {
		Task task = task(clue, key);
		this.taskService.claim(task.getId(), user);
		this.taskService.complete(task.getId(), variables);
	}

	public void register(Clue clue, boolean clear, boolean targeted, boolean specific, boolean quick) {
		complete(clue, ClueProcess.TASK_REGISTER, "discipline",
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "ACCEPT", ClueProcess.VAR_CLEAR, clear,
						ClueProcess.VAR_TARGETED, targeted, ClueProcess.VAR_SPECIFIC, specific, ClueProcess.VAR_QUICK,
						quick));
	}

	/**
	 * Takes a clear, quickly verifiable clue through the green channel to the approval of
	 * its handling opinion; {@code handler} disposes, investigates and proposes, and
	 * therefore may not approve it.
	 * @param clue a clue waiting at {@link ClueProcess#TASK_REGISTER}
	 * @param handler the member of the discipline group handling it
	 * @param outcome the proposed {@link HandlingOutcome}
	 * @return the {@link ClueProcess#TASK_APPROVE_OPINION} task
	 */
	public Task toOpinionApproval(Clue clue, String handler, HandlingOutcome outcome) {
		register(clue, true, true, true, true);
		complete(clue, ClueProcess.TASK_DISPOSE, handler, Map.of());
		complete(clue, ClueProcess.TASK_INVESTIGATE, handler,
				Map.of(ClueProcess.VAR_INVESTIGATION_FINDINGS, "经核查，情况属实"));
		complete(clue, ClueProcess.TASK_HANDLING_OPINION, handler, Map.of(ClueProcess.VAR_HANDLING_OUTCOME,
				outcome.name(), ClueProcess.VAR_HANDLING_OPINION, "拟" + outcome.label()));
		return task(clue, ClueProcess.TASK_APPROVE_OPINION);
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

	Clue reload(Clue clue) {
		return this.register.clue(clue.getId());
	}

}
