package org.rectifyflow.recommendation;

import java.util.Optional;

import org.rectifyflow.attachment.AttachmentAccessPolicy;

import org.springframework.stereotype.Component;

/**
 * Evidence of a unit's reply (item type {@value RecommendationProcess#ITEM_TYPE}, item id
 * = the letter's id): seen by whoever may see the letter, added by the unit while its
 * reply is due.
 */
@Component
class RecommendationAttachmentPolicy implements AttachmentAccessPolicy {

	private final RecommendationService recommendations;

	private final RecommendationAccess access;

	RecommendationAttachmentPolicy(RecommendationService recommendations, RecommendationAccess access) {
		this.recommendations = recommendations;
		this.access = access;
	}

	@Override
	public boolean supports(String itemType) {
		return RecommendationProcess.ITEM_TYPE.equals(itemType);
	}

	@Override
	public boolean canView(String userId, String itemType, String itemId) {
		return letter(itemId).map((l) -> this.access.viewer(userId).canView(l)).orElse(false);
	}

	@Override
	public boolean canAttach(String userId, String itemType, String itemId) {
		return letter(itemId).map((l) -> this.access.viewer(userId).canAttach(l)).orElse(false);
	}

	private Optional<RecommendationLetter> letter(String itemId) {
		try {
			return this.recommendations.find(Long.valueOf(itemId));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
