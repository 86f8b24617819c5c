package org.rectifyflow.attachment;

/**
 * An upload was refused; nothing was stored. The message is Chinese and may be shown to
 * the user.
 */
public class AttachmentRejectedException extends RuntimeException {

	/**
	 * Why an upload was refused.
	 */
	public enum Reason {

		/** The item type or item id is not well formed. */
		INVALID_ITEM,

		/** The file is empty. */
		EMPTY,

		/** The file is larger than {@code rectify.attachments.max-size}. */
		TOO_LARGE,

		/** The file name's extension is not allowed. */
		TYPE_NOT_ALLOWED,

		/** The content does not match the file name's extension. */
		CONTENT_MISMATCH

	}

	private final Reason reason;

	AttachmentRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason getReason() {
		return this.reason;
	}

}
