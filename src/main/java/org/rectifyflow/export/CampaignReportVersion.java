package org.rectifyflow.export;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored version of the narrative paragraphs of a campaign's work report. Immutable:
 * an edit is a new version, never a change of an old one.
 */
@Entity
@Table(name = "campaign_report_version")
class CampaignReportVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "campaign_id", nullable = false, updatable = false)
	private Long campaignId;

	@Column(nullable = false, updatable = false)
	private int version;

	/** The narrative per section, as a JSON object. */
	@Column(nullable = false, updatable = false)
	private String narrative;

	@Column(name = "final_version", nullable = false, updatable = false)
	private boolean finalVersion;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private OffsetDateTime createdAt;

	protected CampaignReportVersion() {
	}

	CampaignReportVersion(Long campaignId, int version, String narrative, boolean finalVersion, String createdBy,
			OffsetDateTime createdAt) {
		this.campaignId = campaignId;
		this.version = version;
		this.narrative = narrative;
		this.finalVersion = finalVersion;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	Long getId() {
		return this.id;
	}

	Long getCampaignId() {
		return this.campaignId;
	}

	int getVersion() {
		return this.version;
	}

	String getNarrative() {
		return this.narrative;
	}

	boolean isFinalVersion() {
		return this.finalVersion;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

}
