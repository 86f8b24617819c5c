package org.rectifyflow.clue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.clue.internal.ClueExtensions;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.ClueRepository;
import org.rectifyflow.testsupport.ProcessFixture;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clue process in the operations matrix: an anonymous clue about u1 on the standard
 * route (受理登记, 设定办结期限, 确定处置方式 …), shelving for the disposal approval, an extension
 * request for its approval; the clue's status follows its task.
 */
@Component
public class ClueFixture implements ProcessFixture {

	private static final Map<String, ClueStatus> STATUS_AT = Map.of(ClueProcess.TASK_REGISTER, ClueStatus.RECEIVED,
			ClueProcess.TASK_SET_DEADLINE, ClueStatus.ACCEPTED, ClueProcess.TASK_DISPOSE, ClueStatus.ACCEPTED,
			ClueProcess.TASK_APPROVE_DISPOSAL, ClueStatus.ACCEPTED, ClueProcess.TASK_INVESTIGATE,
			ClueStatus.INVESTIGATING, ClueProcess.TASK_HANDLING_OPINION, ClueStatus.INVESTIGATING,
			ClueProcess.TASK_APPROVE_OPINION, ClueStatus.INVESTIGATING, ClueProcess.TASK_APPROVE_EXTENSION,
			ClueStatus.INVESTIGATING, ClueProcess.TASK_WRITE_FEEDBACK, ClueStatus.INVESTIGATING);

	private static final List<String> ORDER = List.of(ClueProcess.TASK_REGISTER, ClueProcess.TASK_SET_DEADLINE,
			ClueProcess.TASK_DISPOSE, ClueProcess.TASK_INVESTIGATE, ClueProcess.TASK_HANDLING_OPINION,
			ClueProcess.TASK_APPROVE_OPINION, ClueProcess.TASK_WRITE_FEEDBACK);

	private final ClueTestSupport support;

	private final ClueRepository clues;

	private final ClueExtensions extensions;

	private final TaskService taskService;

	ClueFixture(ClueIntake intake, ClueRegister register, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService, ClueRepository clues, ClueExtensions extensions) {
		this.support = new ClueTestSupport(intake, register, runtimeService, taskService, managementService);
		this.clues = clues;
		this.extensions = extensions;
		this.taskService = taskService;
	}

	@Override
	public String processKey() {
		return ClueProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		Clue clue = this.support.receive(ClueTestSupport.anonymous("u1", "WORK_IMPLEMENTATION", "会议层层陪会"));
		String until = switch (taskKey) {
			case ClueProcess.TASK_APPROVE_DISPOSAL -> ClueProcess.TASK_DISPOSE;
			case ClueProcess.TASK_APPROVE_EXTENSION -> ClueProcess.TASK_HANDLING_OPINION;
			default -> taskKey;
		};
		for (String step : ORDER.subList(0, ORDER.indexOf(until))) {
			Task task = this.support.task(clue, step);
			this.taskService.claim(task.getId(), holder(step));
			this.taskService.complete(task.getId(), completion(task));
		}
		if (ClueProcess.TASK_APPROVE_DISPOSAL.equals(taskKey)) {
			this.support.complete(clue, ClueProcess.TASK_DISPOSE, "discipline",
					Map.of(ClueProcess.VAR_DISPOSAL, "SHELVE", ClueProcess.VAR_DISPOSAL_REASON, "线索不够具体，暂存待查"));
		}
		if (ClueProcess.TASK_APPROVE_EXTENSION.equals(taskKey)) {
			this.extensions.request(clue.getId(), "需要调取更多材料", 5, "discipline");
		}
		return clue.getProcessInstanceId();
	}

	private static String holder(String taskKey) {
		return switch (taskKey) {
			case ClueProcess.TASK_SET_DEADLINE, ClueProcess.TASK_APPROVE_DISPOSAL, ClueProcess.TASK_APPROVE_OPINION,
					ClueProcess.TASK_APPROVE_EXTENSION ->
				"disciplinelead";
			default -> "discipline";
		};
	}

	@Override
	public Map<String, Object> completion(Task task) {
		return switch (task.getTaskDefinitionKey()) {
			case ClueProcess.TASK_REGISTER ->
				Map.of(ClueProcess.VAR_REGISTRATION_DECISION, "ACCEPT", ClueProcess.VAR_CLEAR, true,
						ClueProcess.VAR_TARGETED, true, ClueProcess.VAR_SPECIFIC, true, ClueProcess.VAR_QUICK, false);
			case ClueProcess.TASK_SET_DEADLINE -> Map.of(ClueProcess.VAR_STANDARD_WORKING_DAYS, 10);
			case ClueProcess.TASK_DISPOSE -> Map.of(ClueProcess.VAR_DISPOSAL, "PRELIMINARY_VERIFICATION");
			case ClueProcess.TASK_APPROVE_DISPOSAL ->
				Map.of(ClueProcess.VAR_DISPOSAL_APPROVED, "true", "opinion", "同意暂存");
			case ClueProcess.TASK_INVESTIGATE -> Map.of(ClueProcess.VAR_INVESTIGATION_FINDINGS, "经核实，反映问题属实");
			case ClueProcess.TASK_HANDLING_OPINION ->
				Map.of(ClueProcess.VAR_HANDLING_OUTCOME, "CRITICISM", ClueProcess.VAR_HANDLING_OPINION, "批评教育");
			case ClueProcess.TASK_APPROVE_OPINION -> Map.of(ClueProcess.VAR_OPINION_APPROVED, "true");
			case ClueProcess.TASK_APPROVE_EXTENSION ->
				Map.of(ClueProcess.VAR_EXTENSION_APPROVED, "true", "opinion", "同意延期");
			case ClueProcess.TASK_WRITE_FEEDBACK -> Map.of(ClueProcess.VAR_FEEDBACK_TEXT, "已对相关单位批评教育，责令整改。");
			default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
		};
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		Clue clue = this.clues.findByProcessInstanceId(processInstanceId).orElseThrow();
		List<Task> open = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		if (open.isEmpty()) {
			assertThat(clue.getStatus()).as(clue.getNumber() + " with no task")
				.isIn(ClueStatus.SHELVED, ClueStatus.CLOSED);
			return;
		}
		for (Task task : open) {
			assertThat(clue.getStatus()).as(clue.getNumber() + " at " + task.getTaskDefinitionKey())
				.isEqualTo(STATUS_AT.get(task.getTaskDefinitionKey()));
		}
	}

}
