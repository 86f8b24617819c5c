package org.rectifyflow.notification.internal;

/**
 * Delivery state of an outbox mail.
 */
enum MailStatus {

	/** Queued, not tried yet. */
	PENDING,

	/** Delivered to the mail server (or logged when no server is configured). */
	SENT,

	/** The last attempt failed; the engine retries the job or raises an incident. */
	FAILED

}
