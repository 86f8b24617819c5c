package org.rectifyflow.rectification;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a ledger entry is being settled: the evidence of a requested closure (销号) and when
 * it was closed, or the reason of a requested carry-over (结转) and when it was carried
 * over. A request taken back (退回, 撤回) leaves no evidence or reason behind. Columns
 * {@code evidence_note}, {@code closed_at}, {@code carried_over_reason},
 * {@code carried_over_at}; all empty while the work runs.
 */
@Embeddable
class LedgerSettlement {

	@Column(name = "evidence_note")
	private String evidenceNote;

	@Column(name = "carried_over_reason")
	private String carriedOverReason;

	@Column(name = "closed_at")
	private OffsetDateTime closedAt;

	@Column(name = "carried_over_at")
	private OffsetDateTime carriedOverAt;

	void requestClosure(String evidenceNote) {
		this.evidenceNote = evidenceNote;
	}

	void closed(OffsetDateTime now) {
		this.closedAt = now;
	}

	void withdrawClosure() {
		this.evidenceNote = null;
	}

	void requestCarryOver(String reason) {
		this.carriedOverReason = reason;
	}

	void carriedOver(OffsetDateTime now) {
		this.carriedOverAt = now;
	}

	void withdrawCarryOver() {
		this.carriedOverReason = null;
	}

	String evidenceNote() {
		return this.evidenceNote;
	}

	String carriedOverReason() {
		return this.carriedOverReason;
	}

	OffsetDateTime closedAt() {
		return this.closedAt;
	}

	OffsetDateTime carriedOverAt() {
		return this.carriedOverAt;
	}

}
