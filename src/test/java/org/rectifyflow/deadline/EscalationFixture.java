package org.rectifyflow.deadline;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.testsupport.ProcessFixture;
import org.rectifyflow.testsupport.EngineClock;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation ladder in the operations matrix: the work of a deadline-template
 * instance an hour overdue, so that level 1 (supervisors) holds one 督办 task; its domain
 * record is the ladder's supervision notice, which stays one OPEN notice at level 1
 * whatever is done with the task.
 */
@Component
public class EscalationFixture implements ProcessFixture {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final SupervisionService supervision;

	EscalationFixture(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
			SupervisionService supervision) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.historyService = historyService;
		this.supervision = supervision;
	}

	@Override
	public String processKey() {
		return EscalationProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		String overdue = this.runtimeService
			.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "MX-OVERDUE-" + System.nanoTime(),
					Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-u1"))
			.getId();
		Date deadline = Date.from(EngineClock.now().toInstant().minus(Duration.ofHours(1)));
		// as the template's deadline timer does: its escalation subprocess calls the
		// ladder
		this.runtimeService.createProcessInstanceModification(overdue)
			.startBeforeActivity(DeadlinePattern.CALL_ESCALATION)
			.setVariableLocal(EscalationProcess.VAR_DEADLINE_AT, deadline)
			.execute();
		return this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(overdue)
			.processDefinitionKey(EscalationProcess.KEY)
			.singleResult()
			.getId();
	}

	@Override
	public Map<String, Object> completion(Task task) {
		return Map.of("supervisionNote", "已电话督促承办人，要求三个工作日内报送进展");
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		String overdue = this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getSuperProcessInstanceId();
		List<SupervisionNotice> notices = this.supervision.notices(overdue);
		assertThat(notices).as("the ladder's notices").singleElement().satisfies((notice) -> {
			assertThat(notice.getLevel()).isEqualTo(1);
			assertThat(notice.getEscalationGroup()).isEqualTo("supervisors");
			assertThat(notice.getStatus()).isEqualTo(SupervisionNotice.Status.OPEN);
		});
		assertThat(this.taskService.createTaskQuery().processInstanceId(processInstanceId).count())
			.as("open 督办 tasks of the ladder")
			.isLessThanOrEqualTo(1);
	}

}
