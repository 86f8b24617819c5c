package org.rectifyflow.attachment.internal;

import java.util.List;

import org.rectifyflow.attachment.Attachment;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	List<Attachment> findByItemTypeAndItemIdOrderByUploadedAtAscIdAsc(String itemType, String itemId);

	boolean existsByItemTypeAndItemId(String itemType, String itemId);

	boolean existsByItemTypeAndItemIdAndUploadedBy(String itemType, String itemId, String uploadedBy);

}
