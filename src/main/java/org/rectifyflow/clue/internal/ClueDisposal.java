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
import org.rectifyflow.clue.DisposalMethod;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.Decision;

/**
 * One disposal decision (处置) proposed for a clue, with its approval where one is needed.
 */
@Entity
@Table(name = "clue_disposal")
public class ClueDisposal {

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

	@Embedded
	private Decision decision = Decision.pending();

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
	 * @throws Refusal (conflict) if the disposal needs no decision or was decided
	 */
	void decide(boolean approved, String by, OffsetDateTime at) {
		if (!this.approvalRequired) {
			throw Refusal.conflict("该处置方式无需审批", "disposal " + this.id + " needs no decision");
		}
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

	Long getClueId() {
		return this.clueId;
	}

	public DisposalMethod getMethod() {
		return this.method;
	}

	public String getReason() {
		return this.reason;
	}

	public String getProposedBy() {
		return this.proposedBy;
	}

	OffsetDateTime getProposedAt() {
		return this.proposedAt;
	}

	public Boolean getApproved() {
		return decision().getApproved();
	}

	public String getDecidedBy() {
		return decision().getDecidedBy();
	}

}
