package org.rectifyflow.notification.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An in-app notification for one user.
 */
@Entity
@Table(name = "notification")
class Notification {

	static final int MAX_TEXT = 1000;

	static final int MAX_LINK = 500;

	/**
	 * From a sequence that hands out 50 ids at a time (pooled-lo), so that the rows of
	 * one transaction are inserted in one batch.
	 */
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
	@SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false)
	private String recipient;

	@Column(nullable = false)
	private String text;

	private String link;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	@Column(name = "read_at")
	private OffsetDateTime readAt;

	protected Notification() {
	}

	Notification(String recipient, String text, String link, OffsetDateTime createdAt) {
		this.recipient = recipient;
		this.text = truncate(text, MAX_TEXT);
		this.link = truncate(link, MAX_LINK);
		this.createdAt = createdAt;
	}

	static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max - 1) + "…";
	}

	/**
	 * Marks the notification read. Reading it again keeps the first read time.
	 * @param now the current time
	 * @return {@code true} if the notification was unread before
	 */
	boolean markRead(OffsetDateTime now) {
		if (this.readAt != null) {
			return false;
		}
		this.readAt = now;
		return true;
	}

	Long getId() {
		return this.id;
	}

	String getRecipient() {
		return this.recipient;
	}

	String getText() {
		return this.text;
	}

	String getLink() {
		return this.link;
	}

	OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	OffsetDateTime getReadAt() {
		return this.readAt;
	}

	boolean isRead() {
		return this.readAt != null;
	}

}
