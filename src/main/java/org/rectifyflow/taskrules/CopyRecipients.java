package org.rectifyflow.taskrules;

/**
 * Who was sent a copy (抄送) of a task of a process instance: they may read the domain
 * record that process works on, read-only, whatever their role. A feature's
 * {@code <Feature>Access} asks this, so that every reader of the record applies the same
 * rule; the task operations answer it.
 */
public interface CopyRecipients {

	/**
	 * @param userId a user
	 * @param processInstanceId a process instance (may be {@code null})
	 * @return whether the user was sent a copy of one of its tasks
	 */
	boolean wasCopied(String userId, String processInstanceId);

}
