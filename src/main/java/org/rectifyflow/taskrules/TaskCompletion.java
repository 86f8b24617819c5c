package org.rectifyflow.taskrules;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Read-only view of a user task being completed, given to
 * {@link TaskCompletionValidator}s. Variables are those the task sees (its local
 * variables, then the process instance's), including the ones submitted with the
 * completion.
 */
public final class TaskCompletion {

	private final String processDefinitionKey;

	private final String taskDefinitionKey;

	private final String taskId;

	private final String taskName;

	private final String processInstanceId;

	private final String businessKey;

	private final String userId;

	private final String assignee;

	private final Map<String, String> properties;

	private final VariableScope variables;

	TaskCompletion(String processDefinitionKey, String taskDefinitionKey, String taskId, String taskName,
			String processInstanceId, String businessKey, String userId, String assignee,
			Map<String, String> properties, VariableScope variables) {
		this.processDefinitionKey = processDefinitionKey;
		this.taskDefinitionKey = taskDefinitionKey;
		this.taskId = taskId;
		this.taskName = taskName;
		this.processInstanceId = processInstanceId;
		this.businessKey = businessKey;
		this.userId = userId;
		this.assignee = assignee;
		this.properties = Map.copyOf(properties);
		this.variables = variables;
	}

	public String getProcessDefinitionKey() {
		return this.processDefinitionKey;
	}

	public String getTaskDefinitionKey() {
		return this.taskDefinitionKey;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public String getTaskName() {
		return this.taskName;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	/**
	 * The business key of the process instance.
	 * @return the business key, may be {@code null}
	 */
	public String getBusinessKey() {
		return this.businessKey;
	}

	/**
	 * The user completing the task, as the engine knows it.
	 * @return the user id, or {@code "system"} when nobody is authenticated
	 */
	public String getUserId() {
		return this.userId;
	}

	/**
	 * The task's assignee.
	 * @return the assignee, may be {@code null}
	 */
	public String getAssignee() {
		return this.assignee;
	}

	/**
	 * The task's BPMN extension properties ({@code camunda:properties}).
	 * @return name to value, never {@code null}
	 */
	public Map<String, String> getProperties() {
		return this.properties;
	}

	/**
	 * One BPMN extension property of the task.
	 * @param name the property name, e.g. {@link TaskRules#REQUIRED}
	 * @return its value, or {@code null}
	 */
	public String property(String name) {
		return this.properties.get(name);
	}

	/**
	 * A variable as the task sees it.
	 * @param name the variable name
	 * @return its value, or {@code null}
	 */
	public Object variable(String name) {
		return this.variables.getVariable(name);
	}

	/**
	 * A variable as text.
	 * @param name the variable name
	 * @return {@code String.valueOf} the value, or {@code null} when absent
	 */
	public String string(String name) {
		Object value = variable(name);
		return (value != null) ? String.valueOf(value) : null;
	}

	/**
	 * Whether a variable is absent, {@code null} or blank text.
	 * @param name the variable name
	 * @return {@code true} if there is no usable value
	 */
	public boolean isBlank(String name) {
		String value = string(name);
		return value == null || value.isBlank();
	}

	/**
	 * A boolean variable; also accepts the text {@code "true"}/{@code "false"}.
	 * @param name the variable name
	 * @return the value, or {@code null} when absent or not a boolean
	 */
	public Boolean bool(String name) {
		Object value = variable(name);
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof String s && ("true".equalsIgnoreCase(s.trim()) || "false".equalsIgnoreCase(s.trim()))) {
			return Boolean.valueOf(s.trim());
		}
		return null;
	}

	/**
	 * Sets a routing flag on the process instance: the boolean or enum name the next
	 * gateway reads. Nothing else is written to the process instance.
	 * @param name the variable name, from the process's constants class
	 * @param value a {@link Boolean} or an enum constant's name
	 */
	public void route(String name, Object value) {
		if (!(this.variables instanceof org.camunda.bpm.engine.delegate.DelegateTask task)
				|| task.getExecution() == null) {
			throw new IllegalStateException("no process instance to route: " + this);
		}
		task.getExecution().setVariable(name, value);
	}

	/**
	 * Fills in an input the rules complete for the user (the opinion of an approval given
	 * by a common phrase), where the task keeps its inputs.
	 */
	void fillIn(String name, Object value) {
		this.variables.setVariable(name, value);
	}

	@Override
	public String toString() {
		return "TaskCompletion[" + this.processDefinitionKey + "/" + this.taskDefinitionKey + ", task " + this.taskId
				+ ", user " + this.userId + "]";
	}

}
