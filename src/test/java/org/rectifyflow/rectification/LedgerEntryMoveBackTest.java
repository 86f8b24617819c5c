package org.rectifyflow.rectification;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.rectifyflow.kernel.Refusal;
import org.rectifyflow.rectification.LedgerEntry.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one step back a ledger entry takes when 退回 or 撤回 moves its process back, and every
 * step back it refuses.
 */
class LedgerEntryMoveBackTest {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");

	@Test
	void shouldGoBackOneStep() {
		LedgerEntry entry = drafting();
		entry.moveBack(Status.ASSIGNING, NOW);
		assertThat(entry.getStatus()).isEqualTo(Status.ASSIGNING);

		LedgerEntry approving = approving();
		approving.moveBack(Status.DRAFTING, NOW);
		assertThat(approving.getStatus()).isEqualTo(Status.DRAFTING);
		assertThat(approving.getMeasures()).as("kept for the redraft").isNotNull();

		LedgerEntry closure = inProgress();
		closure.requestClosure("已印发制度", NOW);
		closure.moveBack(Status.IN_PROGRESS, NOW);
		assertThat(closure.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(closure.getEvidenceNote()).isNull();

		LedgerEntry carryOver = inProgress();
		carryOver.requestCarryOver("需跨年度推进", NOW);
		carryOver.moveBack(Status.IN_PROGRESS, NOW);
		assertThat(carryOver.getStatus()).isEqualTo(Status.IN_PROGRESS);
		assertThat(carryOver.getCarriedOverReason()).isNull();
	}

	@Test
	void shouldRefuseEveryOtherStepBack() {
		for (Status back : Status.values()) {
			if (back != Status.ASSIGNING) {
				assertRefused(drafting(), back);
			}
			if (back != Status.DRAFTING) {
				assertRefused(approving(), back);
			}
			assertRefused(inProgress(), back);
			assertRefused(new LedgerEntry(RectificationDriver.entry(1L, "u1", "C4"), 1, "u1lead", NOW), back);
		}
		LedgerEntry closed = inProgress();
		closed.requestClosure("已印发制度", NOW);
		closed.decideClosure(true, NOW);
		assertRefused(closed, Status.IN_PROGRESS);
	}

	private static void assertRefused(LedgerEntry entry, Status back) {
		Status before = entry.getStatus();
		assertThatThrownBy(() -> entry.moveBack(back, NOW)).isInstanceOf(Refusal.class).hasMessageContaining("不能退回");
		assertThat(entry.getStatus()).isEqualTo(before);
	}

	private static LedgerEntry drafting() {
		LedgerEntry entry = new LedgerEntry(RectificationDriver.entry(1L, "u1", "C4"), 1, "u1lead", NOW);
		entry.assignResponsible("u1", "u1lead", NOW);
		return entry;
	}

	private static LedgerEntry approving() {
		LedgerEntry entry = drafting();
		entry.submitMeasures(java.util.List.of(new LedgerMeasure("精简会议文件", null, null)), "精简会议文件", NOW.plusDays(10),
				NOW);
		return entry;
	}

	private static LedgerEntry inProgress() {
		LedgerEntry entry = approving();
		entry.decideMeasures(true, NOW);
		return entry;
	}

}
