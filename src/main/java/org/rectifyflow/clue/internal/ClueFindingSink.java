package org.rectifyflow.clue.internal;

import java.util.List;

import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueCategory;
import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.FindingSink;

import org.springframework.stereotype.Component;

/**
 * A clue about a person found by an inspection becomes a new clue (channel INSPECTION,
 * category 违规违纪), registered by the team member who found it and starting the
 * {@code clue} process. The clue's description names the inspection's code, the
 * inspection keeps the clue number: each links to the other. The reporter recorded (and
 * encrypted, like every named reporter) is the inspection team.
 */
@Component
class ClueFindingSink implements FindingSink {

	/** The clue service's default longest description. */
	private static final int DESCRIPTION_MAX = 5000;

	private final ClueIntake clues;

	ClueFindingSink(ClueIntake clues) {
		this.clues = clues;
	}

	@Override
	public Finding.Type type() {
		return Finding.Type.CLUE;
	}

	@Override
	public Result handOver(HandOver finding) {
		String description = finding.sourcedDescription(DESCRIPTION_MAX);
		IntakeReceipt receipt = this.clues.receive(
				new NewClue(Channel.INSPECTION.name(), finding.unitCode(), finding.subjectPerson(),
						ClueCategory.MISCONDUCT.name(), description, null,
						"明察暗访检查组 " + finding.inspectionCode() + "（" + finding.recordedBy() + "）", null, null),
				List.of(), finding.recordedBy());
		return Result.created(receipt.clueNumber(), null);
	}

}
