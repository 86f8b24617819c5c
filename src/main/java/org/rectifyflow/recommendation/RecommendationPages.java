package org.rectifyflow.recommendation;

import java.security.Principal;
import java.util.List;

import org.rectifyflow.attachment.AttachmentService;
import org.rectifyflow.identity.Membership;
import org.rectifyflow.identity.Roles;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.pages.AuditTrail;
import org.rectifyflow.pages.ItemPage;
import org.rectifyflow.taskrules.ApprovalOpinionService;

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

	private final ApprovalOpinionService opinions;

	private final AttachmentService attachments;

	private final AuditTrail trail;

	RecommendationPages(RecommendationLetters recommendations, RecommendationAccess access, Membership membership,
			ApprovalOpinionService opinions, AttachmentService attachments, AuditTrail trail) {
		this.recommendations = recommendations;
		this.access = access;
		this.membership = membership;
		this.opinions = opinions;
		this.attachments = attachments;
		this.trail = trail;
	}

	@GetMapping("/items/letters/{id}")
	String letter(@PathVariable Long id, Principal principal, Model model) {
		RecommendationAccess.Viewer viewer = this.access.viewer(principal.getName());
		RecommendationLetter letter = this.recommendations.find(id)
			.filter(viewer::canView)
			.orElseThrow(() -> Refusal.notFound("建议书不存在", "no recommendation letter " + id));
		model.addAttribute("letter", letter);
		model.addAttribute("replies", this.recommendations.replies(id));
		model.addAttribute("opinions", (letter.getProcessInstanceId() == null) ? List.of()
				: this.opinions.history(letter.getProcessInstanceId()));
		model.addAttribute("attachments", this.attachments.list(RecommendationProcess.ITEM_TYPE, String.valueOf(id)));
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
