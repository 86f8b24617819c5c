package org.rectifyflow.campaign;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Placeholder until the rectification ledger is available: no entries, nothing to wait
 * for.
 */
@Component
class UnavailableLedger implements CampaignLedger {

	@Override
	public String open(Campaign campaign, Problem problem, String categoryName) {
		throw new IllegalStateException("the rectification ledger is not available");
	}

	@Override
	public boolean allSettled(Long campaignId) {
		return true;
	}

	@Override
	public List<Entry> entries(Long campaignId) {
		return List.of();
	}

}
