package org.rectifyflow.attachment.internal;

import org.rectifyflow.attachment.Attachment;

import org.springframework.core.io.Resource;

/**
 * An attachment and its stored content.
 *
 * @param attachment the metadata
 * @param content the file content
 */
public record AttachmentContent(Attachment attachment, Resource content) {

}
