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
 * One disposal decision (处置) proposed for a clue, with its approval where one is needed.
 */
@Entity
@Table(name = "clue_disposal")
class ClueDisposal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "clue_id", nullable = false, updatable = false)
	private Long clueId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private DisposalMethod method;

	@Enumerated(EnumType.STRING)
	@Column(name = "suggested_method", updatable = false)
	private DisposalMethod suggestedMethod;

	@Column(updatable = false)
	private String reason;

	@Column(name = "proposed_by", nullable = false, updatable = false)
	private String proposedBy;

	@Column(name = "proposed_at", nullable = false, updatable = false)
	private OffsetDateTime proposedAt;

	@Column(name = "approval_required", nullable = false, updatable = false)
	private boolean approvalRequired;

	private Boolean approved;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private OffsetDateTime decidedAt;

	protected ClueDisposal() {
	}

	ClueDisposal(Long clueId, DisposalMethod method, DisposalMethod suggestedMethod, String reason, String proposedBy,
			OffsetDateTime proposedAt) {
		this.clueId = clueId;
		this.method = method;
		this.suggestedMethod = suggestedMethod;
		this.reason = reason;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
		this.approvalRequired = method.approvalRequired();
	}

	/**
	 * Records the discipline lead's decision.
	 * @param approved whether approved
	 * @param by the approver
	 * @param at when
	 */
	void decide(boolean approved, String by, OffsetDateTime at) {
		if (!this.approvalRequired || this.approved != null) {
			throw new IllegalStateException("Disposal " + this.id + " needs no decision");
		}
		this.approved = approved;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	Long getId() {
		return this.id;
	}

	Long getClueId() {
		return this.clueId;
	}

	DisposalMethod getMethod() {
		return this.method;
	}

	String getReason() {
		return this.reason;
	}

	String getProposedBy() {
		return this.proposedBy;
	}

	OffsetDateTime getProposedAt() {
		return this.proposedAt;
	}

	Boolean getApproved() {
		return this.approved;
	}

	String getDecidedBy() {
		return this.decidedBy;
	}

}
