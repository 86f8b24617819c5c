package org.rectifyflow.attachment.web;

import java.security.Principal;
import java.util.List;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.kernel.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a user may do with an item's attachments, and the limits an upload must meet, so
 * that a page offers an upload only to who may upload and checks a file before sending it
 * (the upload itself checks again).
 */
@Tag(name = "附件 Attachments")
@RestController
class AttachmentRulesController {

	private final AttachmentService service;

	AttachmentRulesController(AttachmentService service) {
		this.service = service;
	}

	@Operation(operationId = "getAttachmentRules",
			summary = "Whether the user may see and add an item's attachments, and the upload limits")
	@GetMapping("/api/attachments/rules")
	AttachmentRules rules(Principal principal, @RequestParam String itemType, @RequestParam String itemId) {
		if (!this.service.isValidItem(itemType, itemId)) {
			throw Refusal.invalid("业务类型或业务编号无效", "Invalid item type or item id");
		}
		String user = principal.getName();
		return new AttachmentRules(this.service.canViewItem(user, itemType, itemId),
				this.service.canAttach(user, itemType, itemId), this.service.maxBytes(),
				AttachmentService.formatSize(this.service.maxBytes()), List.copyOf(this.service.allowedExtensions()));
	}

	/**
	 * @param canView whether the user may list and download the item's attachments
	 * @param canAttach whether the user may add one
	 * @param maxBytes the largest file accepted
	 * @param maxSize the same, for people (e.g. 20 MB)
	 * @param allowedTypes the accepted file name extensions
	 */
	record AttachmentRules(boolean canView, boolean canAttach, long maxBytes, String maxSize,
			List<String> allowedTypes) {
	}

}
