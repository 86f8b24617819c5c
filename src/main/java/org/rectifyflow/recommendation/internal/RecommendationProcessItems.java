package org.rectifyflow.recommendation.internal;

import java.util.Optional;

import org.rectifyflow.pages.ItemLinks;
import org.rectifyflow.pages.ProcessItems;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;

import org.springframework.stereotype.Component;

/** A recommendation process shows its letter. */
@Component
class RecommendationProcessItems implements ProcessItems {

	private final RecommendationLetters recommendations;

	RecommendationProcessItems(RecommendationLetters recommendations) {
		this.recommendations = recommendations;
	}

	@Override
	public String processKey() {
		return RecommendationProcess.KEY;
	}

	@Override
	public Optional<String> link(String businessKey) {
		return this.recommendations.findByCode(businessKey).map((l) -> ItemLinks.letter(l.getId()));
	}

}
