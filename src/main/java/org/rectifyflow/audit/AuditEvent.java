package org.rectifyflow.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One entry of the append-only audit trail. Instances are created once and never changed.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

	/**
	 * From a sequence that hands out 50 ids at a time (pooled-lo), so that the rows of
	 * one transaction are inserted in one batch.
	 */
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
	@SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private OffsetDateTime occurredAt;

	@Column(nullable = false)
	private String actor;

	@Column(nullable = false)
	private String action;

	@Column(name = "item_type", nullable = false)
	private String itemType;

	@Column(name = "item_id", nullable = false)
	private String itemId;

	@Column(name = "before_state")
	private String beforeState;

	@Column(name = "after_state")
	private String afterState;

	private String details;

	protected AuditEvent() {
	}

	AuditEvent(OffsetDateTime occurredAt, String actor, String action, String itemType, String itemId,
			String beforeState, String afterState, String details) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.action = action;
		this.itemType = itemType;
		this.itemId = itemId;
		this.beforeState = truncate(beforeState);
		this.afterState = truncate(afterState);
		this.details = truncate(details);
	}

	private static String truncate(String value) {
		return (value == null || value.length() <= 4000) ? value : value.substring(0, 3997) + "...";
	}

	public Long getId() {
		return this.id;
	}

	public OffsetDateTime getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getAction() {
		return this.action;
	}

	public String getItemType() {
		return this.itemType;
	}

	public String getItemId() {
		return this.itemId;
	}

	public String getBeforeState() {
		return this.beforeState;
	}

	public String getAfterState() {
		return this.afterState;
	}

	public String getDetails() {
		return this.details;
	}

}
