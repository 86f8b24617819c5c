package org.rectifyflow.campaign.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectifyflow.kernel.Refusal;

/**
 * A statistics snapshot taken by 分析研判: problems by unit, category and status (as JSON
 * objects), ledger counts, overdue count and closure rate.
 */
@Entity
@Table(name = "analysis_snapshot")
public class AnalysisSnapshot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "taken_at", nullable = false)
	private OffsetDateTime takenAt;

	@Column(name = "problems_total", nullable = false)
	private int problemsTotal;

	@Column(name = "problems_confirmed", nullable = false)
	private int problemsConfirmed;

	@Column(name = "entries_total", nullable = false)
	private int entriesTotal;

	@Column(name = "entries_open", nullable = false)
	private int entriesOpen;

	@Column(name = "entries_overdue", nullable = false)
	private int entriesOverdue;

	@Column(name = "entries_closed", nullable = false)
	private int entriesClosed;

	@Column(name = "entries_carried_over", nullable = false)
	private int entriesCarriedOver;

	@Column(name = "closure_rate", nullable = false)
	private double closureRate;

	@Column(name = "by_unit", nullable = false)
	private String byUnit;

	@Column(name = "by_category", nullable = false)
	private String byCategory;

	@Column(name = "by_status", nullable = false)
	private String byStatus;

	@Column(name = "review_note")
	private String reviewNote;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	@Column(name = "reviewed_at")
	private OffsetDateTime reviewedAt;

	protected AnalysisSnapshot() {
	}

	public AnalysisSnapshot(Long campaignId, OffsetDateTime takenAt, int problemsTotal, int problemsConfirmed,
			int entriesTotal, int entriesOpen, int entriesOverdue, int entriesClosed, int entriesCarriedOver,
			double closureRate, String byUnit, String byCategory, String byStatus) {
		this.campaignId = campaignId;
		this.takenAt = takenAt;
		this.problemsTotal = problemsTotal;
		this.problemsConfirmed = problemsConfirmed;
		this.entriesTotal = entriesTotal;
		this.entriesOpen = entriesOpen;
		this.entriesOverdue = entriesOverdue;
		this.entriesClosed = entriesClosed;
		this.entriesCarriedOver = entriesCarriedOver;
		this.closureRate = closureRate;
		this.byUnit = byUnit;
		this.byCategory = byCategory;
		this.byStatus = byStatus;
	}

	/**
	 * Records the campaign office's review of the snapshot.
	 * @param note the review note
	 * @param by who reviewed
	 * @param at when
	 */
	public void review(String note, String by, OffsetDateTime at) {
		if (this.reviewedAt != null) {
			throw Refusal.conflict("该统计快照已研判", "snapshot " + this.id + " has already been reviewed");
		}
		this.reviewNote = note;
		this.reviewedBy = by;
		this.reviewedAt = at;
	}

	/**
	 * @return a short Chinese summary for the review task
	 */
	public String describe() {
		return String.format("问题总数 %d（已确认 %d）；台账 %d 条：在办 %d、逾期 %d、已销号 %d、已结转 %d；销号率 %.1f%%。按单位：%s；按类别：%s；按状态：%s",
				this.problemsTotal, this.problemsConfirmed, this.entriesTotal, this.entriesOpen, this.entriesOverdue,
				this.entriesClosed, this.entriesCarriedOver, this.closureRate * 100, this.byUnit, this.byCategory,
				this.byStatus);
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public OffsetDateTime getTakenAt() {
		return this.takenAt;
	}

	public int getProblemsTotal() {
		return this.problemsTotal;
	}

	public int getProblemsConfirmed() {
		return this.problemsConfirmed;
	}

	public int getEntriesTotal() {
		return this.entriesTotal;
	}

	public int getEntriesOpen() {
		return this.entriesOpen;
	}

	public int getEntriesOverdue() {
		return this.entriesOverdue;
	}

	public int getEntriesClosed() {
		return this.entriesClosed;
	}

	public int getEntriesCarriedOver() {
		return this.entriesCarriedOver;
	}

	public double getClosureRate() {
		return this.closureRate;
	}

	public String getByUnit() {
		return this.byUnit;
	}

	public String getByCategory() {
		return this.byCategory;
	}

	public String getByStatus() {
		return this.byStatus;
	}

	public String getReviewNote() {
		return this.reviewNote;
	}

}
