package org.rectifyflow.rectification;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One measure of a ledger entry (整改措施): what is done, who does it (a user id of the
 * unit's staff), and by when (a date, or none when the entry's deadline applies).
 */
@Embeddable
public class LedgerMeasure {

	@Column(name = "measure", nullable = false)
	private String text;

	private String responsible;

	private LocalDate deadline;

	protected LedgerMeasure() {
	}

	public LedgerMeasure(String text, String responsible, LocalDate deadline) {
		this.text = text;
		this.responsible = responsible;
		this.deadline = deadline;
	}

	public String getText() {
		return this.text;
	}

	public String getResponsible() {
		return this.responsible;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

}
