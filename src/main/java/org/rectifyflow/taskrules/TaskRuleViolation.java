package org.rectifyflow.taskrules;

import org.rectifyflow.kernel.Refusal;

/**
 * A task rule refused a completion or an assignment: a {@link Refusal} of kind
 * {@link Refusal.Kind#INVALID}. The message is Chinese and meant for the user;
 * {@link #getEnglishMessage()} is for logs.
 */
public class TaskRuleViolation extends Refusal {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates a violation.
	 * @param message the Chinese message shown to the user
	 * @param englishMessage the English message for logs
	 */
	public TaskRuleViolation(String message, String englishMessage) {
		super(Kind.INVALID, message, englishMessage);
	}

	public String getEnglishMessage() {
		return getMessageEn();
	}

}
