package org.rectifyflow.web;

import org.rectifyflow.kernel.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one shape of an error answer of the project's API: an RFC 7807 problem detail with
 * an English {@code title}, a {@code detail} in Chinese followed by the English after a
 * slash, and both messages on their own ({@code messageZh}, {@code messageEn}).
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * @param status the HTTP status
	 * @param title a short English title
	 * @param messageZh the message for the user
	 * @param messageEn the message for the developer
	 * @return the problem detail
	 */
	/**
	 * The HTTP status of a kind of refusal; the only place that knows it.
	 * @param kind the kind of refusal
	 * @return 400, 404, 403, 409 or 413
	 */
	public static HttpStatus status(Refusal.Kind kind) {
		return switch (kind) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
		};
	}

	public static ProblemDetail of(HttpStatusCode status, String title, String messageZh, String messageEn) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messageZh + " / " + messageEn);
		problem.setTitle(title);
		problem.setProperty("messageZh", messageZh);
		problem.setProperty("messageEn", messageEn);
		return problem;
	}

}
