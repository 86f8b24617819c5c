package org.rectifyflow.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal of an API request that is the caller's fault, with a Chinese message for the
 * user and an English one for the developer. Rendered as an RFC 7807 problem detail.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String messageZh;

	public ApiException(HttpStatus status, String messageZh, String messageEn) {
		super(messageEn);
		this.status = status;
		this.messageZh = messageZh;
	}

	public static ApiException badRequest(String messageZh, String messageEn) {
		return new ApiException(HttpStatus.BAD_REQUEST, messageZh, messageEn);
	}

	public static ApiException notFound(String messageZh, String messageEn) {
		return new ApiException(HttpStatus.NOT_FOUND, messageZh, messageEn);
	}

	public static ApiException forbidden(String messageZh, String messageEn) {
		return new ApiException(HttpStatus.FORBIDDEN, messageZh, messageEn);
	}

	public static ApiException conflict(String messageZh, String messageEn) {
		return new ApiException(HttpStatus.CONFLICT, messageZh, messageEn);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getMessageZh() {
		return this.messageZh;
	}

	public String getMessageEn() {
		return getMessage();
	}

}
