package org.rectifyflow.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.rectifyflow.audit.AuditService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of a delivery attempt in its own transaction: a failure must
 * survive the rollback of the failing job, and a success must survive even if the job's
 * own commit fails afterwards (so a retry does not send the mail again).
 */
@Component
class OutboxLedger {

	private final OutboxMailRepository outbox;

	private final AuditService audit;

	private final Clock clock;

	OutboxLedger(OutboxMailRepository outbox, AuditService audit) {
		this.outbox = outbox;
		this.audit = audit;
		this.clock = Clock.systemDefaultZone();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSent(Long id) {
		OutboxMail mail = this.outbox.findById(id).orElseThrow();
		String before = mail.getStatus().name();
		mail.markSent(OffsetDateTime.now(this.clock));
		this.audit.recordAs(AuditService.SYSTEM, "MAIL_SENT", "mail", String.valueOf(id), before,
				mail.getStatus().name(), "attempt " + mail.getAttempts());
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(Long id, String error) {
		OutboxMail mail = this.outbox.findById(id).orElseThrow();
		String before = mail.getStatus().name();
		mail.recordFailure(error);
		this.audit.recordAs(AuditService.SYSTEM, "MAIL_FAILED", "mail", String.valueOf(id), before,
				mail.getStatus().name(), "attempt " + mail.getAttempts() + ": " + mail.getLastError());
	}

}
