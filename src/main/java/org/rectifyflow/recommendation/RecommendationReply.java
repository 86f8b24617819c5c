package org.rectifyflow.recommendation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit's reply to a recommendation letter (整改情况回复) and its verification.
 */
@Entity
@Table(name = "recommendation_reply")
public class RecommendationReply {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "letter_id", nullable = false)
	private Long letterId;

	@Column(nullable = false)
	private int seq;

	@Column(nullable = false)
	private String measures;

	@Column(name = "evidence_note")
	private String evidenceNote;

	@Column(name = "replied_by", nullable = false)
	private String repliedBy;

	@Column(name = "replied_at", nullable = false)
	private OffsetDateTime repliedAt;

	private String verdict;

	@Column(name = "verdict_reason")
	private String verdictReason;

	@Column(name = "verified_by")
	private String verifiedBy;

	@Column(name = "verified_at")
	private OffsetDateTime verifiedAt;

	protected RecommendationReply() {
	}

	RecommendationReply(Long letterId, int seq, String measures, String evidenceNote, String repliedBy,
			OffsetDateTime repliedAt) {
		this.letterId = letterId;
		this.seq = seq;
		this.measures = measures;
		this.evidenceNote = evidenceNote;
		this.repliedBy = repliedBy;
		this.repliedAt = repliedAt;
	}

	/**
	 * Records the verification.
	 * @throws IllegalStateException if already verified
	 */
	void verify(boolean accepted, String reason, String userId, OffsetDateTime now) {
		if (this.verdict != null) {
			throw new IllegalStateException("Reply " + this.id + " was already verified");
		}
		this.verdict = accepted ? "ACCEPTED" : "REJECTED";
		this.verdictReason = reason;
		this.verifiedBy = userId;
		this.verifiedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getLetterId() {
		return this.letterId;
	}

	public int getSeq() {
		return this.seq;
	}

	public String getMeasures() {
		return this.measures;
	}

	public String getEvidenceNote() {
		return this.evidenceNote;
	}

	public String getRepliedBy() {
		return this.repliedBy;
	}

	public OffsetDateTime getRepliedAt() {
		return this.repliedAt;
	}

	public String getVerdict() {
		return this.verdict;
	}

	public String getVerdictReason() {
		return this.verdictReason;
	}

	public String getVerifiedBy() {
		return this.verifiedBy;
	}

	public OffsetDateTime getVerifiedAt() {
		return this.verifiedAt;
	}

}
