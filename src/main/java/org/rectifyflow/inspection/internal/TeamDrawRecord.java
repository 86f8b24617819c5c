package org.rectifyflow.inspection.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One team draw as it happened (table {@code team_draw}): the JSON record names the
 * candidates, the exclusions with their reasons, the rule and the result, so that anyone
 * can check afterwards that the draw followed the rules. Never changed once written.
 */
@Entity
@Table(name = "team_draw")
public class TeamDrawRecord {

	/** Result of a draw. */
	public enum Outcome {

		/** A full team was drawn. */
		DRAWN,
		/** Too few eligible people: back to the planner. */
		TOO_FEW

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "inspection_id", nullable = false)
	private Long inspectionId;

	@Column(nullable = false)
	private int attempt;

	@Column(nullable = false)
	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Outcome outcome;

	@Column(name = "drawn_by", nullable = false)
	private String drawnBy;

	@Column(name = "drawn_at", nullable = false)
	private OffsetDateTime drawnAt;

	@Column(name = "record_json", nullable = false, length = 200000)
	private String recordJson;

	protected TeamDrawRecord() {
	}

	TeamDrawRecord(Long inspectionId, int attempt, Outcome outcome, String drawnBy, OffsetDateTime drawnAt,
			String recordJson) {
		this.inspectionId = inspectionId;
		this.attempt = attempt;
		this.outcome = outcome;
		this.drawnBy = drawnBy;
		this.drawnAt = drawnAt;
		this.recordJson = recordJson;
	}

	public Long getId() {
		return this.id;
	}

	public Long getInspectionId() {
		return this.inspectionId;
	}

	public int getAttempt() {
		return this.attempt;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public String getDrawnBy() {
		return this.drawnBy;
	}

	public OffsetDateTime getDrawnAt() {
		return this.drawnAt;
	}

	public String getRecordJson() {
		return this.recordJson;
	}

}
