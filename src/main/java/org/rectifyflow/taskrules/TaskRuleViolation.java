package org.rectifyflow.taskrules;

import java.util.Optional;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task rule refused a completion or an assignment. The message is Chinese and meant for
 * the user; {@link #getEnglishMessage()} is for logs.
 * <p>
 * It is a {@link FormFieldValidationException} because the engine REST API (and with it
 * Tasklist) answers that type on {@code task/{id}/complete} and
 * {@code task/{id}/submit-form} with HTTP 400 and the message, instead of HTTP 500.
 */
public class TaskRuleViolation extends FormFieldValidationException {

	private static final long serialVersionUID = 1L;

	private final String englishMessage;

	/**
	 * Creates a violation.
	 * @param message the Chinese message shown to the user
	 * @param englishMessage the English message for logs
	 */
	public TaskRuleViolation(String message, String englishMessage) {
		super(englishMessage, message);
		this.englishMessage = englishMessage;
	}

	public String getEnglishMessage() {
		return this.englishMessage;
	}

	/**
	 * Finds a violation in an exception's cause chain, e.g. in the exception the engine
	 * throws for a refused claim.
	 * @param throwable the caught exception
	 * @return the violation, if any
	 */
	public static Optional<TaskRuleViolation> in(Throwable throwable) {
		Throwable current = throwable;
		while (current != null) {
			if (current instanceof TaskRuleViolation violation) {
				return Optional.of(violation);
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return Optional.empty();
	}

}
