package org.rectifyflow.notification;

import java.util.Collection;

/**
 * Tells people about something that needs their attention: an in-app notification for
 * each recipient and, where the recipient has a mail address, a mail through the outbox.
 * Everything is written in the caller's transaction; mail delivery happens later and
 * never rolls the caller back.
 */
public interface Notifier {

	/**
	 * Notifies one user.
	 * @param userId the Camunda user id
	 * @param text the Chinese text shown to the user
	 * @param link a relative link to the item (may be {@code null})
	 */
	void notifyUser(String userId, String text, String link);

	/**
	 * Notifies every member of a Camunda group.
	 * @param groupId the Camunda group id
	 * @param text the Chinese text shown to the members
	 * @param link a relative link to the item (may be {@code null})
	 */
	void notifyGroup(String groupId, String text, String link);

	/**
	 * Notifies every member of any of the groups once, however many of them it belongs
	 * to.
	 * @param groupIds the groups
	 * @param text the Chinese text
	 * @param link where the notification leads, or {@code null}
	 */
	void notifyGroups(Collection<String> groupIds, String text, String link);

	/**
	 * Sends a mail to an address outside the organisation (for example a higher-level
	 * commission).
	 * @param address the mail address
	 * @param subject the subject
	 * @param body the plain-text body
	 */
	void mailExternal(String address, String subject, String body);

	/**
	 * Sends a mail to someone whose address must not be stored or logged in plain text (a
	 * reporter of a problem clue): the outbox keeps the reference, and a
	 * {@link MailRecipientResolver} gives the address only when the mail is sent.
	 * @param recipientReference the recipient as {@code kind:id} (no mail address)
	 * @param subject the subject
	 * @param body the plain-text body
	 * @throws IllegalArgumentException if no resolver knows the reference
	 */
	void mailConfidential(String recipientReference, String subject, String body);

}
