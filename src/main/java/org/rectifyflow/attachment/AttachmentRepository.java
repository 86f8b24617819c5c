package org.rectifyflow.attachment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

	List<Attachment> findByItemTypeAndItemIdOrderByUploadedAtAscIdAsc(String itemType, String itemId);

	boolean existsByItemTypeAndItemId(String itemType, String itemId);

	boolean existsByItemTypeAndItemIdAndUploadedBy(String itemType, String itemId, String uploadedBy);

}
