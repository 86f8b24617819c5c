package org.rectifyflow.notification.internal;

import org.rectifyflow.notification.MailRecipientResolver;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A mail in the outbox. It is sent at most once: a sent mail refuses further attempts.
 */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

	private static final int MAX_ERROR = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private String body;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private MailStatus status;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "last_error")
	private String lastError;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	@Column(name = "sent_at")
	private OffsetDateTime sentAt;

	protected OutboxMail() {
	}

	OutboxMail(String recipient, String subject, String body, OffsetDateTime createdAt) {
		this.recipient = recipient;
		this.subject = Notification.truncate(subject, 500);
		this.body = Notification.truncate(body, 20000);
		this.status = MailStatus.PENDING;
		this.createdAt = createdAt;
	}

	/**
	 * Records a successful delivery.
	 * @param now the current time
	 * @throws IllegalStateException if the mail was sent already
	 */
	void markSent(OffsetDateTime now) {
		if (this.status == MailStatus.SENT) {
			throw new IllegalStateException("Mail " + this.id + " was sent already");
		}
		this.attempts++;
		this.status = MailStatus.SENT;
		this.sentAt = now;
		this.lastError = null;
	}

	/**
	 * Records a failed delivery attempt.
	 * @param error what went wrong
	 * @throws IllegalStateException if the mail was sent already
	 */
	void recordFailure(String error) {
		if (this.status == MailStatus.SENT) {
			throw new IllegalStateException("Mail " + this.id + " was sent already");
		}
		this.attempts++;
		this.status = MailStatus.FAILED;
		this.lastError = Notification.truncate(error, MAX_ERROR);
	}

	/**
	 * @param recipient an outbox recipient
	 * @return whether it is a mail address; otherwise it is a confidential recipient's
	 * reference ({@link MailRecipientResolver})
	 */
	static boolean isAddress(String recipient) {
		return recipient != null && recipient.contains("@");
	}

	/**
	 * @return whether the recipient is a reference whose address is looked up at sending
	 * time and must not be logged or recorded
	 */
	boolean isConfidential() {
		return !isAddress(this.recipient);
	}

	Long getId() {
		return this.id;
	}

	String getRecipient() {
		return this.recipient;
	}

	String getSubject() {
		return this.subject;
	}

	String getBody() {
		return this.body;
	}

	MailStatus getStatus() {
		return this.status;
	}

	boolean isSent() {
		return this.status == MailStatus.SENT;
	}

	int getAttempts() {
		return this.attempts;
	}

	String getLastError() {
		return this.lastError;
	}

	OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	OffsetDateTime getSentAt() {
		return this.sentAt;
	}

}
