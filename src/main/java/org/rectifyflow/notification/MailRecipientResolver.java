package org.rectifyflow.notification;

import java.util.Optional;

/**
 * Looks up the address of a confidential mail recipient (for example a clue's reporter)
 * when the mail is sent. The outbox stores only the reference, so the address stays where
 * its owner keeps it (encrypted) and never reaches the outbox table, the log or the
 * engine's job records. A feature that sends such mails provides a bean.
 */
public interface MailRecipientResolver {

	/**
	 * @param reference a recipient reference, {@code kind:id}, never a mail address
	 * @return whether this resolver knows the reference's kind
	 */
	boolean supports(String reference);

	/**
	 * @param reference a reference this resolver supports
	 * @return the mail address, or empty if the recipient has none
	 */
	Optional<String> address(String reference);

}
