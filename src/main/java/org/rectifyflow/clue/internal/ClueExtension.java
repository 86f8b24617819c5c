package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectifyflow.taskrules.Decision;

/**
 * The one extension request (延期申请) a STANDARD clue may have.
 */
@Entity
@Table(name = "clue_extension")
public class ClueExtension {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "clue_id", nullable = false, updatable = false)
	private Long clueId;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(name = "working_days", nullable = false, updatable = false)
	private int workingDays;

	@Column(name = "requested_by", nullable = false, updatable = false)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private OffsetDateTime requestedAt;

	@Column(name = "previous_deadline", nullable = false, updatable = false)
	private OffsetDateTime previousDeadline;

	@Column(name = "new_deadline")
	private OffsetDateTime newDeadline;

	@Embedded
	private Decision decision = Decision.pending();

	protected ClueExtension() {
	}

	ClueExtension(Long clueId, String reason, int workingDays, String requestedBy, OffsetDateTime requestedAt,
			OffsetDateTime previousDeadline) {
		this.clueId = clueId;
		this.reason = reason;
		this.workingDays = workingDays;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
		this.previousDeadline = previousDeadline;
	}

	/**
	 * Records the discipline lead's decision.
	 * @param newDeadline the new deadline when approved, else {@code null}
	 * @param by the approver
	 * @param at when
	 */
	void decide(OffsetDateTime newDeadline, String by, OffsetDateTime at) {
		decision().decide(newDeadline != null, by, at);
		this.newDeadline = newDeadline;
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

	public String getReason() {
		return this.reason;
	}

	public int getWorkingDays() {
		return this.workingDays;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public OffsetDateTime getPreviousDeadline() {
		return this.previousDeadline;
	}

	public OffsetDateTime getNewDeadline() {
		return this.newDeadline;
	}

	public Boolean getApproved() {
		return decision().getApproved();
	}

}
