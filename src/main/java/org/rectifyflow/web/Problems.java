package org.rectifyflow.web;

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
	public static ProblemDetail of(HttpStatusCode status, String title, String messageZh, String messageEn) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messageZh + " / " + messageEn);
		problem.setTitle(title);
		problem.setProperty("messageZh", messageZh);
		problem.setProperty("messageEn", messageEn);
		return problem;
	}

}
