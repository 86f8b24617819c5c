package org.rectifyflow.deadline;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A supervision notice (督办单): the record that a deadline passed and an escalation level
 * was raised, either to a Camunda group (with a 督办 task) or to an external recipient (by
 * mail). It stays OPEN until the work it concerns ends.
 */
@Entity
@Table(name = "supervision_notice")
public class SupervisionNotice {

	/** Life cycle of a notice. */
	public enum Status {

		OPEN, RESOLVED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "process_definition_key", nullable = false)
	private String processDefinitionKey;

	@Column(name = "process_instance_id", nullable = false)
	private String processInstanceId;

	@Column(name = "business_key")
	private String businessKey;

	@Column(name = "escalation_level", nullable = false)
	private int level;

	@Column(name = "escalation_group")
	private String escalationGroup;

	@Column(name = "external_recipient")
	private String externalRecipient;

	@Column(nullable = false)
	private OffsetDateTime deadline;

	@Column(name = "raised_at", nullable = false)
	private OffsetDateTime raisedAt;

	@Column(name = "resolved_at")
	private OffsetDateTime resolvedAt;

	@Column(name = "passed_from_level")
	private Integer passedFromLevel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	protected SupervisionNotice() {
	}

	private SupervisionNotice(String processDefinitionKey, String processInstanceId, String businessKey, int level,
			String escalationGroup, String externalRecipient, OffsetDateTime deadline, OffsetDateTime raisedAt) {
		if (level < 1) {
			throw new IllegalArgumentException("Escalation level starts at 1");
		}
		this.processDefinitionKey = processDefinitionKey;
		this.processInstanceId = processInstanceId;
		this.businessKey = businessKey;
		this.level = level;
		this.escalationGroup = escalationGroup;
		this.externalRecipient = externalRecipient;
		this.deadline = deadline;
		this.raisedAt = raisedAt;
		this.status = Status.OPEN;
	}

	static SupervisionNotice toGroup(String processDefinitionKey, String processInstanceId, String businessKey,
			int level, String group, OffsetDateTime deadline, OffsetDateTime raisedAt) {
		return new SupervisionNotice(processDefinitionKey, processInstanceId, businessKey, level, group, null, deadline,
				raisedAt);
	}

	static SupervisionNotice toExternal(String processDefinitionKey, String processInstanceId, String businessKey,
			int level, String recipient, OffsetDateTime deadline, OffsetDateTime raisedAt) {
		return new SupervisionNotice(processDefinitionKey, processInstanceId, businessKey, level, null, recipient,
				deadline, raisedAt);
	}

	/**
	 * Records that the levels from {@code firstPassed} up to this notice's level were due
	 * while nothing ran, and are covered by this notice instead of being raised one by
	 * one.
	 * @param firstPassed the first level that was passed
	 */
	void coverPassedLevels(int firstPassed) {
		if (firstPassed < 1 || firstPassed >= this.level) {
			throw new IllegalArgumentException("Passed levels must lie below level " + this.level);
		}
		this.passedFromLevel = firstPassed;
	}

	/**
	 * @return the first level that was due while nothing ran and is covered by this
	 * notice, or {@code null} when this level was raised on time
	 */
	public Integer getPassedFromLevel() {
		return this.passedFromLevel;
	}

	/**
	 * Marks the notice resolved because the work it concerns has ended.
	 * @param at when the work ended
	 * @throws IllegalStateException if the notice is already resolved
	 */
	void resolve(OffsetDateTime at) {
		if (this.status != Status.OPEN) {
			throw new IllegalStateException("Supervision notice " + this.id + " is already " + this.status);
		}
		this.status = Status.RESOLVED;
		this.resolvedAt = at;
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

	public int getLevel() {
		return this.level;
	}

	/**
	 * @return the Camunda group of the 督办 task, or {@code null} for an external level
	 */
	public String getEscalationGroup() {
		return this.escalationGroup;
	}

	/**
	 * @return the configured name of the external recipient, or {@code null}
	 */
	public String getExternalRecipient() {
		return this.externalRecipient;
	}

	public OffsetDateTime getDeadline() {
		return this.deadline;
	}

	public OffsetDateTime getRaisedAt() {
		return this.raisedAt;
	}

	public OffsetDateTime getResolvedAt() {
		return this.resolvedAt;
	}

	public Status getStatus() {
		return this.status;
	}

}
