package org.rectifyflow.notification.internal;

import org.springframework.data.domain.Sort;
import org.rectifyflow.kernel.Paging;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.rectifyflow.audit.AuditService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's notification inbox.
 */
@Service
@Transactional(readOnly = true)
public class NotificationService {

	static final int MAX_PAGE_SIZE = 100;

	private final NotificationRepository notifications;

	private final AuditService audit;

	private final Clock clock;

	NotificationService(NotificationRepository notifications, AuditService audit) {
		this.notifications = notifications;
		this.audit = audit;
		this.clock = Clock.systemDefaultZone();
	}

	/**
	 * Lists the user's notifications, newest first.
	 * @param userId the recipient
	 * @param unreadOnly whether to list only unread notifications
	 * @param page the page number, from 0 (negative values count as 0)
	 * @param size the page size, 1 to {@value #MAX_PAGE_SIZE}
	 * @return the page
	 */
	public NotificationPage list(String userId, boolean unreadOnly, int page, int size) {
		PageRequest request = Paging.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), Sort.unsorted());
		Page<Notification> result = unreadOnly
				? this.notifications.findByRecipientAndReadAtIsNullOrderByCreatedAtDescIdDesc(userId, request)
				: this.notifications.findByRecipientOrderByCreatedAtDescIdDesc(userId, request);
		return new NotificationPage(result.map(NotificationView::of).getContent(), result.getNumber(), result.getSize(),
				result.getTotalElements(), result.getTotalPages());
	}

	/**
	 * @param userId the recipient
	 * @return the number of the user's unread notifications
	 */
	public long unreadCount(String userId) {
		return this.notifications.countByRecipientAndReadAtIsNull(userId);
	}

	/**
	 * Marks one of the user's notifications read.
	 * @param userId the recipient
	 * @param id the notification id
	 * @return the notification
	 * @throws Refusal (404) if it does not exist or is another user's
	 */
	@Transactional
	public NotificationView markRead(String userId, Long id) {
		Notification notification = this.notifications.findByIdAndRecipient(id, userId)
			.orElseThrow(() -> Refusal.notFound("通知不存在", "No such notification"));
		if (notification.markRead(OffsetDateTime.now(this.clock))) {
			this.audit.record("NOTIFICATION_READ", "notification", String.valueOf(id), "UNREAD", "READ");
		}
		return NotificationView.of(notification);
	}

	/**
	 * Marks all of the user's notifications read.
	 * @param userId the recipient
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead(String userId) {
		int marked = this.notifications.markAllRead(userId, OffsetDateTime.now(this.clock));
		if (marked > 0) {
			this.audit.record("NOTIFICATIONS_ALL_READ", "notification-inbox", userId, marked + " unread", "READ");
		}
		return marked;
	}

}
