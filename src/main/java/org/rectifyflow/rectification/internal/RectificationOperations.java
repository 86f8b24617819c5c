package org.rectifyflow.rectification.internal;

import java.util.Map;

import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.rectification.LedgerEntry;
import org.rectifyflow.rectification.LedgerService;
import org.rectifyflow.rectification.RectificationProcess;
import org.rectifyflow.taskrules.ProcessOperations;

import org.springframework.stereotype.Component;

/**
 * Moves a ledger entry back with its process when 退回 or 撤回 takes the rectification
 * process to an earlier task: the entry returns to the state in which that task is worked
 * on, so that the step can be done again.
 */
@Component
public class RectificationOperations implements ProcessOperations {

	private static final Map<String, LedgerEntry.Status> STATUS_OF_TASK = Map.of(
			RectificationProcess.TASK_ASSIGN_RESPONSIBLE, LedgerEntry.Status.ASSIGNING,
			RectificationProcess.TASK_DRAFT_MEASURES, LedgerEntry.Status.DRAFTING,
			RectificationProcess.TASK_APPROVE_MEASURES, LedgerEntry.Status.APPROVING, RectificationProcess.TASK_RECTIFY,
			LedgerEntry.Status.IN_PROGRESS, RectificationProcess.TASK_ACCEPT_CLOSURE,
			LedgerEntry.Status.CLOSURE_REQUESTED, RectificationProcess.TASK_APPROVE_CARRY_OVER,
			LedgerEntry.Status.CARRY_OVER_REQUESTED);

	private final LedgerEntryRepository entries;

	private final LedgerService ledger;

	RectificationOperations(LedgerEntryRepository entries, LedgerService ledger) {
		this.entries = entries;
		this.ledger = ledger;
	}

	/**
	 * @param taskKey a user task of the rectification process
	 * @return the state of the ledger entry while the process waits at that task, or
	 * {@code null}
	 */
	public static LedgerEntry.Status stateAt(String taskKey) {
		return STATUS_OF_TASK.get(taskKey);
	}

	@Override
	public String processKey() {
		return RectificationProcess.KEY;
	}

	@Override
	public void movedBack(MoveBack move) {
		String businessKey = move.businessKey();
		String toTaskKey = move.toTaskKey();
		LedgerEntry entry = this.entries.findByCode(businessKey)
			.orElseThrow(() -> Refusal.notFound("未找到整改台账「" + businessKey + "」。", "No ledger entry " + businessKey));
		LedgerEntry.Status back = stateAt(toTaskKey);
		if (back == null) {
			throw Refusal.conflict("该环节不能退回或撤回。", "No ledger state for task " + toTaskKey);
		}
		entry.moveBack(back, this.ledger.now());
	}

}
