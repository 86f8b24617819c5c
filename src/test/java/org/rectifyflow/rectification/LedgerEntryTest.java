package org.rectifyflow.rectification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectifyflow.kernel.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state machine of {@link LedgerEntry}, without Spring: every change in every state,
 * allowed where the rectification process allows it and refused as a conflict everywhere
 * else.
 */
class LedgerEntryTest {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 9, 18, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final OffsetDateTime LATER = NOW.plusDays(1);

	/** Each change, the states it is allowed in, and the state it leads to there. */
	private static final Map<String, Change> CHANGES = Map
		.of("assign",
				new Change((e) -> e.assignResponsible("u1", "u1lead", LATER), Set.of(LedgerEntry.Status.ASSIGNING),
						LedgerEntry.Status.DRAFTING),
				"submitMeasures",
				new Change(
						(e) -> e.submitMeasures(java.util.List.of(new LedgerMeasure("措施", null, null)), "措施",
								NOW.plusDays(7), LATER),
						Set.of(LedgerEntry.Status.DRAFTING), LedgerEntry.Status.APPROVING),
				"approveMeasures",
				new Change((e) -> e.decideMeasures(true, LATER), Set.of(LedgerEntry.Status.APPROVING),
						LedgerEntry.Status.IN_PROGRESS),
				"returnMeasures",
				new Change((e) -> e.decideMeasures(false, LATER), Set.of(LedgerEntry.Status.APPROVING),
						LedgerEntry.Status.DRAFTING),
				"requestClosure",
				new Change((e) -> e.requestClosure("佐证", LATER), Set.of(LedgerEntry.Status.IN_PROGRESS),
						LedgerEntry.Status.CLOSURE_REQUESTED),
				"acceptClosure",
				new Change((e) -> e.decideClosure(true, LATER), Set.of(LedgerEntry.Status.CLOSURE_REQUESTED),
						LedgerEntry.Status.CLOSED),
				"rejectClosure", new Change((e) -> e.decideClosure(false, LATER),
						Set.of(LedgerEntry.Status.CLOSURE_REQUESTED), LedgerEntry.Status.IN_PROGRESS),
				"requestCarryOver", new Change((e) -> e.requestCarryOver("跨年度", LATER),
						Set.of(LedgerEntry.Status.IN_PROGRESS), LedgerEntry.Status.CARRY_OVER_REQUESTED),
				"approveCarryOver",
				new Change((e) -> e.decideCarryOver(true, LATER), Set.of(LedgerEntry.Status.CARRY_OVER_REQUESTED),
						LedgerEntry.Status.CARRIED_OVER),
				"rejectCarryOver", new Change((e) -> e.decideCarryOver(false, LATER),
						Set.of(LedgerEntry.Status.CARRY_OVER_REQUESTED), LedgerEntry.Status.IN_PROGRESS));

	@ParameterizedTest
	@EnumSource(LedgerEntry.Status.class)
	void shouldAllowEachChangeOnlyInItsState(LedgerEntry.Status status) {
		CHANGES.forEach((name, change) -> {
			LedgerEntry entry = entryIn(status);
			if (change.allowedIn().contains(status)) {
				change.apply().accept(entry);
				assertThat(entry.getStatus()).as(name + " in " + status).isEqualTo(change.leadsTo());
				assertThat(entry.getUpdatedAt()).as(name).isEqualTo(LATER);
			}
			else {
				assertThatThrownBy(() -> change.apply().accept(entry)).as(name + " in " + status)
					.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
						assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
						assertThat(refusal.getMessageZh()).contains(entry.getCode(), "不能办理");
						assertThat(refusal.getMessageEn()).contains(status.name());
					});
				assertThat(entry.getStatus()).as(name + " leaves " + status).isEqualTo(status);
			}
		});
	}

	@ParameterizedTest
	@EnumSource(LedgerEntry.Status.class)
	void shouldAllowProgressOnlyWhileTheWorkRuns(LedgerEntry.Status status) {
		LedgerEntry entry = entryIn(status);
		if (status == LedgerEntry.Status.IN_PROGRESS) {
			entry.checkProgressAllowed();
		}
		else {
			assertThatThrownBy(entry::checkProgressAllowed).isInstanceOf(Refusal.class);
		}
	}

	@ParameterizedTest
	@EnumSource(LedgerEntry.Status.class)
	void shouldMarkOverdueOnceUnlessSettled(LedgerEntry.Status status) {
		LedgerEntry entry = entryIn(status);
		if (status.isSettled()) {
			assertThatThrownBy(() -> entry.markOverdue(LATER)).isInstanceOfSatisfying(Refusal.class,
					(refusal) -> assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT));
			assertThat(entry.isOverdue()).isFalse();
		}
		else {
			assertThat(entry.markOverdue(LATER)).isTrue();
			assertThat(entry.markOverdue(LATER.plusDays(1))).isFalse();
			assertThat(entry.isOverdue()).isTrue();
			assertThat(entry.getOverdueSince()).isEqualTo(LATER);
		}
	}

	@Test
	void shouldRecordWhatEachStepDecided() {
		LedgerEntry closed = entryIn(LedgerEntry.Status.CLOSED);
		assertThat(closed.getResponsiblePerson()).isEqualTo("u1");
		assertThat(closed.getResponsibleLeader()).isEqualTo("u1lead");
		assertThat(closed.getMeasures()).isEqualTo("措施");
		assertThat(closed.getDeadline()).isEqualTo(NOW.plusDays(7));
		assertThat(closed.getEvidenceNote()).isEqualTo("佐证");
		assertThat(closed.getClosedAt()).isEqualTo(NOW);
		LedgerEntry carried = entryIn(LedgerEntry.Status.CARRIED_OVER);
		assertThat(carried.getCarriedOverReason()).isEqualTo("跨年度");
		assertThat(carried.getCarriedOverAt()).isEqualTo(NOW);
		assertThat(carried.getClosedAt()).isNull();
	}

	@Test
	void shouldLinkItsProcessOnlyOnce() {
		LedgerEntry entry = entryIn(LedgerEntry.Status.ASSIGNING);
		entry.linkProcess("pi-1");
		assertThatThrownBy(() -> entry.linkProcess("pi-2")).isInstanceOf(Refusal.class);
		assertThat(entry.getProcessInstanceId()).isEqualTo("pi-1");
	}

	@Test
	void shouldCoverEveryState() {
		Set<LedgerEntry.Status> reached = EnumSet.of(LedgerEntry.Status.ASSIGNING);
		CHANGES.values().forEach((change) -> reached.add(change.leadsTo()));
		assertThat(reached).containsExactlyInAnyOrder(LedgerEntry.Status.values());
	}

	/** A new entry walked along the process to the given state. */
	private static LedgerEntry entryIn(LedgerEntry.Status status) {
		LedgerEntry entry = new LedgerEntry(
				new NewLedgerEntry(1L, "ZZ-2026-001", null, "u1", "C4", "文风会风", "以会议落实会议", "SELF_INSPECTION", null), 7,
				"u1lead", NOW);
		if (status == LedgerEntry.Status.ASSIGNING) {
			return entry;
		}
		entry.assignResponsible("u1", "u1lead", NOW);
		if (status == LedgerEntry.Status.DRAFTING) {
			return entry;
		}
		entry.submitMeasures(java.util.List.of(new LedgerMeasure("措施", null, null)), "措施", NOW.plusDays(7), NOW);
		if (status == LedgerEntry.Status.APPROVING) {
			return entry;
		}
		entry.decideMeasures(true, NOW);
		switch (status) {
			case CLOSURE_REQUESTED -> entry.requestClosure("佐证", NOW);
			case CLOSED -> {
				entry.requestClosure("佐证", NOW);
				entry.decideClosure(true, NOW);
			}
			case CARRY_OVER_REQUESTED -> entry.requestCarryOver("跨年度", NOW);
			case CARRIED_OVER -> {
				entry.requestCarryOver("跨年度", NOW);
				entry.decideCarryOver(true, NOW);
			}
			default -> {
			}
		}
		assertThat(entry.getStatus()).isEqualTo(status);
		return entry;
	}

	private record Change(Consumer<LedgerEntry> apply, Set<LedgerEntry.Status> allowedIn, LedgerEntry.Status leadsTo) {
	}

}
