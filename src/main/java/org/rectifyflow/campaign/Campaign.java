package org.rectifyflow.campaign;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
 * A rectification campaign (专项整治). Its code ({@code ZZ-<year>-<seq>}) is the business key
 * of its {@code campaign} process instance.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

	/** Lifecycle of the campaign record. */
	public enum Status {

		RUNNING, COMPLETED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String code;

	@Column(name = "campaign_year", nullable = false)
	private int year;

	@Column(nullable = false)
	private int seq;

	@Column(nullable = false)
	private String title;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Phase phase;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "started_by", nullable = false)
	private String startedBy;

	@Column(name = "started_at", nullable = false)
	private OffsetDateTime startedAt;

	@Column(name = "ended_at")
	private OffsetDateTime endedAt;

	private String summary;

	@Column(name = "problem_seq", nullable = false)
	private int problemSeq;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "campaign_basis_document", joinColumns = @JoinColumn(name = "campaign_id"))
	@OrderColumn(name = "doc_index")
	private List<BasisDocument> basisDocuments = new ArrayList<>();

	protected Campaign() {
	}

	Campaign(int year, int seq, String title, List<BasisDocument> basisDocuments, String startedBy,
			OffsetDateTime startedAt) {
		this.year = year;
		this.seq = seq;
		this.code = code(year, seq);
		this.title = title;
		this.basisDocuments.addAll(basisDocuments);
		this.startedBy = startedBy;
		this.startedAt = startedAt;
		this.status = Status.RUNNING;
		this.phase = Phase.MOBILIZE;
	}

	static String code(int year, int seq) {
		return String.format("ZZ-%d-%03d", year, seq);
	}

	/**
	 * Moves the campaign to a later phase.
	 * @param next the phase entered
	 * @throws Refusal (conflict) if the campaign has ended or the phase is earlier
	 */
	void enter(Phase next) {
		if (this.status != Status.RUNNING) {
			throw Refusal.conflict("专项整治「" + this.code + "」已结束", "campaign " + this.code + " has ended");
		}
		if (next == Phase.COMPLETED) {
			throw Refusal.conflict("专项整治须经工作总结方可结束", "campaign " + this.code + " ends only with its summary");
		}
		if (next.ordinal() < this.phase.ordinal()) {
			throw Refusal.conflict("专项整治「" + this.code + "」不能从" + this.phase.label() + "退回" + next.label(),
					"campaign " + this.code + " cannot go back from " + this.phase + " to " + next);
		}
		this.phase = next;
	}

	/**
	 * Ends the campaign with its summary.
	 * @param summary the summary text
	 * @param at when
	 * @throws Refusal (conflict) unless the campaign is in 建章立制
	 */
	void complete(String summary, OffsetDateTime at) {
		if (this.status != Status.RUNNING || this.phase != Phase.INSTITUTIONALIZE) {
			throw Refusal.conflict("专项整治「" + this.code + "」不在建章立制阶段，不能结束",
					"campaign " + this.code + " is not in " + Phase.INSTITUTIONALIZE);
		}
		this.summary = summary;
		this.status = Status.COMPLETED;
		this.phase = Phase.COMPLETED;
		this.endedAt = at;
	}

	/**
	 * Writes the campaign's summary (工作总结), which is also the report's 下一步工作打算 text:
	 * drafted before the summary task, completed by it, revised after the end.
	 * @param summary the summary text, {@code null} to clear it
	 */
	void reviseSummary(String summary) {
		this.summary = summary;
	}

	/**
	 * Records the process instance that runs the campaign.
	 * @param processInstanceId the process instance
	 * @throws Refusal (conflict) if another process instance runs it already
	 */
	void attachProcess(String processInstanceId) {
		if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
			throw Refusal.conflict("专项整治「" + this.code + "」已有流程实例",
					"campaign " + this.code + " already has a process instance");
		}
		this.processInstanceId = processInstanceId;
	}

	public int nextProblemNumber() {
		return ++this.problemSeq;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public int getYear() {
		return this.year;
	}

	public String getTitle() {
		return this.title;
	}

	public Status getStatus() {
		return this.status;
	}

	public Phase getPhase() {
		return this.phase;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getStartedBy() {
		return this.startedBy;
	}

	public OffsetDateTime getStartedAt() {
		return this.startedAt;
	}

	public OffsetDateTime getEndedAt() {
		return this.endedAt;
	}

	public String getSummary() {
		return this.summary;
	}

	public List<BasisDocument> getBasisDocuments() {
		return List.copyOf(this.basisDocuments);
	}

	public boolean isRunning() {
		return this.status == Status.RUNNING;
	}

	/**
	 * @return whether the campaign takes problems now: running, in 查找问题 or 问题整改
	 */
	public boolean takesProblems() {
		return isRunning() && (this.phase == Phase.INSPECT || this.phase == Phase.RECTIFY);
	}

}
