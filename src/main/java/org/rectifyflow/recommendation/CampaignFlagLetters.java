package org.rectifyflow.recommendation;

import org.rectifyflow.campaign.LetterRequested;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A letter called for by the campaign's analysis starts its own {@code recommendation}
 * process at the draft, with the unit and the flag filled in, in the transaction of the
 * decision that called for it.
 */
@Component
class CampaignFlagLetters {

	private final RecommendationService recommendations;

	CampaignFlagLetters(RecommendationService recommendations) {
		this.recommendations = recommendations;
	}

	@EventListener
	void onLetterRequested(LetterRequested request) {
		this.recommendations.proposeFromFlag(new RecommendationService.Proposal(request.campaignId(), request.flagRef(),
				request.unitCode(), request.problems(), null, null));
	}

}
