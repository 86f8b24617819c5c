package org.rectifyflow.task;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every record a task operation keeps about a task shares: its id, the task and when
 * it was made.
 */
@MappedSuperclass
abstract class TaskRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "task_id", nullable = false)
	private String taskId;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	protected TaskRecord() {
	}

	TaskRecord(String taskId, OffsetDateTime createdAt) {
		this.taskId = taskId;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	String getTaskId() {
		return this.taskId;
	}

	OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

}
