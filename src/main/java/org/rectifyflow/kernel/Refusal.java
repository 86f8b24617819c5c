package org.rectifyflow.kernel;

import java.util.Optional;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The one way the application refuses what a user asked for: a {@link Kind} and a message
 * in Chinese (for the user) and English (for developers and logs). Feature code throws
 * it; only the web layer turns the kind into an HTTP status.
 * <p>
 * It is a {@link FormFieldValidationException} so that the engine REST API (and with it
 * Tasklist) answers a refusal thrown inside a task completion with HTTP 400 and the
 * Chinese message instead of HTTP 500. {@link #getMessage()} is the Chinese message.
 */
public class Refusal extends FormFieldValidationException {

	private static final long serialVersionUID = 1L;

	/**
	 * What kind of refusal this is; the web layer maps it to 400, 404, 403, 409 or 413.
	 */
	public enum Kind {

		/** The input is not acceptable (HTTP 400). */
		INVALID,

		/**
		 * The item does not exist, or the caller may not know that it does (HTTP 404).
		 */
		NOT_FOUND,

		/** The caller may not do this (HTTP 403). */
		FORBIDDEN,

		/** The item's current state does not allow it (HTTP 409). */
		CONFLICT,

		/** The request is larger than allowed, e.g. an upload (HTTP 413). */
		TOO_LARGE

	}

	private final Kind kind;

	private final String messageZh;

	private final String messageEn;

	/**
	 * Creates a refusal.
	 * @param kind what kind of refusal
	 * @param messageZh the Chinese message shown to the user
	 * @param messageEn the English message for developers and logs
	 */
	public Refusal(Kind kind, String messageZh, String messageEn) {
		super(messageEn, messageZh);
		this.kind = kind;
		this.messageZh = messageZh;
		this.messageEn = messageEn;
	}

	public static Refusal invalid(String messageZh, String messageEn) {
		return new Refusal(Kind.INVALID, messageZh, messageEn);
	}

	public static Refusal notFound(String messageZh, String messageEn) {
		return new Refusal(Kind.NOT_FOUND, messageZh, messageEn);
	}

	public static Refusal forbidden(String messageZh, String messageEn) {
		return new Refusal(Kind.FORBIDDEN, messageZh, messageEn);
	}

	public static Refusal conflict(String messageZh, String messageEn) {
		return new Refusal(Kind.CONFLICT, messageZh, messageEn);
	}

	public static Refusal tooLarge(String messageZh, String messageEn) {
		return new Refusal(Kind.TOO_LARGE, messageZh, messageEn);
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getMessageZh() {
		return this.messageZh;
	}

	public String getMessageEn() {
		return this.messageEn;
	}

	/**
	 * Finds a refusal in an exception's cause chain, e.g. in the exception the engine
	 * throws around a refusal raised by a listener.
	 * @param throwable the caught exception
	 * @return the refusal, if any
	 */
	public static Optional<Refusal> in(Throwable throwable) {
		Throwable current = throwable;
		while (current != null) {
			if (current instanceof Refusal refusal) {
				return Optional.of(refusal);
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return Optional.empty();
	}

}
