package org.rectifyflow.taskrules;

import java.util.List;

/**
 * What a process's domain record does when 退回 or 撤回 moves the process back to an earlier
 * user task: one Spring bean per process that allows either (found by
 * {@link #processKey()}). It runs in the operation's transaction before the engine moves,
 * so that the record and the engine move together; it refuses (throwing a
 * {@link org.rectifyflow.kernel.Refusal} with a Chinese reason) when the record cannot go
 * back.
 */
public interface ProcessOperations {

	/**
	 * @return the key of the process whose records this bean moves
	 */
	String processKey();

	/**
	 * Moves the domain record back to the state in which {@code move.toTaskKey()} is
	 * worked on.
	 * @param move what goes back where, by whom and why
	 */
	void movedBack(MoveBack move);

	/**
	 * Whether the record can go back now from these tasks to that one, so that 撤回 is
	 * offered only where {@link #movedBack} would not refuse it.
	 * @param fromTaskKeys the user tasks that would be cancelled
	 * @param toTaskKey the user task the process would go back to
	 * @return whether {@link #movedBack} accepts such a move
	 */
	default boolean mayMoveBack(List<String> fromTaskKeys, String toTaskKey) {
		return true;
	}

	/**
	 * One 退回 or 撤回.
	 *
	 * @param processInstanceId the process instance
	 * @param businessKey the process instance's business key (the record's code), if any
	 * @param fromTaskKeys the user tasks being cancelled
	 * @param toTaskKey the user task the process goes back to
	 * @param userId who returns or withdraws
	 * @param opinion the return opinion, {@code null} for a withdrawal
	 */
	record MoveBack(String processInstanceId, String businessKey, List<String> fromTaskKeys, String toTaskKey,
			String userId, String opinion) {

		public MoveBack {
			fromTaskKeys = List.copyOf(fromTaskKeys);
		}

		/**
		 * @return whether the step's own author takes it back (撤回) rather than the next
		 * step returning it (退回)
		 */
		public boolean isWithdrawal() {
			return this.opinion == null;
		}

	}

}
