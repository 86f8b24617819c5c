package org.rectifyflow.recommendation.internal;

import java.util.Optional;

import org.rectifyflow.attachment.ItemAttachmentPolicy;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.recommendation.RecommendationLetters;
import org.rectifyflow.recommendation.RecommendationProcess;

import org.springframework.stereotype.Component;

/**
 * Evidence of a unit's reply (item type {@value RecommendationProcess#ITEM_TYPE}, item id
 * = the letter's id): seen by whoever may see the letter, added by the unit while its
 * reply is due.
 */
@Component
class RecommendationAttachmentPolicy extends ItemAttachmentPolicy<RecommendationLetter> {

	private final RecommendationLetters recommendations;

	private final RecommendationAccess access;

	RecommendationAttachmentPolicy(RecommendationLetters recommendations, RecommendationAccess access) {
		super(RecommendationProcess.ITEM_TYPE);
		this.recommendations = recommendations;
		this.access = access;
	}

	@Override
	protected Optional<RecommendationLetter> find(String itemId) {
		return numericId(itemId).flatMap(this.recommendations::find);
	}

	@Override
	protected boolean canView(String userId, RecommendationLetter item) {
		return this.access.viewer(userId).canView(item);
	}

	@Override
	protected boolean canAttach(String userId, RecommendationLetter item) {
		return this.access.viewer(userId).canAttach(item);
	}

}
