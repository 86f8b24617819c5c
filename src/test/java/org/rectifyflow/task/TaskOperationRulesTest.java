package org.rectifyflow.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.rectifyflow.taskrules.TaskOperationRules;
import org.rectifyflow.taskrules.TaskOperationRules.Operation;
import org.rectifyflow.taskrules.TaskOperationRules.TransferScope;
import org.rectifyflow.testsupport.RectifyFlowTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations every deployed process declares on its user tasks, as the engine read
 * them when it deployed the process.
 */
@RectifyFlowTest
class TaskOperationRulesTest {

	/** Processes whose content only the owning group may see. */
	static final Set<String> CONFIDENTIAL = Set.of("clue", "inspection");

	@Autowired
	RepositoryService repositoryService;

	@Test
	void shouldDeclareTheOperationsOfEveryUserTaskOfEveryProcess() {
		List<String> problems = new ArrayList<>();
		int tasks = 0;
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			for (UserTask task : this.repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(UserTask.class)) {
				tasks++;
				TaskOperationRules rules = TaskOperationRules.of(this.repositoryService, definition.getId(),
						task.getId());
				String name = definition.getKey() + "/" + task.getId();
				if (rules.operations().isEmpty()) {
					problems.add(name + " declares no operation");
				}
				if (rules.allows(Operation.RETURN)) {
					var target = this.repositoryService.getBpmnModelInstance(definition.getId())
						.getModelElementById(rules.returnTo());
					if (!(target instanceof UserTask returned)
							|| returned.getParentElement() != task.getParentElement()) {
						problems.add(name + " returns to " + rules.returnTo() + ", not a user task of its scope");
					}
				}
				if (CONFIDENTIAL.contains(definition.getKey())
						&& (rules.transferTo() != TransferScope.OWNER_GROUP || rules.allows(Operation.CC))) {
					problems.add(name + " is confidential but may go beyond its owning group");
				}
			}
		}
		assertThat(tasks).isGreaterThan(30);
		assertThat(problems).isEmpty();
	}

}
