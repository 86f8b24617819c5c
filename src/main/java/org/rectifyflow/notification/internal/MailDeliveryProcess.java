package org.rectifyflow.notification.internal;

/**
 * Ids of the process {@code mail-delivery} (邮件投递).
 */
public final class MailDeliveryProcess {

	/** Process definition key. */
	public static final String KEY = "mail-delivery";

	/** The asynchronous service task that sends the mail. */
	public static final String TASK_SEND_MAIL = "Task_SendMail";

	/** Variable: id of the outbox row (also the business key). */
	public static final String VAR_OUTBOX_ID = "outboxId";

	private MailDeliveryProcess() {
	}

}
