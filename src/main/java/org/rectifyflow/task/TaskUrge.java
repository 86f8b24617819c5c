package org.rectifyflow.task;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A supervisor's reminder (催办) on a task; the database allows one per task and working
 * day.
 */
@Entity
@Table(name = "task_urge")
class TaskUrge {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "task_id", nullable = false)
	private String taskId;

	@Column(name = "urged_by", nullable = false)
	private String urgedBy;

	@Column(name = "urged_on", nullable = false)
	private LocalDate urgedOn;

	private String message;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	protected TaskUrge() {
	}

	TaskUrge(String taskId, String urgedBy, LocalDate urgedOn, String message, OffsetDateTime createdAt) {
		this.taskId = taskId;
		this.urgedBy = urgedBy;
		this.urgedOn = urgedOn;
		this.message = message;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	String getTaskId() {
		return this.taskId;
	}

	LocalDate getUrgedOn() {
		return this.urgedOn;
	}

}
