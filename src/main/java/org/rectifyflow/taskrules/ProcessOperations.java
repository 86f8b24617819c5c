package org.rectifyflow.taskrules;

import java.util.List;

/**
 * What a process's domain record does when 退回 or 撤回 moves the process back to an earlier
 * user task: one Spring bean per process that allows either (found by
 * {@link #processKey()}). It runs in the operation's transaction before the engine moves,
 * so that the record and the engine move together; it refuses (throwing a
 * {@link org.rectifyflow.kernel.Refusal}) when the record cannot go back.
 */
public interface ProcessOperations {

	/**
	 * @return the key of the process whose records this bean moves
	 */
	String processKey();

	/**
	 * Moves the domain record back to the state in which {@code toTaskKey} is worked on.
	 * @param businessKey the process instance's business key
	 * @param fromTaskKeys the user tasks being cancelled
	 * @param toTaskKey the user task the process goes back to
	 */
	void movedBack(String businessKey, List<String> fromTaskKeys, String toTaskKey);

}
