package org.rectifyflow.campaign.internal;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.campaign.Problem;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.NewLedgerEntry;

import org.springframework.stereotype.Component;

/**
 * The campaign's view of the rectification ledger, through {@link LedgerService}.
 */
@Component
class RectificationLedger implements CampaignLedger {

	private final LedgerService ledger;

	RectificationLedger(LedgerService ledger) {
		this.ledger = ledger;
	}

	@Override
	public String open(Campaign campaign, Problem problem, String categoryName) {
		return this.ledger
			.open(new NewLedgerEntry(campaign.getId(), campaign.getCode(), problem.getId(), problem.getUnitCode(),
					problem.getCategoryCode(), categoryName, problem.getDescription(), problem.getSource().name(),
					(problem.getSourceRef() != null) ? problem.getSourceRef() : problem.getLabel()))
			.getCode();
	}

	@Override
	public boolean allSettled(Long campaignId) {
		return this.ledger.allSettled(campaignId);
	}

	@Override
	public List<Entry> entries(Long campaignId) {
		return this.ledger.entries(campaignId)
			.stream()
			.map((e) -> new Entry(e.getCode(), e.getProblemId(), e.getUnitCode(), e.getCategoryCode(),
					e.getStatus().name(), e.isOverdue(), e.getStatus() == LedgerEntry.Status.CLOSED,
					e.getStatus() == LedgerEntry.Status.CARRIED_OVER, e.getClosedAt()))
			.toList();
	}

}
