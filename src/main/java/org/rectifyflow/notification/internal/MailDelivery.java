package org.rectifyflow.notification.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one outbox mail; called by the service task
 * {@link MailDeliveryProcess#TASK_SEND_MAIL} as {@code ${mailDelivery.send(outboxId)}}.
 * Uses the {@link JavaMailSender} when {@code spring.mail.host} is set, otherwise only
 * logs the mail. A confidential recipient's address is looked up just before sending and
 * appears in no log line, outbox row or job failure: those name the reference.
 */
@Component("mailDelivery")
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final OutboxMailRepository outbox;

	private final OutboxLedger ledger;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MailDeliverySettings settings;

	private final MailRecipients recipients;

	MailDelivery(OutboxMailRepository outbox, OutboxLedger ledger, ObjectProvider<JavaMailSender> mailSender,
			MailDeliverySettings settings, MailRecipients recipients) {
		this.outbox = outbox;
		this.ledger = ledger;
		this.mailSender = mailSender;
		this.settings = settings;
		this.recipients = recipients;
	}

	/**
	 * Sends the mail unless it was sent already. A failure is recorded on the outbox row
	 * and rethrown, so that the engine retries the job and finally raises an incident.
	 * @param outboxId the id of the outbox row
	 */
	public void send(Long outboxId) {
		OutboxMail mail = this.outbox.findById(outboxId)
			.orElseThrow(() -> new IllegalStateException("No outbox mail " + outboxId));
		if (mail.isSent()) {
			log.info("Mail {} was sent already, not sending it again", outboxId);
			return;
		}
		String address = null;
		try {
			address = mail.isConfidential() ? this.recipients.address(mail.getRecipient()) : mail.getRecipient();
			deliver(mail, address);
		}
		catch (RuntimeException ex) {
			RuntimeException failure = mail.isConfidential() ? withoutAddress(ex, address, mail.getRecipient()) : ex;
			log.warn("Sending mail {} to {} failed: {}", outboxId, mail.getRecipient(), failure.toString());
			this.ledger.recordFailure(outboxId, failure.toString());
			throw failure;
		}
		this.ledger.recordSent(outboxId);
	}

	/**
	 * The failure of a confidential mail as the log, the outbox and the engine's job
	 * record may keep it: the address replaced by the reference, and no cause, whose
	 * messages and stack trace could carry the address.
	 */
	static RuntimeException withoutAddress(RuntimeException ex, String address, String reference) {
		String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (address != null) {
			// the whole address, then its local part, which a parser may quote on its own
			String localPart = address.contains("@") ? address.substring(0, address.lastIndexOf('@')) : address;
			for (String secret : new String[] { address.strip(), localPart.strip() }) {
				if (!secret.isEmpty()) {
					message = Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE)
						.matcher(message)
						.replaceAll(Matcher.quoteReplacement(reference));
				}
			}
		}
		return new IllegalStateException("Mail to " + reference + " not sent: " + message);
	}

	private void deliver(OutboxMail mail, String address) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			log.info("No mail server configured (spring.mail.host); mail {} to {}: {}\n{}", mail.getId(),
					mail.getRecipient(), mail.getSubject(), mail.getBody());
			return;
		}
		sender.send(message(sender, mail, address));
	}

	private MimeMessage message(JavaMailSender sender, OutboxMail mail, String address) throws MailException {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.settings.getFrom());
			helper.setTo(address);
			helper.setSubject(mail.getSubject());
			helper.setText(mail.getBody(), false);
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

}
