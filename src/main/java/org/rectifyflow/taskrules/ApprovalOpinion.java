package org.rectifyflow.taskrules;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The opinion (审批意见) and decision a user gave when completing an approval task. Never
 * changed once given.
 */
@Entity
@Immutable
@Table(name = "approval_opinion")
public class ApprovalOpinion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "process_definition_key", nullable = false)
	private String processDefinitionKey;

	@Column(name = "process_instance_id", nullable = false)
	private String processInstanceId;

	@Column(name = "business_key")
	private String businessKey;

	@Column(name = "task_id", nullable = false)
	private String taskId;

	@Column(name = "task_definition_key", nullable = false)
	private String taskDefinitionKey;

	@Column(name = "task_name")
	private String taskName;

	private String decision;

	@Column(nullable = false)
	private String opinion;

	@Column(name = "user_id", nullable = false)
	private String userId;

	@Column(name = "created_at", nullable = false)
	private OffsetDateTime createdAt;

	protected ApprovalOpinion() {
	}

	ApprovalOpinion(TaskCompletion completion, String decision, String opinion, OffsetDateTime createdAt) {
		this.processDefinitionKey = completion.getProcessDefinitionKey();
		this.processInstanceId = completion.getProcessInstanceId();
		this.businessKey = completion.getBusinessKey();
		this.taskId = completion.getTaskId();
		this.taskDefinitionKey = completion.getTaskDefinitionKey();
		this.taskName = completion.getTaskName();
		this.decision = decision;
		this.opinion = opinion;
		this.userId = completion.getUserId();
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getProcessDefinitionKey() {
		return this.processDefinitionKey;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getBusinessKey() {
		return this.businessKey;
	}

	public String getTaskId() {
		return this.taskId;
	}

	public String getTaskDefinitionKey() {
		return this.taskDefinitionKey;
	}

	public String getTaskName() {
		return this.taskName;
	}

	/**
	 * The value of the task's decision variable as text, e.g. {@code APPROVE} or
	 * {@code true}.
	 * @return the decision
	 */
	public String getDecision() {
		return this.decision;
	}

	public String getOpinion() {
		return this.opinion;
	}

	public String getUserId() {
		return this.userId;
	}

	public OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

}
