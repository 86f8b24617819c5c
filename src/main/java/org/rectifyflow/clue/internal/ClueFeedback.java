package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The feedback (反馈) for the reporter, written when the clue is closed; readable with the
 * receipt code.
 */
@Entity
@Table(name = "clue_feedback")
public class ClueFeedback {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "clue_id", nullable = false, updatable = false)
	private Long clueId;

	@Column(name = "feedback_text", nullable = false, updatable = false)
	private String text;

	@Column(name = "written_by", nullable = false, updatable = false)
	private String writtenBy;

	@Column(name = "written_at", nullable = false, updatable = false)
	private OffsetDateTime writtenAt;

	@Column(nullable = false)
	private boolean mailed;

	protected ClueFeedback() {
	}

	ClueFeedback(Long clueId, String text, String writtenBy, OffsetDateTime writtenAt) {
		this.clueId = clueId;
		this.text = text;
		this.writtenBy = writtenBy;
		this.writtenAt = writtenAt;
	}

	/** Records that the feedback was mailed to the named reporter. */
	void mailed() {
		this.mailed = true;
	}

	public String getText() {
		return this.text;
	}

	public boolean isMailed() {
		return this.mailed;
	}

}
