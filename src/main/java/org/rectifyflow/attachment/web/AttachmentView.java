package org.rectifyflow.attachment.web;

import java.time.OffsetDateTime;
import java.util.function.Function;

import org.rectifyflow.attachment.Attachment;

/**
 * Attachment metadata as the API shows it.
 *
 * @param id the attachment id
 * @param itemType the item type
 * @param itemId the item id
 * @param fileName the sanitised original file name
 * @param contentType the detected media type
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the content, lower-case hex
 * @param uploadedBy the uploader's user id
 * @param uploadedByName the uploader as a person reads it: 「孙晓明（办公室）」
 * @param uploadedAt when it was uploaded
 * @param contentUrl where to download the content
 */
record AttachmentView(Long id, String itemType, String itemId, String fileName, String contentType, long size,
		String sha256, String uploadedBy, String uploadedByName, OffsetDateTime uploadedAt, String contentUrl) {

	static AttachmentView of(Attachment a, Function<String, String> people) {
		return new AttachmentView(a.getId(), a.getItemType(), a.getItemId(), a.getFileName(), a.getContentType(),
				a.getSize(), a.getSha256(), a.getUploadedBy(), people.apply(a.getUploadedBy()), a.getUploadedAt(),
				"/api/attachments/" + a.getId() + "/content");
	}

}
