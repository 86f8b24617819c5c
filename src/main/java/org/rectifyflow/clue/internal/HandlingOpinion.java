package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectifyflow.taskrules.Decision;

/**
 * A handling opinion (处理意见) proposed after the investigation, and its approval.
 */
@Entity
@Table(name = "clue_handling_opinion")
public class HandlingOpinion {

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

	@Embedded
	private Decision decision = Decision.pending();

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
		decision().decide(approved, by, at);
	}

	/** Hibernate loads an undecided decision (all columns null) as {@code null}. */
	private Decision decision() {
		if (this.decision == null) {
			this.decision = Decision.pending();
		}
		return this.decision;
	}

	Long getId() {
		return this.id;
	}

	public HandlingOutcome getOutcome() {
		return this.outcome;
	}

	public String getText() {
		return this.text;
	}

	public String getProposedBy() {
		return this.proposedBy;
	}

	public Boolean getApproved() {
		return decision().getApproved();
	}

	public String getDecidedBy() {
		return decision().getDecidedBy();
	}

}
