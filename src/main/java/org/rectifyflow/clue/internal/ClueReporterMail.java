package org.rectifyflow.clue.internal;

import java.util.Optional;

import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.notification.MailRecipientResolver;

import org.springframework.stereotype.Component;

/**
 * The reporter of a clue as a mail recipient ({@code clue-reporter:<clue number>}): the
 * feedback mail's outbox row, log lines and job records name the clue, and the address is
 * decrypted from the clue only when the mail is sent.
 */
@Component
public class ClueReporterMail implements MailRecipientResolver {

	static final String PREFIX = "clue-reporter:";

	private final ClueRegister register;

	ClueReporterMail(ClueRegister register) {
		this.register = register;
	}

	/**
	 * @param clueNumber the clue
	 * @return the reference of the clue's reporter
	 */
	public static String reference(String clueNumber) {
		return PREFIX + clueNumber;
	}

	@Override
	public boolean supports(String reference) {
		return reference != null && reference.startsWith(PREFIX);
	}

	@Override
	public Optional<String> address(String reference) {
		return this.register.reporterEmail(reference.substring(PREFIX.length()));
	}

}
