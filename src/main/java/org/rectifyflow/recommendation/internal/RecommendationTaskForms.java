package org.rectifyflow.recommendation.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.rectifyflow.recommendation.LetterBasis;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The defaults of editable fields of {@code recommendation.bpmn}'s forms, put on the
 * task's execution by input mappings so that the submitted values replace them.
 */
@Component("recommendationTaskForms")
@Transactional(readOnly = true)
public class RecommendationTaskForms {

	private final RecommendationLetterRepository letters;

	private final RecommendationLetters recommendations;

	private final LetterBasis basis;

	RecommendationTaskForms(RecommendationLetterRepository letters, RecommendationLetters recommendations,
			LetterBasis basis) {
		this.letters = letters;
		this.recommendations = recommendations;
		this.basis = basis;
	}

	/**
	 * What the reply form starts with: the measures of the last reply, when it was sent
	 * back, so that the unit adds to it; otherwise the measures the unit's ledger entries
	 * of the letter's campaign already hold.
	 * @param processInstanceId the letter's process instance
	 * @return the text the 整改措施和成效 field starts with, or {@code null}
	 */
	public String replyDefault(String processInstanceId) {
		RecommendationLetter letter = this.letters.findByProcessInstanceId(processInstanceId).orElse(null);
		if (letter == null) {
			return null;
		}
		List<RecommendationReply> replies = this.recommendations.replies(letter.getId());
		if (!replies.isEmpty()) {
			return replies.get(replies.size() - 1).getMeasures();
		}
		List<String> measures = this.basis.measures(letter.getCampaignId(), letter.getUnitCode());
		if (measures.isEmpty()) {
			return null;
		}
		return IntStream.range(0, measures.size())
			.mapToObj((i) -> (i + 1) + ". " + measures.get(i))
			.collect(Collectors.joining("\n"));
	}

}
