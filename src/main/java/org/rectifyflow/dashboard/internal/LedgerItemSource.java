package org.rectifyflow.dashboard.internal;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Component;

/**
 * Rectification ledger entries (整改台账) of the campaign looked at, read through the ledger.
 */
@Component
class LedgerItemSource implements ItemSource {

	static final String KIND = "ledger";

	private final LedgerService ledger;

	LedgerItemSource(LedgerService ledger) {
		this.ledger = ledger;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "整改台账事项";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<TrackedItem> openItems(Campaign campaign) {
		List<LedgerEntry> entries = (campaign != null) ? this.ledger.entries(campaign.getId())
				: this.ledger.allEntries();
		return entries.stream()
			.filter((e) -> !e.isSettled())
			.map((e) -> new TrackedItem(KIND, e.getCode(), e.getUnitCode(), true, e.getDeadline(), e.getCategoryName(),
					ItemLinks.ledgerEntry(e.getId()), e.getProcessInstanceId(), false))
			.toList();
	}

}
