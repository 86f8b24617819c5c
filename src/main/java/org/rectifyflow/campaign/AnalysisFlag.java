package org.rectifyflow.campaign;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectifyflow.kernel.Refusal;

/**
 * A finding of 分析研判 that the discipline group must decide on. Raised once per campaign,
 * kind and subject.
 */
@Entity
@Table(name = "analysis_flag")
public class AnalysisFlag {

	/** What the flag says. */
	public enum Kind {

		/** The same category in at least three units (subject: category code). */
		SYSTEMIC("共性问题"),

		/** A unit with at least three overdue ledger entries (subject: unit code). */
		UNIT_OVERDUE("单位逾期较多"),

		/**
		 * A problem reported again after its ledger entry was closed (subject:
		 * unit/category).
		 */
		REAPPEARED("问题反弹");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** Lifecycle. */
	public enum Status {

		OPEN, DECIDED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "snapshot_id", nullable = false)
	private Long snapshotId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private String detail;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "raised_at", nullable = false)
	private OffsetDateTime raisedAt;

	@Column(name = "decision_note")
	private String decisionNote;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private OffsetDateTime decidedAt;

	protected AnalysisFlag() {
	}

	AnalysisFlag(Long campaignId, Long snapshotId, Kind kind, String subject, String detail, OffsetDateTime raisedAt) {
		this.campaignId = campaignId;
		this.snapshotId = snapshotId;
		this.kind = kind;
		this.subject = subject;
		this.detail = detail;
		this.raisedAt = raisedAt;
		this.status = Status.OPEN;
	}

	/**
	 * Records the discipline group's decision and closes the flag.
	 * @param note the decision note
	 * @param by who decided
	 * @param at when
	 */
	void decide(String note, String by, OffsetDateTime at) {
		if (this.status != Status.OPEN) {
			throw Refusal.conflict("该预警已处理", "flag " + this.id + " is already " + this.status);
		}
		this.status = Status.DECIDED;
		this.decisionNote = note;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public Long getSnapshotId() {
		return this.snapshotId;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getSubject() {
		return this.subject;
	}

	public String getDetail() {
		return this.detail;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getDecisionNote() {
		return this.decisionNote;
	}

}
