package org.rectifyflow.attachment.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.rectifyflow.attachment.Attachment;
import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.web.Problems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The upload page that task forms link to (Camunda Forms have no file field).
 */
@Controller
@RequestMapping("/attachments/upload")
class AttachmentPageController {

	private final AttachmentService service;

	private final OrganisationService organisation;

	AttachmentPageController(AttachmentService service, OrganisationService organisation) {
		this.service = service;
		this.organisation = organisation;
	}

	@GetMapping
	String page(Principal principal, @RequestParam(defaultValue = "") String itemType,
			@RequestParam(defaultValue = "") String itemId, Model model, HttpServletResponse response) {
		model.addAttribute("itemType", itemType);
		model.addAttribute("itemId", itemId);
		model.addAttribute("maxSize", AttachmentService.formatSize(this.service.maxBytes()));
		model.addAttribute("allowedTypes", String.join("、", this.service.allowedExtensions()));
		model.addAttribute("accept", "." + String.join(",.", this.service.allowedExtensions()));
		List<Attachment> attachments = List.of();
		boolean canAttach = false;
		try {
			attachments = this.service.listVisibleTo(principal.getName(), itemType, itemId);
			canAttach = this.service.canAttach(principal.getName(), itemType, itemId);
		}
		catch (Refusal ex) {
			response.setStatus(Problems.status(ex.getKind()).value());
			model.addAttribute("error", ex.getMessageZh());
		}
		model.addAttribute("attachments", attachments);
		Map<String, String> uploaders = new HashMap<>();
		attachments.forEach((a) -> uploaders.computeIfAbsent(a.getUploadedBy(), this.organisation::personLabel));
		model.addAttribute("uploaders", uploaders);
		model.addAttribute("canAttach", canAttach);
		return "attachment/upload";
	}

	@PostMapping
	String upload(Principal principal, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String itemType, @RequestParam(defaultValue = "") String itemId,
			RedirectAttributes redirect) {
		try {
			Attachment attachment = this.service.upload(itemType, itemId, file, principal.getName());
			redirect.addFlashAttribute("message", "已上传：" + attachment.getFileName());
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("error", ex.getMessageZh());
		}
		if (this.service.isValidItem(itemType, itemId)) {
			// only a well-formed item goes back into the address (a huge one would not
			// fit
			// in the Location header)
			redirect.addAttribute("itemType", itemType);
			redirect.addAttribute("itemId", itemId);
		}
		return "redirect:/attachments/upload";
	}

}
