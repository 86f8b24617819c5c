package org.rectifyflow.clue.internal;

import java.util.List;

import org.rectifyflow.clue.Clue;
import org.rectifyflow.clue.ClueProcess;
import org.rectifyflow.clue.ClueRegister;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.taskrules.ProcessOperations;

import org.springframework.stereotype.Component;

/**
 * Moves a clue back with its process when 退回 or 撤回 takes the clue process to an earlier
 * task. Only a proposal awaiting its approval goes back: 退回 from an approval decides the
 * proposal as not approved (as 不同意 would), 撤回 of the proposal takes it back. A clue whose
 * investigation has started, or whose proposal was decided, does not go back.
 */
@Component
class ClueOperations implements ProcessOperations {

	private final ClueRegister register;

	private final ClueSteps steps;

	ClueOperations(ClueRegister register, ClueSteps steps) {
		this.register = register;
		this.steps = steps;
	}

	@Override
	public String processKey() {
		return ClueProcess.KEY;
	}

	@Override
	public void movedBack(MoveBack move) {
		Clue clue = this.register.findByNumber(move.businessKey())
			.orElseThrow(() -> Refusal.notFound("未找到线索。", "No clue " + move.businessKey()));
		switch (move.toTaskKey()) {
			case ClueProcess.TASK_DISPOSE -> {
				requireOnly(move, ClueProcess.TASK_APPROVE_DISPOSAL, "处置方式已生效（已进入核查或办结），不能退回或撤回。");
				if (move.isWithdrawal()) {
					this.steps.withdrawDisposal(clue.getId(), move.userId());
				}
				else {
					this.steps.decideDisposal(clue.getId(), false, move.userId());
				}
			}
			case ClueProcess.TASK_HANDLING_OPINION -> {
				requireOnly(move, ClueProcess.TASK_APPROVE_OPINION, "处理意见已审批，不能退回或撤回。");
				if (move.isWithdrawal()) {
					this.steps.withdrawOpinion(clue.getId(), move.userId());
				}
				else {
					this.steps.decideOpinion(clue.getId(), false, move.userId());
				}
			}
			default ->
				throw Refusal.conflict("线索办理流程不能回到该环节。", "The clue process does not go back to " + move.toTaskKey());
		}
	}

	/**
	 * Only a proposal awaiting its approval goes back: the approval is the one task the
	 * move cancels.
	 */
	@Override
	public boolean mayMoveBack(List<String> fromTaskKeys, String toTaskKey) {
		return switch (toTaskKey) {
			case ClueProcess.TASK_DISPOSE -> fromTaskKeys.equals(List.of(ClueProcess.TASK_APPROVE_DISPOSAL));
			case ClueProcess.TASK_HANDLING_OPINION -> fromTaskKeys.equals(List.of(ClueProcess.TASK_APPROVE_OPINION));
			default -> false;
		};
	}

	private void requireOnly(MoveBack move, String approvalTask, String refusalZh) {
		if (!mayMoveBack(move.fromTaskKeys(), move.toTaskKey())) {
			throw Refusal.conflict(refusalZh, "Only " + approvalTask + " may go back, not " + move.fromTaskKeys());
		}
	}

}
