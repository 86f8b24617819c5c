package org.rectifyflow.inspection;

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
 * A finding of the field work (发现的问题): how, where and in which unit it was found, and
 * whether it is a clue about a person (→ a new clue) or a problem of the unit (→ a ledger
 * entry of the running campaign). After the report it links to what it became.
 */
@Entity
@Table(name = "inspection_finding")
public class Finding {

	/** How the finding was made. */
	public enum Method {

		/** 调阅资料. */
		RECORDS,
		/** 实地查看. */
		ON_SITE,
		/** 走访调查. */
		INTERVIEW

	}

	/** What the finding is. */
	public enum Type {

		/** A clue about a person's misconduct (问题线索) → clue process. */
		CLUE,
		/** A problem of the unit (单位存在的问题) → rectification ledger. */
		PROBLEM

	}

	/** Where the finding stands. */
	public enum Status {

		/** Recorded during the field work. */
		RECORDED,
		/** Handed over: a clue or a ledger entry exists ({@code targetRef}). */
		HANDED_OVER,
		/** Could not be handed over yet (e.g. no running campaign); see the note. */
		PENDING

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "inspection_id", nullable = false)
	private Long inspectionId;

	@Column(nullable = false)
	private int seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Method method;

	@Column(nullable = false)
	private String place;

	@Column(nullable = false)
	private String description;

	@Column(name = "unit_code", nullable = false)
	private String unitCode;

	@Enumerated(EnumType.STRING)
	@Column(name = "finding_type", nullable = false)
	private Type type;

	@Column(name = "subject_person")
	private String subjectPerson;

	@Column(name = "category_code")
	private String categoryCode;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private OffsetDateTime recordedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Column(name = "target_ref")
	private String targetRef;

	@Column(name = "target_id")
	private Long targetId;

	@Column(name = "handover_note")
	private String handoverNote;

	protected Finding() {
	}

	public Finding(Long inspectionId, int seq, Method method, String place, String description, String unitCode,
			Type type, String subjectPerson, String categoryCode, String recordedBy, OffsetDateTime recordedAt) {
		this.inspectionId = inspectionId;
		this.seq = seq;
		this.method = method;
		this.place = place;
		this.description = description;
		this.unitCode = unitCode;
		this.type = type;
		this.subjectPerson = subjectPerson;
		this.categoryCode = categoryCode;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
		this.status = Status.RECORDED;
	}

	/**
	 * Links the finding to the clue or ledger entry it became.
	 * @throws Refusal (conflict) if already handed over
	 */
	public void handedOver(String targetRef, Long targetId) {
		if (this.status == Status.HANDED_OVER) {
			throw Refusal.conflict("该问题已移交，不能再次办理", "finding " + this.id + " was already handed over");
		}
		this.status = Status.HANDED_OVER;
		this.targetRef = targetRef;
		this.targetId = targetId;
		this.handoverNote = null;
	}

	/**
	 * Records why the finding could not be handed over yet.
	 * @throws Refusal (conflict) if already handed over
	 */
	public void pending(String note) {
		if (this.status == Status.HANDED_OVER) {
			throw Refusal.conflict("该问题已移交，不能再次办理", "finding " + this.id + " was already handed over");
		}
		this.status = Status.PENDING;
		this.handoverNote = note;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public int getSeq() {
		return this.seq;
	}

	public Method getMethod() {
		return this.method;
	}

	public String getPlace() {
		return this.place;
	}

	public String getDescription() {
		return this.description;
	}

	public String getUnitCode() {
		return this.unitCode;
	}

	public Type getType() {
		return this.type;
	}

	public String getSubjectPerson() {
		return this.subjectPerson;
	}

	public String getCategoryCode() {
		return this.categoryCode;
	}

	public String getRecordedBy() {
		return this.recordedBy;
	}

	public OffsetDateTime getRecordedAt() {
		return this.recordedAt;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getTargetRef() {
		return this.targetRef;
	}

	public Long getTargetId() {
		return this.targetId;
	}

	public String getHandoverNote() {
		return this.handoverNote;
	}

}
