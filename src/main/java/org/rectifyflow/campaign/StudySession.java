package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The study session (集中学习) that opens a campaign: when, who, which materials.
 */
@Entity
@Table(name = "study_session")
public class StudySession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false)
	private Long campaignId;

	@Column(name = "held_on", nullable = false)
	private LocalDate heldOn;

	@Column(nullable = false)
	private String attendees;

	@Column(nullable = false)
	private String materials;

	@Column(name = "recorded_by", nullable = false)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private OffsetDateTime recordedAt;

	protected StudySession() {
	}

	StudySession(Long campaignId, LocalDate heldOn, String attendees, String materials, String recordedBy,
			OffsetDateTime recordedAt) {
		this.campaignId = campaignId;
		this.heldOn = heldOn;
		this.attendees = attendees;
		this.materials = materials;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public String getAttendees() {
		return this.attendees;
	}

	public String getMaterials() {
		return this.materials;
	}

}
