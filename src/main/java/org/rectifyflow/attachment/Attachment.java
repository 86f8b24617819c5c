package org.rectifyflow.attachment;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A file attached to an item as evidence. Attachments are never changed once stored.
 */
@Entity
@Immutable
@Table(name = "attachment")
public class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "item_type", nullable = false)
	private String itemType;

	@Column(name = "item_id", nullable = false)
	private String itemId;

	@Column(name = "file_name", nullable = false)
	private String fileName;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false)
	private long size;

	@Column(nullable = false)
	private String sha256;

	@Column(name = "storage_key", nullable = false, unique = true)
	private String storageKey;

	@Column(name = "uploaded_by", nullable = false)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false)
	private OffsetDateTime uploadedAt;

	protected Attachment() {
	}

	Attachment(String itemType, String itemId, String fileName, String contentType, long size, String sha256,
			String storageKey, String uploadedBy, OffsetDateTime uploadedAt) {
		this.itemType = itemType;
		this.itemId = itemId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getItemType() {
		return this.itemType;
	}

	public String getItemId() {
		return this.itemId;
	}

	/**
	 * @return the client's file name without any path, control or reserved characters
	 */
	public String getFileName() {
		return this.fileName;
	}

	/**
	 * @return the media type detected from the content (not the one the client claimed)
	 */
	public String getContentType() {
		return this.contentType;
	}

	/**
	 * @return the size in bytes
	 */
	public long getSize() {
		return this.size;
	}

	/**
	 * @return the SHA-256 of the content, lower-case hex
	 */
	public String getSha256() {
		return this.sha256;
	}

	String getStorageKey() {
		return this.storageKey;
	}

	public String getUploadedBy() {
		return this.uploadedBy;
	}

	public OffsetDateTime getUploadedAt() {
		return this.uploadedAt;
	}

}
