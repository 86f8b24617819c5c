package org.rectifyflow.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A supervisor's reminder (催办) on a task; the database allows one per task and working
 * day.
 */
@Entity
@Table(name = "task_urge")
class TaskUrge extends TaskRecord {

	@Column(name = "urged_by", nullable = false)
	private String urgedBy;

	@Column(name = "urged_on", nullable = false)
	private LocalDate urgedOn;

	private String message;

	protected TaskUrge() {
	}

	TaskUrge(String taskId, String urgedBy, LocalDate urgedOn, String message, OffsetDateTime createdAt) {
		super(taskId, createdAt);
		this.urgedBy = urgedBy;
		this.urgedOn = urgedOn;
		this.message = message;
	}

	LocalDate getUrgedOn() {
		return this.urgedOn;
	}

}
