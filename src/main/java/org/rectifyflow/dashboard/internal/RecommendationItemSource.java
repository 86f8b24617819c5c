package org.rectifyflow.dashboard.internal;

import java.util.List;

import org.rectifyflow.campaign.Campaign;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.pages.ItemLinks;

import org.springframework.stereotype.Component;

/**
 * Recommendation letters (纪律/监察建议书) not yet closed, with their reply deadline, read
 * through the register of letters.
 */
@Component
class RecommendationItemSource implements ItemSource {

	static final String KIND = "recommendation";

	private final RecommendationLetters letters;

	RecommendationItemSource(RecommendationLetters letters) {
		this.letters = letters;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "建议书回复";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<TrackedItem> openItems(Campaign campaign) {
		return this.letters.open()
			.stream()
			.map((l) -> new TrackedItem(KIND, l.getCode(), l.getUnitCode(), true, l.getReplyDeadline(), l.getTitle(),
					ItemLinks.letter(l.getId()), l.getProcessInstanceId(), false))
			.toList();
	}

}
