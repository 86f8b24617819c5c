package org.rectifyflow.export.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored version of the narrative paragraphs of a campaign's work report. Immutable:
 * an edit is a new version, never a change of an old one. The final version and every
 * revision after it keep the rendered document, frozen.
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

	@Column(nullable = false, updatable = false)
	private boolean revision;

	@Column(updatable = false)
	private byte[] document;

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

	/**
	 * A frozen version: the final one, or a revision made after it.
	 * @param revision whether it revises a final version
	 * @param document the rendered document
	 * @return the frozen version
	 */
	static CampaignReportVersion frozen(Long campaignId, int version, String narrative, boolean revision,
			String createdBy, OffsetDateTime createdAt, byte[] document) {
		CampaignReportVersion frozen = new CampaignReportVersion(campaignId, version, narrative, !revision, createdBy,
				createdAt);
		frozen.revision = revision;
		frozen.document = document;
		return frozen;
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

	boolean isRevision() {
		return this.revision;
	}

	/**
	 * @return whether the version is frozen (final or a revision after it)
	 */
	boolean isFrozen() {
		return this.document != null;
	}

	byte[] getDocument() {
		return this.document;
	}

	String getCreatedBy() {
		return this.createdBy;
	}

	OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

}
