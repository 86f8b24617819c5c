package org.rectifyflow.attachment.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectifyflow.attachment.Attachment;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.attachment.internal.AttachmentContent;
import org.rectifyflow.attachment.internal.PdfPages;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload, list and download attachments.
 */
@Tag(name = "附件 Attachments")
@RestController
@RequestMapping("/api/attachments")
class AttachmentController {

	private final AttachmentService service;

	private final OrganisationService organisation;

	AttachmentController(AttachmentService service, OrganisationService organisation) {
		this.service = service;
		this.organisation = organisation;
	}

	@Operation(operationId = "uploadAttachment", summary = "Upload an evidence file for an item")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> upload(Principal principal, @RequestParam("file") MultipartFile file,
			@RequestParam String itemType, @RequestParam String itemId) {
		// the uploader's name is read before the upload commits: once stored, the answer
		// needs the database no more, so a stored file is never answered as a failure
		String uploader = this.organisation.personLabel(principal.getName());
		Attachment attachment = this.service.upload(itemType, itemId, file, principal.getName());
		return ResponseEntity.created(URI.create("/api/attachments/" + attachment.getId()))
			.body(AttachmentView.of(attachment, (userId) -> uploader));
	}

	@Operation(operationId = "listAttachments", summary = "An item's attachments")
	@GetMapping
	List<AttachmentView> list(Principal principal, @RequestParam String itemType, @RequestParam String itemId) {
		return this.service.listVisibleTo(principal.getName(), itemType, itemId).stream().map(this::view).toList();
	}

	@Operation(operationId = "getAttachment", summary = "One attachment's metadata")
	@GetMapping("/{id}")
	AttachmentView get(Principal principal, @PathVariable Long id) {
		return view(this.service.viewable(principal.getName(), id));
	}

	@Operation(operationId = "downloadAttachment",
			summary = "An attachment's content, in its own media type (images and PDFs inline on request, for a preview)")
	@GetMapping("/{id}/content")
	ResponseEntity<Resource> content(Principal principal, @PathVariable Long id,
			@RequestParam(defaultValue = "false") boolean inline) {
		this.service.viewable(principal.getName(), id);
		AttachmentContent content = this.service.open(id);
		Attachment attachment = content.attachment();
		String disposition = contentDisposition(attachment.getFileName());
		boolean preview = inline && previewable(attachment.getContentType());
		if (preview) {
			disposition = "inline" + disposition.substring("attachment".length());
		}
		return ResponseEntity.ok()
			// a preview is shown in a frame of the application's own pages, nowhere else
			.header("X-Frame-Options", preview ? "SAMEORIGIN" : "DENY")
			.contentType(MediaType.parseMediaType(attachment.getContentType()))
			.contentLength(attachment.getSize())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(content.content());
	}

	@Operation(operationId = "countAttachmentPreviewPages",
			summary = "How many pages of a PDF attachment its preview shows (at most " + PdfPages.MAX_PAGES + ")")
	@GetMapping("/{id}/pages")
	PreviewPages pages(Principal principal, @PathVariable Long id) {
		return new PreviewPages(PdfPages.count(pdf(principal, id)));
	}

	@Operation(operationId = "getAttachmentPreviewPage",
			summary = "One page of a PDF attachment as a PNG image, for its preview inside Tasklist")
	@GetMapping("/{id}/pages/{page}")
	ResponseEntity<byte[]> page(Principal principal, @PathVariable Long id, @PathVariable int page) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(PdfPages.png(pdf(principal, id), page));
	}

	private InputStream pdf(Principal principal, Long id) {
		Attachment attachment = this.service.viewable(principal.getName(), id);
		if (!MediaType.APPLICATION_PDF_VALUE.equals(attachment.getContentType())) {
			throw Refusal.invalid("只有PDF文件可以逐页预览", "only PDF attachments are previewed page by page");
		}
		try {
			return this.service.open(id).content().getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param pages how many pages the preview shows
	 */
	record PreviewPages(int pages) {

	}

	/**
	 * Images and PDFs may be shown in the page (a preview); anything else is only
	 * downloaded.
	 */
	static boolean previewable(String contentType) {
		return List.of("image/png", "image/jpeg", "image/gif", "application/pdf").contains(contentType);
	}

	/**
	 * {@code attachment} with an ASCII fallback name and the real name encoded as in RFC
	 * 5987 / RFC 6266 ({@code filename*=UTF-8''...}).
	 */
	static String contentDisposition(String fileName) {
		StringBuilder ascii = new StringBuilder();
		for (char c : fileName.toCharArray()) {
			ascii.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? c : '_');
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encodeRfc5987(fileName);
	}

	private static String encodeRfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	private AttachmentView view(Attachment attachment) {
		return AttachmentView.of(attachment, this.organisation::personLabel);
	}

}
