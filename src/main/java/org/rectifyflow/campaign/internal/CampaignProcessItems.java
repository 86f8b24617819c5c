package org.rectifyflow.campaign.internal;

import java.util.Optional;

import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.pages.ProcessItems;

import org.springframework.stereotype.Component;

/** A campaign process shows its campaign. */
@Component
class CampaignProcessItems implements ProcessItems {

	private final CampaignService campaigns;

	CampaignProcessItems(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public String processKey() {
		return CampaignProcess.KEY;
	}

	@Override
	public Optional<String> link(String businessKey) {
		return this.campaigns.findByCode(businessKey).map((c) -> ItemLinks.campaign(c.getId()));
	}

}
