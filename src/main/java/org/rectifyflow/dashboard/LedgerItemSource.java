package org.rectifyflow.dashboard;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;

import org.springframework.stereotype.Component;

/** Rectification ledger entries (整改台账) of the campaign looked at. */
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
	public List<TrackedItem> items(Campaign campaign, boolean withContent) {
		List<LedgerEntry> entries = (campaign != null) ? this.ledger.entries(campaign.getId())
				: this.ledger.allEntries();
		return entries.stream()
			.map((e) -> new TrackedItem(KIND, e.getCode(), e.getUnitCode(), !e.isSettled(),
					e.isOverdue() && !e.isSettled(), e.getDeadline(), e.getCategoryName(), "/api/ledger/" + e.getId()))
			.toList();
	}

	@Override
	public String listLink(Campaign campaign, String unitCode, boolean overdueOnly) {
		if (campaign == null) {
			return null;
		}
		return "/api/campaigns/" + campaign.getId() + "/ledger?open=true" + (overdueOnly ? "&overdue=true" : "")
				+ "&unit=" + unitCode + "&size=200";
	}

}
