package org.rectifyflow.campaign.internal;

import java.time.ZoneId;
import java.util.function.Function;

import org.rectifyflow.campaign.PhaseDeadlines;

/**
 * Reads form values shared by the start form and the plan form.
 */
final class CampaignForms {

	private CampaignForms() {
	}

	static PhaseDeadlines deadlines(Function<String, Object> variables, ZoneId zone) {
		return new PhaseDeadlines(
				CampaignInputs.date(variables.apply(CampaignProcess.VAR_SELF_INSPECTION_DEADLINE), "自查期限", zone),
				CampaignInputs.date(variables.apply(CampaignProcess.VAR_CROSS_INSPECTION_DEADLINE), "互查期限", zone),
				CampaignInputs.date(variables.apply(CampaignProcess.VAR_REVIEW_DEADLINE), "全面剖析期限", zone),
				CampaignInputs.date(variables.apply(CampaignProcess.VAR_RECTIFICATION_DEADLINE), "问题整改期限", zone),
				CampaignInputs.date(variables.apply(CampaignProcess.VAR_REGULATION_DEADLINE), "建章立制期限", zone));
	}

}
