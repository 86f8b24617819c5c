package org.rectifyflow.recommendation;

import java.util.List;

import org.rectifyflow.campaign.CampaignService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's basis documents for its recommendation letters, read through the
 * campaign feature's public register (recommendation depends on campaign, never the other
 * way).
 */
@Component
class CampaignLetterBasis implements LetterBasis {

	private final CampaignService campaigns;

	CampaignLetterBasis(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> documents(Long campaignId) {
		return this.campaigns.find(campaignId)
			.map((c) -> c.getBasisDocuments()
				.stream()
				.map((d) -> "《" + d.title().replaceAll("^《|》$", "") + "》"
						+ ((d.number() != null && !d.number().isBlank()) ? "（" + d.number() + "）" : ""))
				.toList())
			.orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> measures(Long campaignId, String unitCode) {
		return this.campaigns.ledgerMeasures(campaignId, unitCode);
	}

}
