package org.rectifyflow.clue.internal;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A finding of the consistency check: an open clue without a running process, or a
 * running process without an open clue.
 */
@Entity
@Table(name = "clue_consistency_issue")
public class ClueConsistencyIssue {

	static final String OPEN_CLUE_WITHOUT_PROCESS = "OPEN_CLUE_WITHOUT_PROCESS";

	static final String PROCESS_WITHOUT_OPEN_CLUE = "PROCESS_WITHOUT_OPEN_CLUE";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "clue_number")
	private String clueNumber;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(nullable = false)
	private String problem;

	@Column(name = "detected_at", nullable = false)
	private OffsetDateTime detectedAt;

	protected ClueConsistencyIssue() {
	}

	ClueConsistencyIssue(String clueNumber, String processInstanceId, String problem, OffsetDateTime detectedAt) {
		this.clueNumber = clueNumber;
		this.processInstanceId = processInstanceId;
		this.problem = problem;
		this.detectedAt = detectedAt;
	}

	String getClueNumber() {
		return this.clueNumber;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	String getProblem() {
		return this.problem;
	}

}
