package org.rectifyflow.clue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.rectifyflow.kernel.Refusal;

/**
 * A problem clue (问题线索). It guards its own life cycle: every transition checks the
 * current status and refuses a wrong one with a {@link Refusal} (conflict). The
 * reporter's identity is held only as ciphertext; the receipt code only as its hash.
 */
@Entity
@Table(name = "clue")
public class Clue {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "clue_number", nullable = false, updatable = false)
	private String number;

	@Column(name = "receipt_hash", nullable = false, updatable = false)
	private String receiptHash;

	@Embedded
	private ClueReport report;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ClueStatus status;

	@Enumerated(EnumType.STRING)
	private Route route;

	@Enumerated(EnumType.STRING)
	@Column(name = "suggested_disposal")
	private DisposalMethod suggestedDisposal;

	@Enumerated(EnumType.STRING)
	private DisposalMethod disposal;

	@Embedded
	private TriageAnswers triageAnswers;

	@Embedded
	private ClueDeadline deadline = new ClueDeadline();

	@Column(name = "duplicate_of")
	private String duplicateOf;

	@Column(name = "transfer_body")
	private String transferBody;

	@Column(name = "decision_reason")
	private String decisionReason;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "closed_at")
	private OffsetDateTime closedAt;

	@Column(name = "ledger_entry_code")
	private String ledgerEntryCode;

	@Version
	private long version;

	protected Clue() {
	}

	public Clue(String number, String receiptHash, Channel channel, ClueCategory category, String subjectUnitCode,
			String subjectPerson, String description, LocalDate occurredOn, String reporterCipher,
			OffsetDateTime receivedAt, String registeredBy) {
		this.number = number;
		this.receiptHash = receiptHash;
		this.report = new ClueReport(channel, category, subjectUnitCode, subjectPerson, description, occurredOn,
				reporterCipher, receivedAt, registeredBy);
		this.status = ClueStatus.RECEIVED;
	}

	private void expect(ClueStatus... allowed) {
		for (ClueStatus s : allowed) {
			if (this.status == s) {
				return;
			}
		}
		throw conflict("线索当前状态为「" + this.status.label() + "」，不能办理此项", "is " + this.status);
	}

	private Refusal conflict(String messageZh, String messageEn) {
		return Refusal.conflict(messageZh, "Clue " + this.number + " " + messageEn);
	}

	/**
	 * Links the clue to its process instance.
	 * @param processInstanceId the {@code clue} process instance
	 */
	public void started(String processInstanceId) {
		if (this.processInstanceId != null) {
			throw conflict("线索已在办理中", "already has a process");
		}
		this.processInstanceId = processInstanceId;
	}

	/** Accepts the clue at registration. */
	public void accept() {
		expect(ClueStatus.RECEIVED);
		this.status = ClueStatus.ACCEPTED;
	}

	/**
	 * Records what the registration decided besides the route: the other clue of a
	 * duplicate, the receiving body of a transfer, the reason. The transition itself
	 * ({@link #markDuplicate}, {@link #transferOut}, {@link #decline}) follows.
	 * @param otherNumber the other clue's number, or {@code null}
	 * @param body the receiving body, or {@code null}
	 * @param reason the reason, or {@code null}
	 */
	public void recordRegistration(String otherNumber, String body, String reason) {
		expect(ClueStatus.RECEIVED);
		this.duplicateOf = otherNumber;
		this.transferBody = body;
		this.decisionReason = reason;
	}

	/**
	 * Records the registration's triage answers, read by the triage table.
	 * @param answers the answers
	 */
	public void answerTriage(TriageAnswers answers) {
		expect(ClueStatus.RECEIVED);
		this.triageAnswers = answers;
	}

	/**
	 * Marks the clue as a duplicate of the other clue the registration named.
	 * @param at when
	 */
	public void markDuplicate(OffsetDateTime at) {
		expect(ClueStatus.RECEIVED);
		if (this.duplicateOf == null) {
			throw conflict("受理登记未填写重复的线索编号", "names no clue it duplicates");
		}
		this.status = ClueStatus.DUPLICATE;
		this.closedAt = at;
	}

	/**
	 * Transfers the clue to the body the registration named.
	 * @param at when
	 */
	public void transferOut(OffsetDateTime at) {
		expect(ClueStatus.RECEIVED);
		if (this.transferBody == null) {
			throw conflict("受理登记未填写接收线索的机关", "names no receiving body");
		}
		this.status = ClueStatus.TRANSFERRED;
		this.closedAt = at;
	}

	/**
	 * Declines the clue with the registration's reason.
	 * @param at when
	 */
	public void decline(OffsetDateTime at) {
		expect(ClueStatus.RECEIVED);
		if (this.decisionReason == null) {
			throw conflict("受理登记未填写不予受理的理由", "has no reason to decline");
		}
		this.status = ClueStatus.DECLINED;
		this.closedAt = at;
	}

	/**
	 * Records the triage table's result.
	 * @param route the route
	 * @param suggestion the suggested disposal
	 */
	public void triaged(Route route, DisposalMethod suggestion) {
		expect(ClueStatus.ACCEPTED);
		if (this.triageAnswers == null || !this.triageAnswers.isComplete()) {
			throw conflict("受理登记未回答全部研判问题", "has no triage answers");
		}
		this.route = route;
		this.suggestedDisposal = suggestion;
	}

	/**
	 * Records the working days the discipline lead set for the investigation of a
	 * STANDARD clue.
	 * @param workingDays the working days
	 */
	public void setInvestigationWorkingDays(int workingDays) {
		expect(ClueStatus.ACCEPTED);
		if (this.route != Route.STANDARD) {
			throw conflict("只有限期办结的线索由组长设定办结期限", "is not on the STANDARD route");
		}
		this.deadline.setInvestigationWorkingDays(workingDays);
	}

	/**
	 * Records the chosen disposal (still subject to approval for shelving and closing).
	 * @param method the disposal
	 */
	public void dispose(DisposalMethod method) {
		expect(ClueStatus.ACCEPTED);
		this.disposal = method;
	}

	/** Shelves the clue (暂存待查) after the approval. */
	public void shelve() {
		expect(ClueStatus.ACCEPTED);
		if (this.disposal != DisposalMethod.SHELVE) {
			throw conflict("处置方式不是暂存待查", "is not to be shelved");
		}
		this.status = ClueStatus.SHELVED;
	}

	/** Brings a shelved clue back for a new disposal decision. */
	public void reReview() {
		expect(ClueStatus.SHELVED);
		this.status = ClueStatus.ACCEPTED;
		this.disposal = null;
	}

	/**
	 * Starts the investigation with its deadline.
	 * @param deadline the deadline
	 */
	public void startInvestigation(OffsetDateTime deadline) {
		expect(ClueStatus.ACCEPTED);
		if (this.disposal == null || !this.disposal.investigates()) {
			throw conflict("处置方式不是谈话函询或初步核实", "has no investigating disposal");
		}
		this.status = ClueStatus.INVESTIGATING;
		this.deadline.start(deadline);
	}

	/** Marks the clue overdue (its deadline passed while open). */
	void markOverdue() {
		markOverdue(null);
	}

	/**
	 * Marks the clue overdue (its deadline passed while open) and keeps the deadline that
	 * passed when the clue has none of its own yet (the deadline of a step before the
	 * investigation), so that the register never shows an overdue clue without one.
	 * @param passed the deadline that passed, may be {@code null}
	 */
	public void markOverdue(OffsetDateTime passed) {
		if (this.status.isOpen()) {
			this.deadline.markOverdue(passed);
		}
	}

	/**
	 * Checks that an extension may be requested: STANDARD route, under investigation,
	 * none used yet.
	 * @throws Refusal (conflict) if not
	 */
	void checkExtensionAllowed() {
		expect(ClueStatus.INVESTIGATING);
		if (this.route != Route.STANDARD) {
			throw conflict("绿色通道线索不能延期", "is on the green channel");
		}
		if (this.deadline.extensionUsed()) {
			throw conflict("每条线索只能申请一次延期，本线索已申请过延期", "has already had its extension request");
		}
	}

	/** Uses up the one extension request of the clue. */
	public void extensionRequested() {
		checkExtensionAllowed();
		this.deadline.useExtension();
	}

	/**
	 * Moves the deadline after an approved extension.
	 * @param newDeadline the new deadline
	 */
	public void extendTo(OffsetDateTime newDeadline) {
		expect(ClueStatus.INVESTIGATING);
		if (!this.deadline.extendTo(newDeadline)) {
			throw conflict("延期后的期限必须晚于原期限", "must get a later deadline");
		}
	}

	/**
	 * Closes the clue (after an approved handling opinion, or an approved 予以了结).
	 * @param at when
	 */
	public void close(OffsetDateTime at) {
		if (this.status == ClueStatus.ACCEPTED && this.disposal != DisposalMethod.CLOSE) {
			throw conflict("处置方式不是予以了结", "was not disposed of by closing");
		}
		expect(ClueStatus.ACCEPTED, ClueStatus.INVESTIGATING);
		this.status = ClueStatus.CLOSED;
		this.closedAt = at;
	}

	/**
	 * Links the closed clue to the ledger entry it became.
	 * @param entryCode the ledger entry's code
	 */
	public void linkLedger(String entryCode) {
		expect(ClueStatus.CLOSED);
		if (this.ledgerEntryCode != null) {
			throw conflict("该线索已转为整改问题：" + this.ledgerEntryCode, "is already in the ledger");
		}
		this.ledgerEntryCode = entryCode;
	}

	public String getLedgerEntryCode() {
		return this.ledgerEntryCode;
	}

	public Long getId() {
		return this.id;
	}

	public String getNumber() {
		return this.number;
	}

	public String getReceiptHash() {
		return this.receiptHash;
	}

	public Channel getChannel() {
		return this.report.channel();
	}

	public ClueCategory getCategory() {
		return this.report.category();
	}

	public String getSubjectUnitCode() {
		return this.report.subjectUnitCode();
	}

	public String getSubjectPerson() {
		return this.report.subjectPerson();
	}

	public String getDescription() {
		return this.report.description();
	}

	public LocalDate getOccurredOn() {
		return this.report.occurredOn();
	}

	public boolean isReporterAnonymous() {
		return this.report.reporterAnonymous();
	}

	public String getReporterCipher() {
		return this.report.reporterCipher();
	}

	public OffsetDateTime getReceivedAt() {
		return this.report.receivedAt();
	}

	public String getRegisteredBy() {
		return this.report.registeredBy();
	}

	public ClueStatus getStatus() {
		return this.status;
	}

	public Route getRoute() {
		return this.route;
	}

	public DisposalMethod getSuggestedDisposal() {
		return this.suggestedDisposal;
	}

	public DisposalMethod getDisposal() {
		return this.disposal;
	}

	public TriageAnswers getTriageAnswers() {
		return this.triageAnswers;
	}

	public Integer getInvestigationWorkingDays() {
		return this.deadline.investigationWorkingDays();
	}

	public OffsetDateTime getDeadlineAt() {
		return this.deadline.deadlineAt();
	}

	public boolean isOverdue() {
		return this.deadline.overdue();
	}

	public boolean isExtensionUsed() {
		return this.deadline.extensionUsed();
	}

	public String getDuplicateOf() {
		return this.duplicateOf;
	}

	public String getTransferBody() {
		return this.transferBody;
	}

	public String getDecisionReason() {
		return this.decisionReason;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public OffsetDateTime getClosedAt() {
		return this.closedAt;
	}

}
