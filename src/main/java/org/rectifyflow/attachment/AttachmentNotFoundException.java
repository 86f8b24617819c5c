package org.rectifyflow.attachment;

/**
 * No attachment has the given id.
 */
public class AttachmentNotFoundException extends RuntimeException {

	AttachmentNotFoundException(Long id) {
		super("Attachment " + id + " not found");
	}

}
