package org.rectifyflow.taskrules;

/**
 * The user tasks of one process, in one class: what each task's form shows when the task
 * is created, what its inputs must satisfy, and what completing it does. This is the one
 * way a feature handles its user tasks: one Spring bean per process (named
 * {@code <Process>Tasks}), found by {@link #processKey()}, called by the listeners the
 * task rules plugin attaches to every user task, so the BPMN names no task listener and
 * no service task reads a form field.
 * <p>
 * Implementations dispatch on {@link TaskCompletion#getTaskDefinitionKey()} (the
 * process's constants class names the keys), read the inputs with the typed accessors of
 * {@link TaskCompletion}, and call the feature's services with typed arguments. They read
 * entity ids from the process instance's business key or from the domain record, never
 * from a variable a user could have written, and they set only routing flags
 * ({@link TaskCompletion#route(String, Object)}) on the process instance. See
 * {@code docs/architecture.md}, "One way for a user task".
 */
public interface ProcessTasks {

	/**
	 * @return the key of the process whose user tasks this bean handles
	 */
	String processKey();

	/**
	 * Prepares a task's form when the task is created: the values it shows, as task-local
	 * variables ({@link TaskCreation#show(String, Object)}).
	 * @param task the task being created
	 */
	default void created(TaskCreation task) {
	}

	/**
	 * Checks a completion before anything is stored; throw a {@link TaskRuleViolation}
	 * (Chinese message) to refuse it. Runs whichever way the task is completed (Tasklist,
	 * engine REST API, Java API).
	 * @param completion the task being completed, with its submitted inputs
	 */
	default void validate(TaskCompletion completion) {
	}

	/**
	 * What completing the task does: stores the inputs in the domain records (through the
	 * feature's services, with typed arguments) and sets the routing flags the next
	 * gateway reads. Runs in the completion's transaction, after {@link #validate} and
	 * the generic rules (four-eyes, approval opinion).
	 * @param completion the task being completed
	 */
	default void completed(TaskCompletion completion) {
	}

}
