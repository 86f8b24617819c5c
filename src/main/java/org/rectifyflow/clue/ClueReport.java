package org.rectifyflow.clue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What was reported, as it was received and never changed afterwards: the channel, the
 * category, the unit and person it concerns, the description and when it happened, the
 * reporter (only as ciphertext, none when anonymous), and when and by whom it was
 * registered.
 */
@Embeddable
class ClueReport {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Channel channel;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ClueCategory category;

	@Column(name = "subject_unit_code", nullable = false, updatable = false)
	private String subjectUnitCode;

	@Column(name = "subject_person", updatable = false)
	private String subjectPerson;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(name = "occurred_on", updatable = false)
	private LocalDate occurredOn;

	@Column(name = "reporter_anonymous", nullable = false, updatable = false)
	private boolean reporterAnonymous;

	@Column(name = "reporter_cipher", updatable = false)
	private String reporterCipher;

	@Column(name = "received_at", nullable = false, updatable = false)
	private OffsetDateTime receivedAt;

	@Column(name = "registered_by", nullable = false, updatable = false)
	private String registeredBy;

	protected ClueReport() {
	}

	ClueReport(Channel channel, ClueCategory category, String subjectUnitCode, String subjectPerson, String description,
			LocalDate occurredOn, String reporterCipher, OffsetDateTime receivedAt, String registeredBy) {
		this.channel = channel;
		this.category = category;
		this.subjectUnitCode = subjectUnitCode;
		this.subjectPerson = subjectPerson;
		this.description = description;
		this.occurredOn = occurredOn;
		this.reporterCipher = reporterCipher;
		this.reporterAnonymous = reporterCipher == null;
		this.receivedAt = receivedAt;
		this.registeredBy = registeredBy;
	}

	Channel channel() {
		return this.channel;
	}

	ClueCategory category() {
		return this.category;
	}

	String subjectUnitCode() {
		return this.subjectUnitCode;
	}

	String subjectPerson() {
		return this.subjectPerson;
	}

	String description() {
		return this.description;
	}

	LocalDate occurredOn() {
		return this.occurredOn;
	}

	boolean reporterAnonymous() {
		return this.reporterAnonymous;
	}

	String reporterCipher() {
		return this.reporterCipher;
	}

	OffsetDateTime receivedAt() {
		return this.receivedAt;
	}

	String registeredBy() {
		return this.registeredBy;
	}

}
