package org.rectifyflow.recommendation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How a letter came about: started by the discipline group, or proposed by a campaign's
 * systemic-problem flag (the flag as its reference, the campaign), and who started it.
 * Columns {@code origin}, {@code origin_ref}, {@code campaign_id}, {@code started_by}.
 */
@Embeddable
class LetterOrigin {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RecommendationLetter.Origin origin;

	@Column(name = "origin_ref")
	private String originRef;

	@Column(name = "campaign_id")
	private Long campaignId;

	@Column(name = "started_by", nullable = false)
	private String startedBy;

	protected LetterOrigin() {
	}

	LetterOrigin(RecommendationLetter.Origin origin, String originRef, Long campaignId, String startedBy) {
		this.origin = origin;
		this.originRef = originRef;
		this.campaignId = campaignId;
		this.startedBy = startedBy;
	}

	RecommendationLetter.Origin origin() {
		return this.origin;
	}

	String originRef() {
		return this.originRef;
	}

	Long campaignId() {
		return this.campaignId;
	}

	String startedBy() {
		return this.startedBy;
	}

}
