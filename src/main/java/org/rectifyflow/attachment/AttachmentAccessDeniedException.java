package org.rectifyflow.attachment;

/**
 * The user may not view or add the attachments concerned.
 */
class AttachmentAccessDeniedException extends RuntimeException {

	AttachmentAccessDeniedException(String message) {
		super(message);
	}

}
