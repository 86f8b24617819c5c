package org.rectifyflow.recommendation.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectifyflow.taskrules.Decision;

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

	@Embedded
	@AttributeOverride(name = "approved", column = @Column(name = "verdict"))
	@AttributeOverride(name = "decidedBy", column = @Column(name = "verified_by"))
	@AttributeOverride(name = "decidedAt", column = @Column(name = "verified_at"))
	@Convert(attributeName = "approved", converter = Verdict.class)
	private Decision decision = Decision.pending();

	@Column(name = "verdict_reason")
	private String verdictReason;

	protected RecommendationReply() {
	}

	public RecommendationReply(Long letterId, int seq, String measures, String evidenceNote, String repliedBy,
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
	 * @throws org.rectifyflow.kernel.Refusal (conflict) if already verified
	 */
	public void verify(boolean accepted, String reason, String userId, OffsetDateTime now) {
		decision().decide(accepted, userId, now);
		this.verdictReason = reason;
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

	/**
	 * @return {@code ACCEPTED}, {@code REJECTED}, or {@code null} while not verified
	 */
	public String getVerdict() {
		return Verdict.name(decision().getApproved());
	}

	public String getVerdictReason() {
		return this.verdictReason;
	}

	public String getVerifiedBy() {
		return decision().getDecidedBy();
	}

	public OffsetDateTime getVerifiedAt() {
		return decision().getDecidedAt();
	}

	/** Hibernate loads a pending decision (all columns null) as {@code null}. */
	private Decision decision() {
		if (this.decision == null) {
			this.decision = Decision.pending();
		}
		return this.decision;
	}

	/**
	 * Stores a verification's outcome in the {@code verdict} column as
	 * {@code ACCEPTED}/{@code REJECTED}.
	 */
	public static class Verdict implements AttributeConverter<Boolean, String> {

		static String name(Boolean accepted) {
			return (accepted == null) ? null : (accepted ? "ACCEPTED" : "REJECTED");
		}

		@Override
		public String convertToDatabaseColumn(Boolean accepted) {
			return name(accepted);
		}

		@Override
		public Boolean convertToEntityAttribute(String verdict) {
			return (verdict == null) ? null : "ACCEPTED".equals(verdict);
		}

	}

}
