package org.rectifyflow.rectification;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.rectification.internal.StatusNames;

/**
 * One line of the rectification ledger (整改工作台账): a problem, who rectifies it (责任领导, 责任人),
 * the measures and deadline (完成时限), and where the rectification stands. Each entry has
 * one {@code rectification} process instance whose business key is {@link #getCode()}.
 * The entry guards its own transitions: every state-changing method throws a
 * {@link Refusal#conflict conflict} in a state where the change is not allowed.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

	/** Where a ledger entry stands. */
	public enum Status {

		/** The unit leader assigns the responsible person (指定责任人). */
		ASSIGNING,
		/** The responsible person drafts measures and a deadline (制定整改措施). */
		DRAFTING,
		/** The responsible leader approves the measures (审核整改措施). */
		APPROVING,
		/** The rectification work runs (整改落实). */
		IN_PROGRESS,
		/** Closure requested, awaiting acceptance by the campaign office (申请销号). */
		CLOSURE_REQUESTED,
		/** Accepted and closed (已销号). */
		CLOSED,
		/** Carry-over requested, awaiting the party group (申请结转). */
		CARRY_OVER_REQUESTED,
		/** Carried over into later work (已结转). */
		CARRIED_OVER;

		/**
		 * @return whether the entry is settled: closed or carried over
		 */
		public boolean isSettled() {
			return this == CLOSED || this == CARRIED_OVER;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String code;

	@Column(nullable = false)
	private int seq;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "campaign_code", nullable = false)
	private String campaignCode;

	@Column(name = "problem_id")
	private Long problemId;

	@Column(name = "unit_code", nullable = false)
	private String unitCode;

	@Embedded
	private LedgerProblem problem;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "responsible_leader")
	private String responsibleLeader;

	@Column(name = "responsible_person")
	private String responsiblePerson;

	private String measures;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "ledger_measure", joinColumns = @JoinColumn(name = "ledger_entry_id"))
	@OrderColumn(name = "row_no")
	private List<LedgerMeasure> measureRows = new ArrayList<>();

	private OffsetDateTime deadline;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(nullable = false)
	private boolean overdue;

	@Column(name = "overdue_since")
	private OffsetDateTime overdueSince;

	@Embedded
	private LedgerSettlement settlement = new LedgerSettlement();

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	@Column(name = "updated_at", nullable = false)
	private OffsetDateTime updatedAt;

	protected LedgerEntry() {
	}

	LedgerEntry(NewLedgerEntry entry, int seq, String responsibleLeader, OffsetDateTime now) {
		this.seq = seq;
		this.code = codeFor(entry.campaignCode(), seq);
		this.campaignId = entry.campaignId();
		this.campaignCode = entry.campaignCode();
		this.problemId = entry.problemId();
		this.unitCode = entry.unitCode();
		this.problem = new LedgerProblem(entry);
		this.responsibleLeader = responsibleLeader;
		this.status = Status.ASSIGNING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static String codeFor(String campaignCode, int seq) {
		return campaignCode + "-" + String.format("%03d", seq);
	}

	/**
	 * Links the entry to its rectification process instance.
	 * @param processInstanceId the process instance id
	 */
	void linkProcess(String processInstanceId) {
		if (this.processInstanceId != null) {
			throw Refusal.conflict("整改事项「" + this.code + "」已有整改流程",
					"ledger entry " + this.code + " already has a process instance");
		}
		this.processInstanceId = processInstanceId;
	}

	/**
	 * The unit leader names the responsible person (and, if not the default, the
	 * responsible leader).
	 * @param person the responsible person (责任人)
	 * @param leader the responsible leader (责任领导)
	 * @param now when
	 */
	public void assignResponsible(String person, String leader, OffsetDateTime now) {
		require(Status.ASSIGNING, "assign the responsible person");
		this.responsiblePerson = person;
		this.responsibleLeader = leader;
		moveTo(Status.DRAFTING, now);
	}

	/**
	 * The responsible person submits measures and deadline for approval.
	 * @param rows the rectification measures (整改措施), one per row
	 * @param measures the rows written out as text, as lists and documents print them
	 * @param deadline the proposed deadline (完成时限)
	 * @param now when
	 */
	public void submitMeasures(List<LedgerMeasure> rows, String measures, OffsetDateTime deadline, OffsetDateTime now) {
		require(Status.DRAFTING, "submit measures");
		this.measureRows.clear();
		this.measureRows.addAll(rows);
		this.measures = measures;
		this.deadline = deadline;
		moveTo(Status.APPROVING, now);
	}

	/**
	 * The responsible leader decides on the measures: approved starts the work, otherwise
	 * they go back to the responsible person.
	 * @param approved whether the measures are approved
	 * @param now when
	 */
	public void decideMeasures(boolean approved, OffsetDateTime now) {
		require(Status.APPROVING, "decide on the measures");
		moveTo(approved ? Status.IN_PROGRESS : Status.DRAFTING, now);
	}

	/**
	 * Checks that progress may be reported now (the work runs).
	 */
	public void checkProgressAllowed() {
		require(Status.IN_PROGRESS, "report progress");
	}

	/**
	 * The responsible person asks for closure (销号), with evidence.
	 * @param evidenceNote the evidence text, may be {@code null} when files are attached
	 * @param now when
	 */
	public void requestClosure(String evidenceNote, OffsetDateTime now) {
		require(Status.IN_PROGRESS, "request closure");
		settlement().requestClosure(evidenceNote);
		moveTo(Status.CLOSURE_REQUESTED, now);
	}

	/**
	 * The campaign office decides on the closure: accepted closes the entry, otherwise
	 * the work goes on.
	 * @param accepted whether the closure is accepted (销号)
	 * @param now when
	 */
	public void decideClosure(boolean accepted, OffsetDateTime now) {
		require(Status.CLOSURE_REQUESTED, "decide on the closure");
		if (accepted) {
			settlement().closed(now);
		}
		moveTo(accepted ? Status.CLOSED : Status.IN_PROGRESS, now);
	}

	/**
	 * The responsible person asks for a carry-over (结转), with a reason.
	 * @param reason why the problem cannot be rectified within the campaign
	 * @param now when
	 */
	public void requestCarryOver(String reason, OffsetDateTime now) {
		require(Status.IN_PROGRESS, "request a carry-over");
		settlement().requestCarryOver(reason);
		moveTo(Status.CARRY_OVER_REQUESTED, now);
	}

	/**
	 * The party group decides on the carry-over: approved settles the entry, otherwise
	 * the work goes on.
	 * @param approved whether the carry-over is approved
	 * @param now when
	 */
	public void decideCarryOver(boolean approved, OffsetDateTime now) {
		require(Status.CARRY_OVER_REQUESTED, "decide on the carry-over");
		if (approved) {
			settlement().carriedOver(now);
		}
		moveTo(approved ? Status.CARRIED_OVER : Status.IN_PROGRESS, now);
	}

	/**
	 * Goes back one step when 退回 or 撤回 takes the process back: from APPROVING to
	 * DRAFTING, from DRAFTING to ASSIGNING, from CLOSURE_REQUESTED or
	 * CARRY_OVER_REQUESTED to IN_PROGRESS. Nothing else can be undone.
	 * @param back the state of the step the process goes back to
	 * @param now when
	 */
	public void moveBack(Status back, OffsetDateTime now) {
		boolean oneStepBack = switch (this.status) {
			case APPROVING -> back == Status.DRAFTING;
			case DRAFTING -> back == Status.ASSIGNING;
			case CLOSURE_REQUESTED, CARRY_OVER_REQUESTED -> back == Status.IN_PROGRESS;
			default -> false;
		};
		if (!oneStepBack) {
			throw Refusal.conflict(
					"整改台账「" + this.code + "」当前为" + StatusNames.of(this.status) + "，不能退回到" + StatusNames.of(back) + "。",
					"Ledger entry " + this.code + " is " + this.status + ", cannot go back to " + back);
		}
		if (this.status == Status.CLOSURE_REQUESTED) {
			settlement().withdrawClosure();
		}
		if (this.status == Status.CARRY_OVER_REQUESTED) {
			settlement().withdrawCarryOver();
		}
		moveTo(back, now);
	}

	/**
	 * Marks the entry overdue (its deadline passed with the work open). The mark stays,
	 * also after closure: it records that the entry was late.
	 * @param now when
	 * @return {@code true} if the entry was not marked before
	 */
	public boolean markOverdue(OffsetDateTime now) {
		if (this.status.isSettled()) {
			throw Refusal.conflict("整改事项「" + this.code + "」" + StatusNames.of(this.status) + "，不能标记逾期",
					"ledger entry " + this.code + " is " + this.status + ": cannot be overdue");
		}
		if (this.overdue) {
			return false;
		}
		this.overdue = true;
		this.overdueSince = now;
		this.updatedAt = now;
		return true;
	}

	private void require(Status expected, String action) {
		if (this.status != expected) {
			throw Refusal.conflict("整改事项「" + this.code + "」当前为「" + StatusNames.of(this.status) + "」，不能办理此项",
					"ledger entry " + this.code + " is " + this.status + ", cannot " + action + " (needs " + expected
							+ ")");
		}
	}

	/** The settlement, none when its columns are all empty. */
	private LedgerSettlement settlement() {
		if (this.settlement == null) {
			this.settlement = new LedgerSettlement();
		}
		return this.settlement;
	}

	private void moveTo(Status next, OffsetDateTime now) {
		this.status = next;
		this.updatedAt = now;
	}

	/**
	 * @return whether the entry is closed or carried over
	 */
	public boolean isSettled() {
		return this.status.isSettled();
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public int getSeq() {
		return this.seq;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public String getCampaignCode() {
		return this.campaignCode;
	}

	public Long getProblemId() {
		return this.problemId;
	}

	public String getUnitCode() {
		return this.unitCode;
	}

	public String getCategoryCode() {
		return this.problem.categoryCode();
	}

	public String getCategoryName() {
		return this.problem.categoryName();
	}

	public String getDescription() {
		return this.problem.description();
	}

	public String getSource() {
		return this.problem.source();
	}

	public String getSourceRef() {
		return this.problem.sourceRef();
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getResponsibleLeader() {
		return this.responsibleLeader;
	}

	public String getResponsiblePerson() {
		return this.responsiblePerson;
	}

	public String getMeasures() {
		return this.measures;
	}

	/**
	 * @return the measures as rows, in the order they were written
	 */
	public List<LedgerMeasure> getMeasureRows() {
		return List.copyOf(this.measureRows);
	}

	public OffsetDateTime getDeadline() {
		return this.deadline;
	}

	public Status getStatus() {
		return this.status;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public OffsetDateTime getOverdueSince() {
		return this.overdueSince;
	}

	public String getEvidenceNote() {
		return settlement().evidenceNote();
	}

	public String getCarriedOverReason() {
		return settlement().carriedOverReason();
	}

	public OffsetDateTime getClosedAt() {
		return settlement().closedAt();
	}

	public OffsetDateTime getCarriedOverAt() {
		return settlement().carriedOverAt();
	}

	public OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	public OffsetDateTime getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public String toString() {
		return "LedgerEntry[" + this.code + ", " + this.status + "]";
	}

}
