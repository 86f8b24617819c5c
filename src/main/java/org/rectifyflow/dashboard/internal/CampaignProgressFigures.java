package org.rectifyflow.dashboard.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.Phase;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.campaign.Regulation;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Component;

/**
 * The progress of every campaign: its phases against the plan's deadlines, its problems,
 * its ledger (closed, open, overdue) and its published regulations.
 */
@Component
class CampaignProgressFigures {

	private final CampaignService campaigns;

	private final LedgerService ledger;

	CampaignProgressFigures(CampaignService campaigns, LedgerService ledger) {
		this.campaigns = campaigns;
		this.ledger = ledger;
	}

	List<SupervisionSummary.CampaignProgress> progress() {
		List<SupervisionSummary.CampaignProgress> result = new ArrayList<>();
		for (Campaign campaign : this.campaigns.all()) {
			PhaseDeadlines deadlines = this.campaigns.findPlan(campaign.getId())
				.map(CampaignPlan::getDeadlines)
				.orElse(new PhaseDeadlines(null, null, null, null, null));
			List<SupervisionSummary.PhaseProgress> phases = new ArrayList<>();
			for (Phase phase : Phase.values()) {
				if (phase == Phase.COMPLETED) {
					continue;
				}
				String state = (campaign.getPhase().ordinal() > phase.ordinal()) ? "DONE"
						: (campaign.getPhase() == phase) ? "CURRENT" : "PENDING";
				phases.add(new SupervisionSummary.PhaseProgress(phase.name(), phase.label(),
						phaseDeadline(phase, deadlines), state));
			}
			List<LedgerEntry> entries = this.ledger.entries(campaign.getId());
			long closed = entries.stream().filter((e) -> e.getStatus() == LedgerEntry.Status.CLOSED).count();
			long open = entries.stream().filter((e) -> !e.isSettled()).count();
			long overdue = entries.stream().filter((e) -> !e.isSettled() && e.isOverdue()).count();
			long published = this.campaigns.regulations(campaign.getId())
				.stream()
				.filter((r) -> r.getStatus() == Regulation.Status.PUBLISHED)
				.count();
			result.add(new SupervisionSummary.CampaignProgress(campaign.getId(), campaign.getCode(),
					campaign.getTitle(), campaign.getStatus().name(), campaign.getPhase().name(),
					campaign.getPhase().label(), phases, this.campaigns.problems(campaign.getId()).size(),
					entries.size(), closed, open, overdue, published, ItemLinks.campaign(campaign.getId()),
					"/api/campaigns/" + campaign.getId() + "/ledger?size=200"));
		}
		return result;
	}

	/**
	 * The deadline that ends a phase in the plan (动员部署 has none of its own).
	 */
	static LocalDate phaseDeadline(Phase phase, PhaseDeadlines deadlines) {
		return switch (phase) {
			case INSPECT -> deadlines.review();
			case RECTIFY -> deadlines.rectification();
			case INSTITUTIONALIZE -> deadlines.regulation();
			default -> null;
		};
	}

}
