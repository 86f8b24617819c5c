package org.rectifyflow.notification.internal;

import org.rectifyflow.notification.Notifier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.engine.SystemAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Writes notifications and outbox mails in the caller's transaction. Each outbox mail
 * starts one instance of {@link MailDeliveryProcess#KEY}, whose asynchronous service task
 * sends it after the caller has committed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class NotifierImpl implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(NotifierImpl.class);

	private final NotificationRepository notifications;

	private final OutboxMailRepository outbox;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final SystemAuthority systemAuthority;

	private final AuditService audit;

	private final MailDeliverySettings settings;

	private final MailRecipients recipients;

	private final Clock clock;

	NotifierImpl(NotificationRepository notifications, OutboxMailRepository outbox, IdentityService identityService,
			RuntimeService runtimeService, SystemAuthority systemAuthority, AuditService audit,
			MailDeliverySettings settings, MailRecipients recipients) {
		this.notifications = notifications;
		this.outbox = outbox;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.systemAuthority = systemAuthority;
		this.audit = audit;
		this.settings = settings;
		this.recipients = recipients;
		this.clock = Clock.systemDefaultZone();
	}

	@Override
	public void notifyUser(String userId, String text, String link) {
		requireText(userId, "userId");
		requireText(text, "text");
		User user = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().userId(userId).singleResult());
		if (user == null) {
			log.warn("Notifying unknown user {}: in-app notification only", userId);
		}
		notify(userId, (user != null) ? user.getEmail() : null, text, link);
	}

	@Override
	public void notifyGroup(String groupId, String text, String link) {
		requireText(groupId, "groupId");
		requireText(text, "text");
		List<User> members = this.systemAuthority
			.call(() -> this.identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
		if (members.isEmpty()) {
			log.warn("Group {} has no members: nobody notified of \"{}\"", groupId, text);
		}
		for (User member : members) {
			notify(member.getId(), member.getEmail(), text, link);
		}
	}

	@Override
	public void notifyGroups(Collection<String> groupIds, String text, String link) {
		requireText(text, "text");
		Map<String, User> members = new LinkedHashMap<>();
		for (String groupId : groupIds) {
			requireText(groupId, "groupId");
			this.systemAuthority
				.call(() -> this.identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
				.forEach((user) -> members.putIfAbsent(user.getId(), user));
		}
		if (members.isEmpty()) {
			log.warn("Groups {} have no members: nobody notified of \"{}\"", groupIds, text);
		}
		members.values().forEach((member) -> notify(member.getId(), member.getEmail(), text, link));
	}

	@Override
	public void mailExternal(String address, String subject, String body) {
		requireText(subject, "subject");
		if (!isValidAddress(address)) {
			throw new IllegalArgumentException("Not a mail address: " + address);
		}
		queue(address, subject, (body != null) ? body : "");
	}

	@Override
	public void mailConfidential(String recipientReference, String subject, String body) {
		requireText(subject, "subject");
		if (!this.recipients.isResolvable(recipientReference)) {
			throw new IllegalArgumentException("Not a known recipient reference: " + recipientReference);
		}
		queue(recipientReference, subject, (body != null) ? body : "");
	}

	private void notify(String userId, String email, String text, String link) {
		Notification notification = this.notifications
			.save(new Notification(userId, text, link, OffsetDateTime.now(this.clock)));
		this.audit.record("NOTIFICATION_CREATED", "notification", String.valueOf(notification.getId()), null, "UNREAD");
		if (!StringUtils.hasText(email)) {
			return;
		}
		if (!isValidAddress(email)) {
			log.warn("User {} has an invalid mail address: in-app notification only", userId);
			return;
		}
		queue(email, subject(text), body(text, link));
	}

	private void queue(String address, String subject, String body) {
		OutboxMail mail = this.outbox.save(new OutboxMail(address, subject, body, OffsetDateTime.now(this.clock)));
		Long id = mail.getId();
		this.audit.record("MAIL_QUEUED", "mail", String.valueOf(id), null, MailStatus.PENDING.name());
		this.systemAuthority.run(() -> this.runtimeService.startProcessInstanceByKey(MailDeliveryProcess.KEY,
				String.valueOf(id), Map.of(MailDeliveryProcess.VAR_OUTBOX_ID, id)));
	}

	private String subject(String text) {
		String firstLine = text.strip().lines().findFirst().orElse("");
		return this.settings.getSubjectPrefix() + Notification.truncate(firstLine, 80);
	}

	private String body(String text, String link) {
		StringBuilder body = new StringBuilder(text.strip()).append("\n\n");
		if (StringUtils.hasText(link)) {
			body.append("查看：").append(absolute(link)).append("\n\n");
		}
		return body.append("此邮件由系统自动发送，请勿直接回复。\n").toString();
	}

	private String absolute(String link) {
		String base = this.settings.getBaseUrl();
		if (!StringUtils.hasText(base) || !link.startsWith("/")) {
			return link;
		}
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
	}

	private static boolean isValidAddress(String address) {
		if (!StringUtils.hasText(address)) {
			return false;
		}
		try {
			new InternetAddress(address, true).validate();
			return true;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private static void requireText(String value, String name) {
		if (!StringUtils.hasText(value)) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

}
