package org.rectifyflow.clue;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The deadline of a clue: the working days the discipline lead set for the investigation,
 * the deadline, whether it passed while the clue was open, and whether the one extension
 * a clue may have was requested. The clue decides when each change is allowed; this keeps
 * the rules of the deadline itself.
 */
@Embeddable
class ClueDeadline {

	@Column(name = "investigation_working_days")
	private Integer investigationWorkingDays;

	@Column(name = "deadline_at")
	private OffsetDateTime deadlineAt;

	@Column(nullable = false)
	private boolean overdue;

	@Column(name = "extension_used", nullable = false)
	private boolean extensionUsed;

	void setInvestigationWorkingDays(int workingDays) {
		this.investigationWorkingDays = workingDays;
	}

	/** A new deadline that has not passed. */
	void start(OffsetDateTime deadline) {
		this.deadlineAt = deadline;
		this.overdue = false;
	}

	/**
	 * Marks the deadline passed, and keeps the deadline that passed when there is none
	 * yet (the deadline of a step before the investigation).
	 */
	void markOverdue(OffsetDateTime passed) {
		this.overdue = true;
		if (this.deadlineAt == null && passed != null) {
			this.deadlineAt = passed;
		}
	}

	/** Uses up the one extension request. */
	void useExtension() {
		this.extensionUsed = true;
	}

	/**
	 * Moves the deadline after an approved extension.
	 * @return whether the new deadline is later than the old one (or there was none)
	 */
	boolean extendTo(OffsetDateTime newDeadline) {
		if (this.deadlineAt != null && !newDeadline.isAfter(this.deadlineAt)) {
			return false;
		}
		start(newDeadline);
		return true;
	}

	Integer investigationWorkingDays() {
		return this.investigationWorkingDays;
	}

	OffsetDateTime deadlineAt() {
		return this.deadlineAt;
	}

	boolean overdue() {
		return this.overdue;
	}

	boolean extensionUsed() {
		return this.extensionUsed;
	}

}
