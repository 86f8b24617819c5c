package org.rectifyflow.recommendation.web;

import java.security.Principal;
import java.util.List;

import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.pages.AuditTrail;
import org.rectifyflow.pages.ItemPage;
import org.rectifyflow.pages.ItemRecord;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.recommendation.internal.RecommendationAccess;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable pages of recommendation letters: one letter ({@code /items/letters/{id}})
 * and a campaign's letters ({@code /items/campaigns/{id}/letters}), as
 * {@link RecommendationAccess} allows (a letter a reader may not see does not exist for
 * that reader: 404). The audit trail is shown to the discipline group and to the unit the
 * letter is addressed to.
 */
@ItemPage
class RecommendationPages {

	private final RecommendationLetters recommendations;

	private final RecommendationAccess access;

	private final Membership membership;

	private final ItemRecord record;

	private final AuditTrail trail;

	RecommendationPages(RecommendationLetters recommendations, RecommendationAccess access, Membership membership,
			ItemRecord record, AuditTrail trail) {
		this.recommendations = recommendations;
		this.access = access;
		this.membership = membership;
		this.record = record;
		this.trail = trail;
	}

	@GetMapping("/items/letters/{id}")
	String letter(@PathVariable Long id, Principal principal, Model model) {
		RecommendationAccess.Viewer viewer = this.access.viewer(principal.getName());
		RecommendationLetter letter = this.record.readable(this.recommendations.find(id), viewer::canView, "建议书不存在",
				"no recommendation letter " + id);
		model.addAttribute("letter", letter);
		model.addAttribute("replies", this.recommendations.replies(id));
		this.record.addTo(model, RecommendationProcess.ITEM_TYPE, id, letter.getProcessInstanceId());
		boolean owner = viewer.insider() || viewer.units().contains(letter.getUnitCode())
				|| principal.getName().equals(letter.getRecipient())
				|| this.membership.of(principal.getName()).isIn(Roles.DISCIPLINE_GROUP);
		model.addAttribute("trail", owner ? this.trail.of(RecommendationProcess.ITEM_TYPE, List.of(String.valueOf(id)),
				letter.getProcessInstanceId()) : null);
		return "items/letter";
	}

	@GetMapping("/items/campaigns/{campaignId}/letters")
	String campaignLetters(@PathVariable Long campaignId, Principal principal, Model model) {
		RecommendationAccess.Viewer viewer = this.access.viewer(principal.getName());
		model.addAttribute("campaignId", campaignId);
		model.addAttribute("letters",
				this.recommendations.all()
					.stream()
					.filter((l) -> campaignId.equals(l.getCampaignId()))
					.filter(viewer::canView)
					.toList());
		return "items/letter-list";
	}

}
