package org.rectifyflow.taskrules;

/**
 * Rule checked inside the engine before a user task completes, whichever way it is
 * completed (Java API, engine REST API, Tasklist). Implementations are Spring beans in
 * the feature packages.
 */
public interface TaskCompletionValidator {

	/**
	 * Whether this validator checks the given user task.
	 * @param processDefinitionKey the process definition key
	 * @param taskDefinitionKey the user task's id in the BPMN
	 * @return {@code true} to have {@link #validate(TaskCompletion)} called
	 */
	boolean supports(String processDefinitionKey, String taskDefinitionKey);

	/**
	 * Checks the completion; throwing rolls the completion back.
	 * @param completion the task being completed, with its variables
	 * @throws TaskRuleViolation with a Chinese message shown to the user
	 */
	void validate(TaskCompletion completion);

}
