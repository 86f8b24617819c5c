package org.rectifyflow.clue;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A handling opinion (处理意见) proposed after the investigation, and its approval.
 */
@Entity
@Table(name = "clue_handling_opinion")
class HandlingOpinion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "clue_id", nullable = false, updatable = false)
	private Long clueId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private HandlingOutcome outcome;

	@Column(name = "opinion_text", nullable = false, updatable = false)
	private String text;

	@Column(name = "proposed_by", nullable = false, updatable = false)
	private String proposedBy;

	@Column(name = "proposed_at", nullable = false, updatable = false)
	private OffsetDateTime proposedAt;

	private Boolean approved;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private OffsetDateTime decidedAt;

	protected HandlingOpinion() {
	}

	HandlingOpinion(Long clueId, HandlingOutcome outcome, String text, String proposedBy, OffsetDateTime proposedAt) {
		this.clueId = clueId;
		this.outcome = outcome;
		this.text = text;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
	}

	/**
	 * Records the approval decision.
	 * @param approved whether approved
	 * @param by the approver
	 * @param at when
	 */
	void decide(boolean approved, String by, OffsetDateTime at) {
		if (this.approved != null) {
			throw new IllegalStateException("Handling opinion " + this.id + " is already decided");
		}
		this.approved = approved;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	Long getId() {
		return this.id;
	}

	HandlingOutcome getOutcome() {
		return this.outcome;
	}

	String getText() {
		return this.text;
	}

	String getProposedBy() {
		return this.proposedBy;
	}

	Boolean getApproved() {
		return this.approved;
	}

	String getDecidedBy() {
		return this.decidedBy;
	}

}
