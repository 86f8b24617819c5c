package org.rectifyflow.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
 * An inspection (明察暗访): the plan, the drawn team leader and where it stands. Guards its
 * own transitions: PLANNING → DRAWN (→ PLANNING on return) → APPROVED → FIELD_WORK →
 * REPORTING → CLOSED.
 */
@Entity
@Table(name = "inspection")
public class Inspection {

	/** 明察 (announced) or 暗访 (unannounced). */
	public enum Kind {

		/** 明察: the target units are told. */
		ANNOUNCED,
		/** 暗访: secret until the field work ends. */
		UNANNOUNCED

	}

	/** Where an inspection stands. */
	public enum Status {

		/** The plan is being written (制定方案). */
		PLANNING,
		/** A team is drawn, awaiting approval (待审批). */
		DRAWN,
		/** Plan and team approved (已批准). */
		APPROVED,
		/** Field work runs (现场检查). */
		FIELD_WORK,
		/** Field work ended, the leader reports (汇总). */
		REPORTING,
		/** Findings handed over (已办结). */
		CLOSED

	}

	private static final Map<Status, String> STATUS_NAMES = Map.of(Status.PLANNING, "制定方案", Status.DRAWN, "待审批",
			Status.APPROVED, "已批准", Status.FIELD_WORK, "现场检查", Status.REPORTING, "汇总", Status.CLOSED, "已办结");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String code;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	private String title;

	@Column(name = "target_units")
	private String targetUnits;

	private String places;

	@Column(name = "period_start")
	private LocalDate periodStart;

	@Column(name = "period_end")
	private LocalDate periodEnd;

	@Column(name = "team_size")
	private Integer teamSize;

	private String focus;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "inspection_place", joinColumns = @JoinColumn(name = "inspection_id"))
	@OrderColumn(name = "place_index")
	@Column(name = "place")
	private List<String> placeList = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "inspection_focus", joinColumns = @JoinColumn(name = "inspection_id"))
	@OrderColumn(name = "focus_index")
	@Column(name = "category_code")
	private List<String> focusCategories = new ArrayList<>();

	@Column(nullable = false)
	private String planner;

	@Column(name = "team_leader")
	private String teamLeader;

	@Column(name = "draw_count", nullable = false)
	private int drawCount;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "report_summary")
	private String reportSummary;

	@Column(name = "field_work_ended_at")
	private OffsetDateTime fieldWorkEndedAt;

	@Column(name = "closed_at")
	private OffsetDateTime closedAt;

	@Column(nullable = false)
	private boolean overdue;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	@Column(name = "updated_at", nullable = false)
	private OffsetDateTime updatedAt;

	protected Inspection() {
	}

	public Inspection(String code, String planner, OffsetDateTime now) {
		this.code = code;
		this.planner = planner;
		this.status = Status.PLANNING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Records the plan (first time or after a return / a failed draw): the places one a
	 * row, the focus as problem categories (their codes, and their Chinese names as the
	 * display text).
	 * @throws Refusal (conflict) unless planning
	 */
	public void plan(Kind kind, String title, List<String> targetUnits, List<String> places, LocalDate periodStart,
			LocalDate periodEnd, int teamSize, List<String> focusCategories, String focus, OffsetDateTime now) {
		require(Status.PLANNING, "plan");
		this.kind = kind;
		this.title = title;
		this.targetUnits = String.join(",", targetUnits);
		this.placeList.clear();
		this.placeList.addAll(places);
		this.places = String.join("、", places);
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.teamSize = teamSize;
		this.focusCategories.clear();
		this.focusCategories.addAll(focusCategories);
		this.focus = focus;
		this.updatedAt = now;
	}

	/**
	 * A draw succeeded: the team is proposed for approval.
	 * @throws Refusal (conflict) unless planning or drawn (redraw)
	 */
	public void teamDrawn(String leader, OffsetDateTime now) {
		if (this.status != Status.PLANNING && this.status != Status.DRAWN) {
			throw refused("draw a team for", Status.PLANNING);
		}
		this.teamLeader = leader;
		this.drawCount++;
		this.status = Status.DRAWN;
		this.updatedAt = now;
	}

	/**
	 * A draw found too few people: back to the planner.
	 */
	public void drawFailed(OffsetDateTime now) {
		if (this.status != Status.PLANNING && this.status != Status.DRAWN) {
			throw refused("draw a team for", Status.PLANNING);
		}
		this.drawCount++;
		this.teamLeader = null;
		this.status = Status.PLANNING;
		this.updatedAt = now;
	}

	/** The approver returned the plan. */
	public void returned(OffsetDateTime now) {
		require(Status.DRAWN, "return");
		this.status = Status.PLANNING;
		this.updatedAt = now;
	}

	/** The approver approved plan and team. */
	public void approved(OffsetDateTime now) {
		require(Status.DRAWN, "approve");
		this.status = Status.APPROVED;
		this.updatedAt = now;
	}

	/** The field work starts. */
	public void fieldWorkStarted(OffsetDateTime now) {
		require(Status.APPROVED, "start field work");
		this.status = Status.FIELD_WORK;
		this.updatedAt = now;
	}

	/** Every member finished the field work. */
	public void fieldWorkEnded(OffsetDateTime now) {
		require(Status.FIELD_WORK, "end field work");
		this.status = Status.REPORTING;
		this.fieldWorkEndedAt = now;
		this.updatedAt = now;
	}

	/** The leader's report is in and the findings are handed over. */
	public void close(String reportSummary, OffsetDateTime now) {
		require(Status.REPORTING, "close");
		this.reportSummary = reportSummary;
		this.status = Status.CLOSED;
		this.closedAt = now;
		this.updatedAt = now;
	}

	/**
	 * @return whether the mark was newly set
	 */
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
			throw Refusal.conflict("检查「" + this.code + "」已有办理流程",
					"inspection " + this.code + " already has a process instance");
		}
		this.processInstanceId = processInstanceId;
	}

	/**
	 * Whether people outside the discipline group and the team may know of the
	 * inspection: always for 明察, for 暗访 only once its field work has ended.
	 * @return whether the inspection is no longer secret
	 */
	public boolean isDisclosed() {
		return this.kind == Kind.ANNOUNCED || this.fieldWorkEndedAt != null;
	}

	private void require(Status expected, String what) {
		if (this.status != expected) {
			throw refused(what, expected);
		}
	}

	private Refusal refused(String what, Status expected) {
		return Refusal.conflict("检查「" + this.code + "」当前为「" + STATUS_NAMES.get(this.status) + "」，不能办理此项",
				"cannot " + what + " inspection " + this.code + " in " + this.status + " (expected " + expected + ")");
	}

	public List<String> targetUnitList() {
		return (this.targetUnits == null || this.targetUnits.isBlank()) ? List.of()
				: Arrays.stream(this.targetUnits.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
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

	public Status getStatus() {
		return this.status;
	}

	public String getTitle() {
		return this.title;
	}

	public String getPlaces() {
		return this.places;
	}

	/**
	 * @return the places of the plan, one a row, in the order entered
	 */
	public List<String> getPlaceList() {
		return List.copyOf(this.placeList);
	}

	/**
	 * @return the codes of the problem categories the plan focuses on
	 */
	public List<String> getFocusCategories() {
		return List.copyOf(this.focusCategories);
	}

	public LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public Integer getTeamSize() {
		return this.teamSize;
	}

	public String getFocus() {
		return this.focus;
	}

	public String getPlanner() {
		return this.planner;
	}

	public String getTeamLeader() {
		return this.teamLeader;
	}

	public int getDrawCount() {
		return this.drawCount;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getReportSummary() {
		return this.reportSummary;
	}

	public OffsetDateTime getFieldWorkEndedAt() {
		return this.fieldWorkEndedAt;
	}

	public OffsetDateTime getClosedAt() {
		return this.closedAt;
	}

	public boolean isOverdue() {
		return this.overdue;
	}

	public OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	public OffsetDateTime getUpdatedAt() {
		return this.updatedAt;
	}

}
