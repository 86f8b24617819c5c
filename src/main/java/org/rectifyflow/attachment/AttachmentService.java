package org.rectifyflow.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.rectifyflow.attachment.internal.AttachmentContent;
import org.rectifyflow.attachment.internal.AttachmentProperties;
import org.rectifyflow.attachment.internal.AttachmentRepository;
import org.rectifyflow.attachment.internal.AttachmentStorage;
import org.rectifyflow.attachment.internal.FileNames;
import org.rectifyflow.attachment.internal.FileType;
import org.rectifyflow.audit.AuditService;
import org.rectifyflow.engine.SystemAuthority;
import org.rectifyflow.kernel.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores, lists and opens attachments, and decides who may see and add them (through the
 * {@link AttachmentAccessPolicy} of the item type). The {@code store}, {@code list} and
 * {@code open} methods do not check access: a feature calling them decides itself.
 */
@Service
@Transactional(readOnly = true)
public class AttachmentService {

	private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

	private static final Pattern ITEM_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

	private final AttachmentRepository attachments;

	private final AttachmentStorage storage;

	private final AttachmentProperties properties;

	private final ObjectProvider<AttachmentAccessPolicy> policies;

	private final IdentityService identityService;

	private final SystemAuthority systemAuthority;

	private final AuditService audit;

	private final Set<String> allowedExtensions;

	private final Clock clock;

	AttachmentService(AttachmentRepository attachments, AttachmentStorage storage, AttachmentProperties properties,
			ObjectProvider<AttachmentAccessPolicy> policies, IdentityService identityService,
			SystemAuthority systemAuthority, AuditService audit) {
		this.attachments = attachments;
		this.storage = storage;
		this.properties = properties;
		this.policies = policies;
		this.identityService = identityService;
		this.systemAuthority = systemAuthority;
		this.audit = audit;
		this.allowedExtensions = properties.allowedTypes()
			.stream()
			.map((t) -> t.strip().toLowerCase(Locale.ROOT))
			.peek((t) -> FileType.forExtension(t)
				.orElseThrow(() -> new IllegalStateException("rectify.attachments.allowed-types: unknown type " + t)))
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		this.clock = Clock.systemDefaultZone();
	}

	/**
	 * Stores an uploaded file. The file name is sanitised, the type must be allowed by
	 * extension and by content, and the size must be within the limit; otherwise nothing
	 * is stored. Writes an audit event on the item.
	 * @param itemType the item type, e.g. {@code clue}
	 * @param itemId the item id
	 * @param file the uploaded file
	 * @param userId the uploader
	 * @return the stored attachment
	 * @throws Refusal if the upload is refused (400, or 413 when too large)
	 */
	@Transactional
	public Attachment store(String itemType, String itemId, MultipartFile file, String userId) {
		checkItem(itemType, itemId);
		if (file == null || file.isEmpty()) {
			throw empty();
		}
		if (file.getSize() > maxBytes()) {
			throw tooLarge(maxBytes());
		}
		try (InputStream content = file.getInputStream()) {
			return store(itemType, itemId, content, file.getOriginalFilename(), file.getContentType(), userId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the upload", ex);
		}
	}

	/**
	 * Stores content read from a stream (the stream is read to the end, not closed). The
	 * stored media type is the one detected from the content; the declared one is only
	 * compared for the log.
	 * @param itemType the item type, e.g. {@code clue}
	 * @param itemId the item id
	 * @param content the content
	 * @param fileName the original file name (sanitised before it is stored)
	 * @param contentType the declared media type, may be {@code null}
	 * @param userId the uploader
	 * @return the stored attachment
	 * @throws Refusal if the content is refused (400, or 413 when too large)
	 */
	@Transactional
	public Attachment store(String itemType, String itemId, InputStream content, String fileName, String contentType,
			String userId) {
		checkItem(itemType, itemId);
		String name = FileNames.sanitise(fileName);
		FileType type = allowedType(name);
		AttachmentStorage.Upload upload = this.storage.receive(content, maxBytes());
		String key;
		try {
			if (upload.size() == 0) {
				throw empty();
			}
			if (!type.matches(upload.head())) {
				throw Refusal.invalid("文件内容与扩展名“." + FileNames.extension(name) + "”不符，已拒绝上传",
						"The content does not match the file name's extension");
			}
			key = this.storage.keep(upload);
		}
		catch (RuntimeException ex) {
			this.storage.discard(upload);
			throw ex;
		}
		deleteOnRollback(key);
		if (contentType != null && !contentType.startsWith(type.mediaType())) {
			log.debug("Upload {} declared {} but is {}", name, contentType, type.mediaType());
		}
		Attachment attachment = this.attachments.save(new Attachment(itemType, itemId, name, type.mediaType(),
				upload.size(), upload.sha256(), key, userId, OffsetDateTime.now(this.clock)));
		this.audit.recordAs(userId, "ATTACHMENT_UPLOADED", itemType, itemId, null, "attachment " + attachment.getId(),
				name + " (" + upload.size() + " bytes, sha256 " + upload.sha256() + ")");
		return attachment;
	}

	/**
	 * @param itemType the item type
	 * @param itemId the item id
	 * @return the item's attachments, oldest first
	 */
	public List<Attachment> list(String itemType, String itemId) {
		return this.attachments.findByItemTypeAndItemIdOrderByUploadedAtAscIdAsc(itemType, itemId);
	}

	/**
	 * @param id the attachment id
	 * @return the attachment, if it exists
	 */
	public Optional<Attachment> find(Long id) {
		return this.attachments.findById(id);
	}

	/**
	 * Opens an attachment for download.
	 * @param id the attachment id
	 * @return the attachment and its content
	 * @throws Refusal (404) if there is no such attachment
	 */
	public AttachmentContent open(Long id) {
		Attachment attachment = find(id).orElseThrow(() -> notFound());
		return new AttachmentContent(attachment, this.storage.open(attachment.getStorageKey()));
	}

	/**
	 * @param userId the user
	 * @param attachment the attachment
	 * @return whether the user may see and download it
	 */
	public boolean canView(String userId, Attachment attachment) {
		Optional<AttachmentAccessPolicy> policy = policyFor(attachment.getItemType());
		if (policy.isPresent() && policy.get().canView(userId, attachment.getItemType(), attachment.getItemId())) {
			return true;
		}
		return (policy.isEmpty() && attachment.getUploadedBy().equals(userId)) || isAdmin(userId);
	}

	/**
	 * @param userId the user
	 * @param itemType the item type
	 * @param itemId the item id
	 * @return whether the user may add attachments to the item
	 */
	public boolean canAttach(String userId, String itemType, String itemId) {
		Optional<AttachmentAccessPolicy> policy = policyFor(itemType);
		if (policy.isPresent()) {
			return policy.get().canAttach(userId, itemType, itemId) || isAdmin(userId);
		}
		return !this.attachments.existsByItemTypeAndItemId(itemType, itemId)
				|| this.attachments.existsByItemTypeAndItemIdAndUploadedBy(itemType, itemId, userId) || isAdmin(userId);
	}

	/**
	 * @param userId the user
	 * @param itemType the item type
	 * @param itemId the item id
	 * @return whether the user may see the item (and so its attachments), as the item's
	 * policy decides; administrators may
	 */
	public boolean canViewItem(String userId, String itemType, String itemId) {
		Optional<AttachmentAccessPolicy> policy = policyFor(itemType);
		return (policy.isPresent() && policy.get().canView(userId, itemType, itemId)) || isAdmin(userId);
	}

	/**
	 * The attachments of an item that the user may see.
	 * @throws Refusal (403) if the item's policy denies the user
	 */
	public List<Attachment> listVisibleTo(String userId, String itemType, String itemId) {
		checkItem(itemType, itemId);
		Optional<AttachmentAccessPolicy> policy = policyFor(itemType);
		if (policy.isPresent() && !policy.get().canView(userId, itemType, itemId) && !isAdmin(userId)) {
			throw forbidden("您无权查看该事项的附件");
		}
		return list(itemType, itemId).stream().filter((a) -> canView(userId, a)).toList();
	}

	/**
	 * Stores an upload after checking that the user may attach to the item.
	 * @throws Refusal (403) if the user may not attach to the item
	 */
	@Transactional
	public Attachment upload(String itemType, String itemId, MultipartFile file, String userId) {
		checkItem(itemType, itemId);
		if (!canAttach(userId, itemType, itemId)) {
			throw forbidden("您无权为该事项上传附件");
		}
		return store(itemType, itemId, file, userId);
	}

	/**
	 * @throws Refusal (404) if there is no such attachment
	 * @throws Refusal (403) if the user may not see it
	 */
	public Attachment viewable(String userId, Long id) {
		Attachment attachment = find(id).orElseThrow(() -> notFound());
		if (!canView(userId, attachment)) {
			throw forbidden("您无权查看该附件");
		}
		return attachment;
	}

	public long maxBytes() {
		return this.properties.maxSize().toBytes();
	}

	public Set<String> allowedExtensions() {
		return this.allowedExtensions;
	}

	public static Refusal tooLarge(long maxBytes) {
		return Refusal.tooLarge("文件超过大小上限 " + formatSize(maxBytes), "The file exceeds the size limit");
	}

	private static Refusal empty() {
		return Refusal.invalid("文件为空，请选择要上传的文件", "The file is empty");
	}

	private static Refusal notFound() {
		return Refusal.notFound("附件不存在", "No such attachment");
	}

	private static Refusal forbidden(String messageZh) {
		return Refusal.forbidden(messageZh, "You may not access the attachments of this item");
	}

	public static String formatSize(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " 字节";
	}

	private FileType allowedType(String name) {
		String ext = FileNames.extension(name);
		if (ext.isEmpty() || !this.allowedExtensions.contains(ext)) {
			throw Refusal.invalid("不支持的文件类型" + (ext.isEmpty() ? "" : "“." + ext + "”") + "，允许的类型："
					+ String.join("、", this.allowedExtensions), "This file type or file name is not allowed");
		}
		return FileType.forExtension(ext).orElseThrow();
	}

	/**
	 * @param itemType an item type
	 * @param itemId an item id
	 * @return whether both are well formed
	 */
	public boolean isValidItem(String itemType, String itemId) {
		return itemType != null && ITEM_TYPE.matcher(itemType).matches() && itemId != null
				&& ITEM_ID.matcher(itemId).matches();
	}

	private void checkItem(String itemType, String itemId) {
		if (!isValidItem(itemType, itemId)) {
			throw Refusal.invalid("业务类型或业务编号无效", "Invalid item type or item id");
		}
	}

	private Optional<AttachmentAccessPolicy> policyFor(String itemType) {
		return this.policies.orderedStream().filter((p) -> p.supports(itemType)).findFirst();
	}

	private boolean isAdmin(String userId) {
		return userId != null && this.systemAuthority.call(() -> this.identityService.createUserQuery()
			.userId(userId)
			.memberOfGroup(Groups.CAMUNDA_ADMIN)
			.count()) > 0;
	}

	private void deleteOnRollback(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						AttachmentService.this.storage.delete(key);
					}
				}
			});
		}
	}

}
