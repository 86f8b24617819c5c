package org.rectifyflow.testsupport;

import java.util.Map;

import org.camunda.bpm.engine.task.Task;

/**
 * How the operations matrix drives one process: brings a new instance to any of its user
 * tasks, completes a task as its holder would, and checks that the process's domain
 * record matches where the process waits. One Spring test component per process.
 */
public interface ProcessFixture {

	/**
	 * @return the process definition key
	 */
	String processKey();

	/**
	 * A new process instance waiting at the task.
	 * @param taskKey a user task of the process
	 * @return the process instance id
	 */
	String reach(String taskKey);

	/**
	 * @param task an open task of the process
	 * @return the variables its holder completes it with
	 */
	Map<String, Object> completion(Task task);

	/**
	 * Asserts that the domain record agrees with the tasks the process waits at (or that
	 * it is settled when none is left).
	 * @param processInstanceId the process instance
	 */
	void assertConsistent(String processInstanceId);

	/**
	 * Whether the user may be offered any operation on the instance's tasks at all: false
	 * for those a confidential item is kept from.
	 * @param processInstanceId the process instance
	 * @param userId a demo user
	 * @return whether an operation may be offered to the user
	 */
	default boolean mayBeOffered(String processInstanceId, String userId) {
		return true;
	}

}
