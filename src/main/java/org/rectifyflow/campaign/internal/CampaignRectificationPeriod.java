package org.rectifyflow.campaign.internal;

import java.time.Instant;
import java.util.Optional;

import org.rectifyflow.calendar.WorkingDayCalendar;
import org.rectifyflow.campaign.CampaignPlan;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.campaign.PhaseDeadlines;
import org.rectifyflow.rectification.RectificationPeriod;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a campaign's rectification phase (问题整改), as its approved plan sets it: close
 * of business on the phase's last day. A rectification deadline may not lie after it.
 */
@Component
class CampaignRectificationPeriod implements RectificationPeriod {

	private final CampaignService campaigns;

	private final WorkingDayCalendar calendar;

	CampaignRectificationPeriod(CampaignService campaigns, WorkingDayCalendar calendar) {
		this.campaigns = campaigns;
		this.calendar = calendar;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> rectificationEnd(Long campaignId) {
		if (campaignId == null) {
			return Optional.empty();
		}
		return this.campaigns.findPlan(campaignId)
			.map(CampaignPlan::getDeadlines)
			.map(PhaseDeadlines::rectification)
			.map((day) -> this.calendar.closeOfBusiness(day).toInstant());
	}

}
