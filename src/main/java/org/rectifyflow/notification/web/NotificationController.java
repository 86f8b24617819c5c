package org.rectifyflow.notification.web;

import org.rectifyflow.notification.internal.NotificationPage;
import org.rectifyflow.notification.internal.NotificationService;
import org.rectifyflow.notification.internal.NotificationView;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in user's notifications.
 */
@Tag(name = "通知 Notifications")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	private final NotificationService service;

	NotificationController(NotificationService service) {
		this.service = service;
	}

	@Operation(operationId = "listNotifications", summary = "The user's notifications, newest first")
	@GetMapping
	NotificationPage list(Principal principal, @RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.service.list(principal.getName(), unreadOnly, page, size);
	}

	@Operation(operationId = "countUnreadNotifications", summary = "Number of unread notifications")
	@GetMapping("/unread-count")
	UnreadCount unreadCount(Principal principal) {
		return new UnreadCount(this.service.unreadCount(principal.getName()));
	}

	@Operation(operationId = "markNotificationRead", summary = "Mark a notification as read")
	@PostMapping("/{id}/read")
	NotificationView markRead(Principal principal, @PathVariable Long id) {
		return this.service.markRead(principal.getName(), id);
	}

	@Operation(operationId = "markAllNotificationsRead", summary = "Mark all of the user's notifications as read")
	@PostMapping("/read-all")
	ReadAllResult markAllRead(Principal principal) {
		return new ReadAllResult(this.service.markAllRead(principal.getName()));
	}

	record UnreadCount(long count) {
	}

	record ReadAllResult(int marked) {
	}

}
