package org.rectifyflow.notification;

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
 * logs the mail.
 */
@Component("mailDelivery")
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final OutboxMailRepository outbox;

	private final OutboxLedger ledger;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MailDeliverySettings settings;

	MailDelivery(OutboxMailRepository outbox, OutboxLedger ledger, ObjectProvider<JavaMailSender> mailSender,
			MailDeliverySettings settings) {
		this.outbox = outbox;
		this.ledger = ledger;
		this.mailSender = mailSender;
		this.settings = settings;
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
		try {
			deliver(mail);
		}
		catch (RuntimeException ex) {
			log.warn("Sending mail {} to {} failed: {}", outboxId, mail.getRecipient(), ex.toString());
			this.ledger.recordFailure(outboxId, ex.toString());
			throw ex;
		}
		this.ledger.recordSent(outboxId);
	}

	private void deliver(OutboxMail mail) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			log.info("No mail server configured (spring.mail.host); mail {} to {}: {}\n{}", mail.getId(),
					mail.getRecipient(), mail.getSubject(), mail.getBody());
			return;
		}
		sender.send(message(sender, mail));
	}

	private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MailException {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.settings.getFrom());
			helper.setTo(mail.getRecipient());
			helper.setSubject(mail.getSubject());
			helper.setText(mail.getBody(), false);
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

}
