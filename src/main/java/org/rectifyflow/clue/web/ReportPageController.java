package org.rectifyflow.clue.web;

import java.util.List;

import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueCategory;
import org.rectifyflow.clue.internal.ClueIntake;
import org.rectifyflow.clue.internal.NewClue;
import org.rectifyflow.organisation.OrganisationService;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public reporting page (网上举报) at {@code /report}: the form and the receipt-code
 * lookup, server-rendered, no login. Every user-supplied text is rendered with
 * {@code th:text}, i.e. escaped.
 */
@Controller
@RequestMapping("/report")
class ReportPageController {

	private final ClueIntake intake;

	private final OrganisationService organisation;

	ReportPageController(ClueIntake intake, OrganisationService organisation) {
		this.intake = intake;
		this.organisation = organisation;
	}

	@GetMapping
	String page(Model model) {
		prepare(model);
		return "report/index";
	}

	@PostMapping
	String report(@RequestParam(required = false) String subjectUnit,
			@RequestParam(required = false) String subjectPerson, @RequestParam(required = false) String category,
			@RequestParam(required = false) String description, @RequestParam(required = false) String occurredOn,
			@RequestParam(required = false) String reporterName, @RequestParam(required = false) String reporterContact,
			@RequestParam(required = false) String reporterEmail,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> attachments, Model model,
			HttpServletResponse response) {
		NewClue clue = new NewClue(Channel.WEBSITE.name(), subjectUnit, subjectPerson, category, description,
				occurredOn, reporterName, reporterContact, reporterEmail);
		List<MultipartFile> files = (attachments != null) ? attachments.stream().filter((f) -> !f.isEmpty()).toList()
				: List.of();
		try {
			model.addAttribute("receipt", this.intake.receive(clue, files, null));
		}
		catch (Refusal ex) {
			response.setStatus(Problems.status(ex.getKind()).value());
			model.addAttribute("error", ex.getMessageZh());
			model.addAttribute("form", clue);
		}
		prepare(model);
		return "report/index";
	}

	@PostMapping("/lookup")
	String lookup(@RequestParam(required = false) String receiptCode, Model model, HttpServletResponse response) {
		var status = this.intake.lookup(receiptCode);
		if (status.isPresent()) {
			model.addAttribute("status", status.get());
		}
		else {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("lookupError", PublicClueController.NOT_FOUND_ZH);
		}
		prepare(model);
		return "report/index";
	}

	private void prepare(Model model) {
		model.addAttribute("units", this.organisation.activeUnits());
		model.addAttribute("categories", ClueCategory.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewClue(null, null, null, null, null, null, null, null, null));
		}
	}

}
