package org.rectifyflow.recommendation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.rectifyflow.kernel.Refusal;

/**
 * A recommendation letter (纪律检查建议书 / 监察建议书) to a unit with systemic problems. Guards its
 * transitions: DRAFTING → APPROVING (→ DRAFTING when returned) → ISSUED → REPLIED (→
 * ISSUED when the reply is not accepted) → ACCEPTED.
 */
@Entity
@Table(name = "recommendation_letter")
public class RecommendationLetter {

	/** The two kinds of letter. */
	public enum Kind {

		/** 纪律检查建议书, number 纪建〔year〕n号. */
		DISCIPLINE("纪律检查建议书", "纪建"),
		/** 监察建议书, number 监建〔year〕n号. */
		SUPERVISION("监察建议书", "监建");

		private final String title;

		private final String numberPrefix;

		Kind(String title, String numberPrefix) {
			this.title = title;
			this.numberPrefix = numberPrefix;
		}

		public String title() {
			return this.title;
		}

		public String numberPrefix() {
			return this.numberPrefix;
		}

	}

	/** Where a letter stands. */
	public enum Status {

		/** Being drafted (起草中). */
		DRAFTING,
		/** Awaiting the discipline lead (待审批). */
		APPROVING,
		/** Issued, the unit's reply is due (已印发，待回复). */
		ISSUED,
		/** Replied, awaiting verification (待核实). */
		REPLIED,
		/** Reply accepted, closed (已办结). */
		ACCEPTED

	}

	/** How the letter came about. */
	public enum Origin {

		/** Started by the discipline group. */
		DIRECT,
		/** A systemic-problem flag of a campaign's 分析研判. */
		CAMPAIGN_FLAG

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String code;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String title;

	@Column(name = "unit_code")
	private String unitCode;

	private String problems;

	@Column(name = "basis_refs")
	private String basisRefs;

	private String requirements;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "recommendation_problem", joinColumns = @JoinColumn(name = "letter_id"))
	@OrderColumn(name = "item_index")
	@Column(name = "item")
	private List<String> problemItems = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "recommendation_requirement", joinColumns = @JoinColumn(name = "letter_id"))
	@OrderColumn(name = "item_index")
	@Column(name = "item")
	private List<String> requirementItems = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "recommendation_basis", joinColumns = @JoinColumn(name = "letter_id"))
	@OrderColumn(name = "basis_index")
	private List<LetterBasisItem> basis = new ArrayList<>();

	@Column(name = "reply_working_days")
	private Integer replyWorkingDays;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Embedded
	private LetterOrigin origin;

	@Column(name = "drafted_by")
	private String draftedBy;

	@Embedded
	private LetterIssue issue;

	@Column(name = "closed_at")
	private OffsetDateTime closedAt;

	@Column(nullable = false)
	private boolean overdue;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	@Column(name = "updated_at", nullable = false)
	private OffsetDateTime updatedAt;

	private static final Map<Status, String> STATUS_NAMES = Map.of(Status.DRAFTING, "起草中", Status.APPROVING, "待审批",
			Status.ISSUED, "已印发，待回复", Status.REPLIED, "待核实", Status.ACCEPTED, "已办结");

	protected RecommendationLetter() {
	}

	public RecommendationLetter(String code, Origin origin, String originRef, Long campaignId, String startedBy,
			OffsetDateTime now) {
		this.code = code;
		this.origin = new LetterOrigin(origin, originRef, campaignId, startedBy);
		this.status = Status.DRAFTING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Records the draft and submits it for approval: the problems and requirements one a
	 * row (the letter numbers them), the basis as the chosen problems with their labels.
	 * The text columns keep the rows one a line and the basis labels, for display.
	 * @throws Refusal (conflict) unless drafting
	 */
	public void draft(Kind kind, String unitCode, List<String> problems, List<LetterBasisItem> basis,
			List<String> requirements, int replyWorkingDays, String draftedBy, OffsetDateTime now) {
		require(Status.DRAFTING, "draft");
		this.kind = kind;
		this.title = kind.title();
		this.unitCode = unitCode;
		this.problemItems.clear();
		this.problemItems.addAll(problems);
		this.problems = String.join("\n", problems);
		this.basis.clear();
		this.basis.addAll(basis);
		this.basisRefs = basis.isEmpty() ? null : String.join("；", basis.stream().map(LetterBasisItem::label).toList());
		this.requirementItems.clear();
		this.requirementItems.addAll(requirements);
		this.requirements = String.join("\n", requirements);
		this.replyWorkingDays = replyWorkingDays;
		this.draftedBy = draftedBy;
		this.status = Status.APPROVING;
		this.updatedAt = now;
	}

	/** The approver returned the draft. */
	public void returned(OffsetDateTime now) {
		require(Status.APPROVING, "return");
		this.status = Status.DRAFTING;
		this.updatedAt = now;
	}

	/**
	 * Issues the approved letter with its document number to the unit's leader.
	 * @throws Refusal (conflict) unless approving
	 */
	public void issue(int year, int seq, String recipient, OffsetDateTime replyDeadline, OffsetDateTime now) {
		require(Status.APPROVING, "issue");
		this.issue = new LetterIssue(this.kind, year, seq, recipient, replyDeadline, now);
		this.status = Status.ISSUED;
		this.updatedAt = now;
	}

	/** The unit replied. */
	public void replied(OffsetDateTime now) {
		require(Status.ISSUED, "reply to");
		this.status = Status.REPLIED;
		this.updatedAt = now;
	}

	/**
	 * The unit took back its reply (撤回) before it was verified: the reply is due again.
	 * @param now when
	 */
	public void replyWithdrawn(OffsetDateTime now) {
		require(Status.REPLIED, "withdraw the reply to");
		this.status = Status.ISSUED;
		this.updatedAt = now;
	}

	/** The discipline group accepted the reply (or sent it back). */
	public void verified(boolean accepted, OffsetDateTime now) {
		require(Status.REPLIED, "verify");
		this.status = accepted ? Status.ACCEPTED : Status.ISSUED;
		if (accepted) {
			this.closedAt = now;
		}
		this.updatedAt = now;
	}

	public boolean markOverdue(OffsetDateTime now) {
		if (this.overdue) {
			return false;
		}
		this.overdue = true;
		this.updatedAt = now;
		return true;
	}

	public void linkProcess(String processInstanceId) {
		if (this.processInstanceId != null) {
			throw Refusal.conflict("建议书「" + this.code + "」已有办理流程",
					"letter " + this.code + " already has a process instance");
		}
		this.processInstanceId = processInstanceId;
	}

	/**
	 * @return the Chinese name of the letter's state
	 */
	public String statusName() {
		return STATUS_NAMES.get(this.status);
	}

	/**
	 * @return whether the letter has been issued (the unit may see it)
	 */
	public boolean isIssued() {
		return this.issue != null;
	}

	private void require(Status expected, String what) {
		if (this.status != expected) {
			throw Refusal.conflict("建议书「" + this.code + "」当前为「" + STATUS_NAMES.get(this.status) + "」，不能办理此项",
					"cannot " + what + " letter " + this.code + " in " + this.status + " (expected " + expected + ")");
		}
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getDocNumber() {
		return isIssued() ? this.issue.docNumber() : null;
	}

	public String getTitle() {
		return this.title;
	}

	public String getUnitCode() {
		return this.unitCode;
	}

	public String getProblems() {
		return this.problems;
	}

	public String getBasisRefs() {
		return this.basisRefs;
	}

	public String getRequirements() {
		return this.requirements;
	}

	/**
	 * @return the problems, one a row as drafted; empty for letters drafted as text
	 */
	public List<String> getProblemItems() {
		return List.copyOf(this.problemItems);
	}

	/**
	 * @return the requirements, one a row as drafted; empty for letters drafted as text
	 */
	public List<String> getRequirementItems() {
		return List.copyOf(this.requirementItems);
	}

	/**
	 * @return the problems the letter rests on, with their labels
	 */
	public List<LetterBasisItem> getBasis() {
		return List.copyOf(this.basis);
	}

	public Integer getReplyWorkingDays() {
		return this.replyWorkingDays;
	}

	public OffsetDateTime getReplyDeadline() {
		return isIssued() ? this.issue.replyDeadline() : null;
	}

	public String getRecipient() {
		return isIssued() ? this.issue.recipient() : null;
	}

	public Status getStatus() {
		return this.status;
	}

	public Origin getOrigin() {
		return this.origin.origin();
	}

	public String getOriginRef() {
		return this.origin.originRef();
	}

	public Long getCampaignId() {
		return this.origin.campaignId();
	}

	public String getStartedBy() {
		return this.origin.startedBy();
	}

	public String getDraftedBy() {
		return this.draftedBy;
	}

	public OffsetDateTime getIssuedAt() {
		return isIssued() ? this.issue.issuedAt() : null;
	}

	public OffsetDateTime getClosedAt() {
		return this.closedAt;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	public OffsetDateTime getUpdatedAt() {
		return this.updatedAt;
	}

}
