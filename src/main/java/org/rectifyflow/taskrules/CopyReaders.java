package org.rectifyflow.taskrules;

import org.rectifyflow.audit.AuditService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule every reader of a domain record applies for 抄送: whoever was sent a copy of a
 * task of the record's process may read the record, read-only, and each such read is
 * recorded in the record's audit trail. A feature's {@code <Feature>Access} asks it after
 * its own rules.
 */
@Component
public class CopyReaders {

	/** The audit action of a read allowed by a copy. */
	public static final String READ_AS_COPY_RECIPIENT = "READ_AS_COPY_RECIPIENT";

	private final ObjectProvider<CopyRecipients> recipients;

	private final AuditService audit;

	CopyReaders(ObjectProvider<CopyRecipients> recipients, AuditService audit) {
		this.recipients = recipients;
		this.audit = audit;
	}

	/**
	 * Whether a copy lets the user read the record; if so, the read is recorded.
	 * @param userId the reader
	 * @param processInstanceId the record's process instance
	 * @param itemType the record's audit item type
	 * @param itemId the record's audit item id
	 * @return whether the user was sent a copy of a task of that process instance
	 */
	@Transactional
	public boolean admits(String userId, String processInstanceId, String itemType, String itemId) {
		CopyRecipients copies = this.recipients.getIfAvailable();
		if (copies == null || !copies.wasCopied(userId, processInstanceId)) {
			return false;
		}
		this.audit.record(READ_AS_COPY_RECIPIENT, itemType, itemId, null, userId);
		return true;
	}

}
