package org.rectifyflow.campaign.internal;

import org.rectifyflow.campaign.Problem;
import org.rectifyflow.campaign.ProblemIntake;
import org.rectifyflow.inspection.Finding;
import org.rectifyflow.inspection.FindingSink;

import org.springframework.stereotype.Component;

/**
 * A problem of a unit found by an inspection becomes, through {@link ProblemIntake}, a
 * problem of the running campaign that accepts its unit and category (source INSPECTION,
 * source reference = the inspection's code). In 问题整改 it gets its ledger entry (and its
 * {@code rectification} instance) at once; in 查找问题 it waits for 全面剖析. Without such a
 * campaign, or with an unknown category, the finding stays pending with the reason.
 */
@Component
class CampaignFindingSink implements FindingSink {

	private static final int DESCRIPTION_MAX = 2000;

	private final ProblemIntake intake;

	CampaignFindingSink(ProblemIntake intake) {
		this.intake = intake;
	}

	@Override
	public Finding.Type type() {
		return Finding.Type.PROBLEM;
	}

	@Override
	public Result handOver(HandOver finding) {
		ProblemIntake.Receipt receipt = this.intake
			.take(new ProblemIntake.FoundProblem(null, finding.unitCode(), finding.categoryCode(),
					finding.sourcedDescription(DESCRIPTION_MAX), finding.evidenceLink(), Problem.Severity.SERIOUS,
					Problem.Source.INSPECTION, finding.inspectionCode(), false, finding.recordedBy()));
		if (!receipt.isTaken()) {
			return Result.pending(receipt.refusal().getMessageZh() + "，待移交");
		}
		return Result.created(receipt.reference(), receipt.problemId());
	}

}
