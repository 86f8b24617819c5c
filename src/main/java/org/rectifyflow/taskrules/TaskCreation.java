package org.rectifyflow.taskrules;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A user task being created, as {@link ProcessTasks#created(TaskCreation)} sees it: which
 * task of which process instance, and a way to fill its form.
 */
public final class TaskCreation {

	private final String processDefinitionKey;

	private final DelegateTask task;

	TaskCreation(String processDefinitionKey, DelegateTask task) {
		this.processDefinitionKey = processDefinitionKey;
		this.task = task;
	}

	public String getProcessDefinitionKey() {
		return this.processDefinitionKey;
	}

	public String getTaskDefinitionKey() {
		return this.task.getTaskDefinitionKey();
	}

	public String getTaskId() {
		return this.task.getId();
	}

	public String getProcessInstanceId() {
		return this.task.getProcessInstanceId();
	}

	/**
	 * @return the business key of the process instance (the domain record's code), set by
	 * the system when the process started
	 */
	public String getBusinessKey() {
		return (this.task.getExecution() != null) ? this.task.getExecution().getProcessBusinessKey() : null;
	}

	/**
	 * A variable as the task sees it (written by the system: ids, routing flags).
	 * @param name the variable name
	 * @return its value, or {@code null}
	 */
	public Object variable(String name) {
		return this.task.getVariable(name);
	}

	/**
	 * Sets a value the task's form shows, as a task-local variable: it ends with the task
	 * and never grows the process instance.
	 * @param name the form field's key
	 * @param value the value
	 */
	public void show(String name, Object value) {
		this.task.setVariableLocal(name, value);
	}

}
