package org.rectifyflow.rectification.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One closure request (申请销号) of a ledger entry, with the evidence note given for it.
 * Never changed once written: a rejected request stays, and the next one adds its own
 * note.
 */
@Entity
@Immutable
@Table(name = "ledger_closure_request")
public class ClosureRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ledger_entry_id", nullable = false)
	private Long ledgerEntryId;

	@Column(nullable = false)
	private int attempt;

	@Column(name = "evidence_note")
	private String evidenceNote;

	@Column(name = "requested_by", nullable = false)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false)
	private OffsetDateTime requestedAt;

	protected ClosureRequest() {
	}

	ClosureRequest(Long ledgerEntryId, int attempt, String evidenceNote, String requestedBy,
			OffsetDateTime requestedAt) {
		this.ledgerEntryId = ledgerEntryId;
		this.attempt = attempt;
		this.evidenceNote = evidenceNote;
		this.requestedBy = requestedBy;
		this.requestedAt = requestedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getLedgerEntryId() {
		return this.ledgerEntryId;
	}

	public int getAttempt() {
		return this.attempt;
	}

	public String getEvidenceNote() {
		return this.evidenceNote;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public OffsetDateTime getRequestedAt() {
		return this.requestedAt;
	}

}
