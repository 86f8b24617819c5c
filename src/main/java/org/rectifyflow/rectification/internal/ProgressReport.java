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
 * A progress report (整改进展) on a ledger entry. Never changed once written.
 */
@Entity
@Immutable
@Table(name = "ledger_progress_report")
public class ProgressReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ledger_entry_id", nullable = false)
	private Long ledgerEntryId;

	@Column(name = "report_text", nullable = false)
	private String text;

	@Column(name = "reported_by", nullable = false)
	private String reportedBy;

	@Column(name = "reported_at", nullable = false)
	private OffsetDateTime reportedAt;

	protected ProgressReport() {
	}

	ProgressReport(Long ledgerEntryId, String text, String reportedBy, OffsetDateTime reportedAt) {
		this.ledgerEntryId = ledgerEntryId;
		this.text = text;
		this.reportedBy = reportedBy;
		this.reportedAt = reportedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getLedgerEntryId() {
		return this.ledgerEntryId;
	}

	public String getText() {
		return this.text;
	}

	public String getReportedBy() {
		return this.reportedBy;
	}

	public OffsetDateTime getReportedAt() {
		return this.reportedAt;
	}

}
