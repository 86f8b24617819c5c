package org.rectifyflow.task;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A task's information copied (抄送) to a user who reads it without acting on it.
 */
@Entity
@Table(name = "task_cc")
class TaskCc extends TaskRecord {

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "business_key")
	private String businessKey;

	@Column(name = "task_name")
	private String taskName;

	@Column(name = "from_user", nullable = false)
	private String fromUser;

	@Column(name = "to_user", nullable = false)
	private String toUser;

	private String note;

	@Column(name = "read_at")
	private OffsetDateTime readAt;

	protected TaskCc() {
	}

	TaskCc(String taskId, String processInstanceId, String businessKey, String taskName, String fromUser, String toUser,
			String note, OffsetDateTime createdAt) {
		super(taskId, createdAt);
		this.processInstanceId = processInstanceId;
		this.businessKey = businessKey;
		this.taskName = taskName;
		this.fromUser = fromUser;
		this.toUser = toUser;
		this.note = note;
	}

	/**
	 * Marks the copy as read; reading twice keeps the first time.
	 * @param now the current time
	 */
	void markRead(OffsetDateTime now) {
		if (this.readAt == null) {
			this.readAt = now;
		}
	}

	String getProcessInstanceId() {
		return this.processInstanceId;
	}

	String getBusinessKey() {
		return this.businessKey;
	}

	String getTaskName() {
		return this.taskName;
	}

	String getFromUser() {
		return this.fromUser;
	}

	String getToUser() {
		return this.toUser;
	}

	String getNote() {
		return this.note;
	}

	OffsetDateTime getReadAt() {
		return this.readAt;
	}

}
