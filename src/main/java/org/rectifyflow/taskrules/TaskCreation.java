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

	/**
	 * Sets the options of a select, radio group, checklist or taglist whose
	 * {@code valuesKey} is {@code name}: Chinese labels shown, opaque values submitted.
	 * Task-local: the options end with the task and never reach history.
	 * @param name the {@code valuesKey} of the form field
	 * @param labelsByValue the options' labels by their values, in order
	 */
	public void options(String name, java.util.Map<String, String> labelsByValue) {
		this.task.setVariableLocal(name, FormList.options(labelsByValue));
	}

	/**
	 * Starts a form's list (a dynamic list, checklist or taglist whose value is one of
	 * the task's {@link TaskInputs#carriers() carriers}) with the given rows, e.g. a
	 * draft saved earlier. The rows are put on the task's execution, where the form's
	 * submission (Tasklist, engine REST or Java API alike) replaces them; the task rules
	 * remove them when the task ends.
	 * @param name the list's variable (the dynamic list's path)
	 * @param rows each row's fields by key
	 */
	public void carry(String name, java.util.List<? extends java.util.Map<String, ?>> rows) {
		if (this.task.getExecution() != null) {
			this.task.getExecution().setVariableLocal(name, FormList.json(rows));
		}
	}

	/**
	 * Starts a form's checklist or taglist (one of the task's
	 * {@link TaskInputs#carriers() carriers}) with the given values checked, as
	 * {@link #carry} does for a dynamic list.
	 * @param name the field's key
	 * @param values the options' values to check
	 */
	public void carryValues(String name, java.util.Collection<String> values) {
		if (this.task.getExecution() != null) {
			this.task.getExecution().setVariableLocal(name, FormList.values(values));
		}
	}

}
