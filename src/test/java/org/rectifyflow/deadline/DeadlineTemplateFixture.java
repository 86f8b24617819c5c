package org.rectifyflow.deadline;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.rectifyflow.testsupport.ProcessFixture;

import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline template in the operations matrix: work for unit u1, reviewed by the
 * campaign office; it has no domain record, so consistency is one open task or an ended
 * process.
 */
@Component
public class DeadlineTemplateFixture implements ProcessFixture {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	DeadlineTemplateFixture(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	@Override
	public String processKey() {
		return DeadlineTemplateProcess.KEY;
	}

	@Override
	public String reach(String taskKey) {
		String id = this.runtimeService
			.startProcessInstanceByKey(DeadlineTemplateProcess.KEY, "MX-" + System.nanoTime(),
					Map.of(DeadlineTemplateProcess.VAR_WORK_GROUP, "unit-u1"))
			.getId();
		if (DeadlineTemplateProcess.TASK_REVIEW.equals(taskKey)) {
			Task work = this.taskService.createTaskQuery().processInstanceId(id).singleResult();
			this.taskService.claim(work.getId(), "u1");
			this.taskService.complete(work.getId(), completion(work));
		}
		return id;
	}

	@Override
	public Map<String, Object> completion(Task task) {
		return DeadlineTemplateProcess.TASK_WORK.equals(task.getTaskDefinitionKey()) ? Map.of("result", "已办理")
				: Map.of(DeadlineTemplateProcess.VAR_APPROVED, true, "opinion", "同意");
	}

	@Override
	public void assertConsistent(String processInstanceId) {
		assertThat(this.taskService.createTaskQuery().processInstanceId(processInstanceId).count())
			.isLessThanOrEqualTo(1);
	}

}
