package org.rectifyflow.campaign.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import org.rectifyflow.campaign.internal.CampaignTaxonomy;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign office's page for the problem taxonomy ({@code /taxonomy}): the aspects
 * and kinds, a form to add one and a form to rename, map or (de)activate one. It calls
 * {@link CampaignTaxonomy}, which checks and audits every change as the API does.
 */
@Controller
class TaxonomyPageController {

	private final CampaignTaxonomy taxonomy;

	private final Membership membership;

	TaxonomyPageController(CampaignTaxonomy taxonomy, Membership membership) {
		this.taxonomy = taxonomy;
		this.membership = membership;
	}

	@GetMapping("/taxonomy")
	String page(Principal principal, Model model, HttpServletResponse response) {
		boolean allowed = principal != null && this.membership.of(principal.getName())
			.isAnyOf(java.util.Set.of(Roles.CAMPAIGN_OFFICE, Roles.ADMIN));
		if (!allowed) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		}
		model.addAttribute("allowed", allowed);
		model.addAttribute("user", (principal != null) ? principal.getName() : "");
		model.addAttribute("categories", this.taxonomy.all());
		model.addAttribute("aspects",
				this.taxonomy.all().stream().filter((c) -> c.parentCode() == null && c.active()).toList());
		return "taxonomy/index";
	}

	@PostMapping("/taxonomy/categories")
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String parentCode, @RequestParam(required = false) String clueCategory,
			Principal principal, RedirectAttributes redirect) {
		try {
			CampaignTaxonomy.CategoryView created = this.taxonomy
				.create(new CampaignTaxonomy.NewCategory(code, name, parentCode, clueCategory), principal.getName());
			redirect.addFlashAttribute("message", "已新增「" + created.name() + "」");
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("error", ex.getMessageZh());
		}
		return "redirect:/taxonomy";
	}

	@PostMapping("/taxonomy/revisions")
	String revise(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String state, @RequestParam(required = false) String clueCategory,
			Principal principal, RedirectAttributes redirect) {
		try {
			Boolean active = "active".equals(state) ? Boolean.TRUE : "inactive".equals(state) ? Boolean.FALSE : null;
			CampaignTaxonomy.CategoryView revised = this.taxonomy.revise(code, new CampaignTaxonomy.Revision(
					(name != null && !name.isBlank()) ? name : null, active, clueCategory), principal.getName());
			redirect.addFlashAttribute("message", "已修改「" + revised.name() + "」");
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("error", ex.getMessageZh());
		}
		return "redirect:/taxonomy";
	}

}
