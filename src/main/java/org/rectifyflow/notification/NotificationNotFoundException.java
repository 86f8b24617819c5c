package org.rectifyflow.notification;

/**
 * The notification does not exist or belongs to another user.
 */
class NotificationNotFoundException extends RuntimeException {

	NotificationNotFoundException(Long id) {
		super("Notification " + id + " not found");
	}

}
