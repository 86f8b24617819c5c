package org.rectifyflow.recommendation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.recommendation.internal.RecommendationLetterRepository;
import org.rectifyflow.testsupport.ProcessFixture;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/** The recommendation process in the operations matrix: the letter follows its task. */
@Component
public class RecommendationFixture implements ProcessFixture {

	private static final Map<String, RecommendationLetter.Status> STATE_AT = Map.of(RecommendationProcess.TASK_DRAFT,
			RecommendationLetter.Status.DRAFTING, RecommendationProcess.TASK_APPROVE,
			RecommendationLetter.Status.APPROVING, RecommendationProcess.TASK_REPLY, RecommendationLetter.Status.ISSUED,
			RecommendationProcess.TASK_VERIFY, RecommendationLetter.Status.REPLIED);

	private static final List<String> ORDER = List.of(RecommendationProcess.TASK_DRAFT,
			RecommendationProcess.TASK_APPROVE, RecommendationProcess.TASK_REPLY, RecommendationProcess.TASK_VERIFY);

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final RecommendationLetterRepository letters;

	RecommendationFixture(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
			RecommendationLetterRepository letters) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
		this.letters = letters;
	}

	@Override
	public String processKey() {
		return RecommendationProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		String id;
		this.identityService.setAuthentication("discipline", List.of(Roles.DISCIPLINE_GROUP));
		try {
			id = this.runtimeService.startProcessInstanceByKey(RecommendationProcess.KEY).getId();
		}
		finally {
			this.identityService.clearAuthentication();
		}
		for (String step : ORDER.subList(0, ORDER.indexOf(taskKey))) {
			Task task = this.taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey(step).singleResult();
			this.taskService.complete(task.getId(), completion(task));
		}
		return id;
	}

	@Override
	public Map<String, Object> completion(Task task) {
		return switch (task.getTaskDefinitionKey()) {
			case RecommendationProcess.TASK_DRAFT ->
				Map.of(RecommendationProcess.VAR_LETTER_KIND, "DISCIPLINE", RecommendationProcess.VAR_UNIT_CODE, "u1",
						RecommendationProcess.VAR_PROBLEMS, "以会议落实会议", RecommendationProcess.VAR_REQUIREMENTS,
						"一、修订考核办法", RecommendationProcess.VAR_REPLY_WORKING_DAYS, 30L);
			case RecommendationProcess.TASK_APPROVE ->
				Map.of(RecommendationProcess.VAR_LETTER_APPROVED, true, RecommendationProcess.VAR_OPINION, "同意");
			case RecommendationProcess.TASK_REPLY -> Map.of(RecommendationProcess.VAR_REPLY_MEASURES, "已修订考核办法");
			case RecommendationProcess.TASK_VERIFY ->
				Map.of(RecommendationProcess.VAR_REPLY_ACCEPTED, false, RecommendationProcess.VAR_OPINION, "请附印发文件");
			default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
		};
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		RecommendationLetter letter = this.letters.findByProcessInstanceId(processInstanceId).orElseThrow();
		List<Task> open = this.taskService.createTaskQuery().processInstanceId(processInstanceId).list();
		if (open.isEmpty()) {
			assertThat(letter.getStatus()).isEqualTo(RecommendationLetter.Status.ACCEPTED);
			return;
		}
		for (Task task : open) {
			assertThat(letter.getStatus()).as(letter.getCode() + " at " + task.getTaskDefinitionKey())
				.isEqualTo(STATE_AT.get(task.getTaskDefinitionKey()));
		}
	}

}
