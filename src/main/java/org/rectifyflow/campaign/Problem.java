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
 * A problem on a campaign's problem list (问题清单): registered in 自查 or 互查 (or later from
 * clues and inspections), then confirmed, merged into another problem or rejected in
 * 全面剖析. A confirmed problem gets a ledger entry.
 */
@Entity
@Table(name = "problem")
public class Problem {

	/** Review state. */
	public enum Status {

		REGISTERED("待剖析"), CONFIRMED("已确认"), MERGED("已合并"), REJECTED("已驳回");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** How serious the problem is. */
	public enum Severity {

		MINOR("一般"), SERIOUS("较重"), GRAVE("严重");

		private final String label;

		Severity(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/**
		 * @param text a name ({@code MINOR}) or Chinese label ({@code 一般})
		 * @return the severity, or {@code null} if unknown
		 */
		public static Severity parse(String text) {
			if (text == null) {
				return null;
			}
			String value = text.trim();
			for (Severity severity : values()) {
				if (severity.name().equalsIgnoreCase(value) || severity.label.equals(value)) {
					return severity;
				}
			}
			return null;
		}

	}

	/**
	 * Where a problem was found (also the {@code source} of its ledger entry).
	 */
	public enum Source {

		SELF_INSPECTION("自查"), CROSS_INSPECTION("互查"), REVIEW("全面剖析"), CLUE("问题线索"), INSPECTION("明察暗访");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "problem_no", nullable = false)
	private int number;

	@Column(name = "unit_code", nullable = false)
	private String unitCode;

	@Column(name = "category_code", nullable = false)
	private String categoryCode;

	@Column(nullable = false)
	private String description;

	private String evidence;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Severity severity;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Source source;

	@Column(name = "source_ref")
	private String sourceRef;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "merged_into_id")
	private Long mergedIntoId;

	@Column(name = "reject_reason")
	private String rejectReason;

	@Column(name = "inspected_by_unit")
	private String inspectedByUnit;

	@Column(name = "registered_by", nullable = false)
	private String registeredBy;

	@Column(name = "registered_at", nullable = false)
	private OffsetDateTime registeredAt;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private OffsetDateTime decidedAt;

	@Column(name = "ledger_entry_code")
	private String ledgerEntryCode;

	protected Problem() {
	}

	public Problem(Long campaignId, int number, String unitCode, String categoryCode, String description,
			String evidence, Severity severity, Source source, String sourceRef, String inspectedByUnit,
			String registeredBy, OffsetDateTime registeredAt) {
		this.campaignId = campaignId;
		this.number = number;
		this.unitCode = unitCode;
		this.categoryCode = categoryCode;
		this.description = description;
		this.evidence = evidence;
		this.severity = severity;
		this.source = source;
		this.sourceRef = sourceRef;
		this.inspectedByUnit = inspectedByUnit;
		this.registeredBy = registeredBy;
		this.registeredAt = registeredAt;
		this.status = Status.REGISTERED;
	}

	/**
	 * Confirms the problem (全面剖析).
	 * @param by who decided
	 * @param at when
	 */
	public void confirm(String by, OffsetDateTime at) {
		requireRegistered();
		this.status = Status.CONFIRMED;
		decided(by, at);
	}

	/**
	 * Merges the problem into another problem of the same campaign as a duplicate.
	 * @param target the problem it duplicates
	 * @param by who decided
	 * @param at when
	 */
	public void mergeInto(Problem target, String by, OffsetDateTime at) {
		requireRegistered();
		if (target == this || (this.id != null && this.id.equals(target.id))
				|| !target.campaignId.equals(this.campaignId)) {
			throw Refusal.conflict("问题 " + getLabel() + " 不能并入 " + target.getLabel(),
					"problem " + getLabel() + " cannot be merged into " + target.getLabel());
		}
		if (target.status == Status.MERGED || target.status == Status.REJECTED) {
			throw Refusal.conflict(
					"问题 " + getLabel() + " 只能并入已确认或待剖析的问题，" + target.getLabel() + " 已" + target.status.label(),
					"merge target " + target.getLabel() + " is " + target.status);
		}
		this.status = Status.MERGED;
		this.mergedIntoId = target.id;
		decided(by, at);
	}

	/**
	 * Rejects the problem.
	 * @param reason why (required)
	 * @param by who decided
	 * @param at when
	 */
	public void reject(String reason, String by, OffsetDateTime at) {
		requireRegistered();
		if (reason == null || reason.isBlank()) {
			throw Refusal.invalid("请填写驳回理由", "a reject reason is required");
		}
		this.status = Status.REJECTED;
		this.rejectReason = reason.strip();
		decided(by, at);
	}

	/**
	 * Records the ledger entry opened for this confirmed problem.
	 * @param entryCode the ledger entry code
	 */
	public void ledgerOpened(String entryCode) {
		if (this.status != Status.CONFIRMED) {
			throw Refusal.conflict("问题 " + getLabel() + " " + this.status.label() + "，未经确认不能列入台账",
					"problem " + getLabel() + " is " + this.status + ", not CONFIRMED");
		}
		if (this.ledgerEntryCode != null) {
			throw Refusal.conflict("问题 " + getLabel() + " 已列入台账：" + this.ledgerEntryCode,
					"problem " + getLabel() + " already has ledger entry " + this.ledgerEntryCode);
		}
		this.ledgerEntryCode = entryCode;
	}

	private void requireRegistered() {
		if (this.status != Status.REGISTERED) {
			throw Refusal.conflict("问题 " + getLabel() + " 已" + this.status.label(),
					"problem " + getLabel() + " is already " + this.status);
		}
	}

	private void decided(String by, OffsetDateTime at) {
		this.decidedBy = by;
		this.decidedAt = at;
	}

	/**
	 * @return the number shown to users within the campaign, e.g. {@code P007}
	 */
	public String getLabel() {
		return label(this.number);
	}

	public static String label(int number) {
		return String.format("P%03d", number);
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public int getNumber() {
		return this.number;
	}

	public String getUnitCode() {
		return this.unitCode;
	}

	public String getCategoryCode() {
		return this.categoryCode;
	}

	public String getDescription() {
		return this.description;
	}

	public String getEvidence() {
		return this.evidence;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public Source getSource() {
		return this.source;
	}

	public String getSourceRef() {
		return this.sourceRef;
	}

	public Status getStatus() {
		return this.status;
	}

	public Long getMergedIntoId() {
		return this.mergedIntoId;
	}

	public String getRejectReason() {
		return this.rejectReason;
	}

	public String getInspectedByUnit() {
		return this.inspectedByUnit;
	}

	public String getRegisteredBy() {
		return this.registeredBy;
	}

	public OffsetDateTime getRegisteredAt() {
		return this.registeredAt;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public OffsetDateTime getDecidedAt() {
		return this.decidedAt;
	}

	public String getLedgerEntryCode() {
		return this.ledgerEntryCode;
	}

}
