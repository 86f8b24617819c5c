package org.rectifyflow.recommendation.internal;

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

	private final LetterProposals proposals;

	CampaignFlagLetters(LetterProposals proposals) {
		this.proposals = proposals;
	}

	@EventListener
	void onLetterRequested(LetterRequested request) {
		this.proposals.proposeFromFlag(new LetterProposals.Proposal(request.campaignId(), request.flagRef(),
				request.unitCode(), request.problems(), null, null));
	}

}
