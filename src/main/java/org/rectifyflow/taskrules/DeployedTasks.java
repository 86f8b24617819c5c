package org.rectifyflow.taskrules;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * What the deployed model says of a task, read from the engine's deployment cache inside
 * an engine command: its process definition, its user task's parsed inputs, its process
 * key, and the words an audit row uses for it.
 */
final class DeployedTasks {

	private DeployedTasks() {
	}

	/**
	 * @param task a task inside an engine command
	 * @return its process definition, or {@code null} outside a command or for a task of
	 * no process
	 */
	static ProcessDefinitionEntity definition(DelegateTask task) {
		ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
		if (configuration == null || task.getProcessDefinitionId() == null) {
			return null;
		}
		return configuration.getDeploymentCache().findDeployedProcessDefinitionById(task.getProcessDefinitionId());
	}

	/**
	 * @param task a task inside an engine command
	 * @return the inputs its form declares, as {@link TaskRulesParseListener} recorded
	 * them; {@code null} where none were recorded
	 */
	static TaskInputs inputs(DelegateTask task) {
		ProcessDefinitionEntity definition = definition(task);
		ActivityImpl activity = (definition != null) ? definition.findActivity(task.getTaskDefinitionKey()) : null;
		return (activity != null) ? activity.getProperties().get(TaskInputs.PROPERTY) : null;
	}

	/**
	 * @param task a task inside an engine command
	 * @return its process's key; known from the definition even when a concurrent
	 * completion has already removed the task's execution (the engine then refuses this
	 * one as a conflict)
	 */
	static String processKey(DelegateTask task) {
		if (task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null) {
			return execution.getProcessDefinition().getKey();
		}
		ProcessDefinitionEntity definition = definition(task);
		return (definition != null) ? definition.getKey() : null;
	}

	/**
	 * @param task a task
	 * @return its process's business key, {@code null} if it has none or its execution is
	 * gone
	 */
	static String businessKey(DelegateTask task) {
		DelegateExecution execution = task.getExecution();
		return (execution != null) ? execution.getProcessBusinessKey() : null;
	}

	/**
	 * @param task a task
	 * @return how an audit row names it: process key, business key and task key
	 */
	static String details(DelegateTask task) {
		return "processKey=" + processKey(task) + ", businessKey=" + businessKey(task) + ", taskKey="
				+ task.getTaskDefinitionKey();
	}

}
