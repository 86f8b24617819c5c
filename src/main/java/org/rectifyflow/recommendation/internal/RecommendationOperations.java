package org.rectifyflow.recommendation.internal;

import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.recommendation.RecommendationProcess;
import org.rectifyflow.taskrules.ProcessOperations;

import org.springframework.stereotype.Component;

/**
 * Moves a recommendation letter back with its process when 退回 or 撤回 takes the process to
 * an earlier task: 退回 from the approval or the verification decides as 不同意 would (the
 * draft is edited again, the reply is due again, with the opinion); 撤回 of the draft or
 * the reply takes it back while the next step has not been acted on. An issued letter is
 * never drafted again.
 */
@Component
class RecommendationOperations implements ProcessOperations {

	private final RecommendationLetterRepository letters;

	private final RecommendationService recommendations;

	RecommendationOperations(RecommendationLetterRepository letters, RecommendationService recommendations) {
		this.letters = letters;
		this.recommendations = recommendations;
	}

	@Override
	public String processKey() {
		return RecommendationProcess.KEY;
	}

	@Override
	public void movedBack(MoveBack move) {
		Long id = this.letters.findByProcessInstanceId(move.processInstanceId())
			.orElseThrow(() -> Refusal.notFound("本流程没有对应的建议书。", "No letter for " + move.processInstanceId()))
			.getId();
		switch (move.toTaskKey()) {
			case RecommendationProcess.TASK_DRAFT -> {
				if (move.isWithdrawal()) {
					this.recommendations.withdrawDraft(id, move.userId());
				}
				else {
					this.recommendations.decideApproval(id, false);
				}
			}
			case RecommendationProcess.TASK_REPLY -> {
				if (move.isWithdrawal()) {
					this.recommendations.withdrawReply(id, move.userId());
				}
				else {
					this.recommendations.verify(id, false, move.opinion());
				}
			}
			default -> throw Refusal.conflict("建议书流程不能回到该环节。",
					"The recommendation process does not go back to " + move.toTaskKey());
		}
	}

}
