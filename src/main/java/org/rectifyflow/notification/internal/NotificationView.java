package org.rectifyflow.notification.internal;

import java.time.OffsetDateTime;

/**
 * A notification as the API shows it.
 *
 * @param id the notification id
 * @param text the Chinese text
 * @param link a relative link to the item, may be {@code null}
 * @param createdAt when it was created
 * @param readAt when the user read it, {@code null} while unread
 * @param read whether the user read it
 */
public record NotificationView(Long id, String text, String link, OffsetDateTime createdAt, OffsetDateTime readAt,
		boolean read) {

	static NotificationView of(Notification n) {
		return new NotificationView(n.getId(), n.getText(), n.getLink(), n.getCreatedAt(), n.getReadAt(), n.isRead());
	}

}
