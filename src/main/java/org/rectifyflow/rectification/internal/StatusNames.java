package org.rectifyflow.rectification.internal;

import java.util.Map;

import org.rectifyflow.rectification.LedgerEntry;

/**
 * Chinese names of the ledger entry states, as the ledger shows them.
 */
public final class StatusNames {

	private static final Map<LedgerEntry.Status, String> NAMES = Map.of(LedgerEntry.Status.ASSIGNING, "待指定责任人",
			LedgerEntry.Status.DRAFTING, "制定整改措施", LedgerEntry.Status.APPROVING, "整改措施待审核",
			LedgerEntry.Status.IN_PROGRESS, "整改中", LedgerEntry.Status.CLOSURE_REQUESTED, "待销号验收",
			LedgerEntry.Status.CLOSED, "已销号", LedgerEntry.Status.CARRY_OVER_REQUESTED, "结转待审批",
			LedgerEntry.Status.CARRIED_OVER, "已结转");

	private StatusNames() {
	}

	public static String of(LedgerEntry.Status status) {
		return NAMES.get(status);
	}

	public static Map<LedgerEntry.Status, String> all() {
		return NAMES;
	}

}
