package org.rectifyflow.clue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectifyflow.kernel.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The life cycle of {@link Clue} without Spring: every transition tried in every status,
 * allowed only where the life cycle allows it; a refused one changes nothing and is a
 * conflict.
 */
class ClueTest {

	private static final OffsetDateTime AT = OffsetDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final OffsetDateTime DEADLINE = AT.plusDays(14);

	/** A transition tried in every status, and the statuses that allow it. */
	record Transition(String name, Consumer<Clue> action, Set<ClueStatus> allowedIn) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Transition> transitions() {
		return Stream.of(
				new Transition("recordRegistration", (c) -> c.recordRegistration("XS-2026-000001", "某机关", "理由"),
						EnumSet.of(ClueStatus.RECEIVED)),
				new Transition("answerTriage", (c) -> c.answerTriage(new TriageAnswers(true, true, true, false)),
						EnumSet.of(ClueStatus.RECEIVED)),
				new Transition("accept", Clue::accept, EnumSet.of(ClueStatus.RECEIVED)),
				new Transition("markDuplicate", (c) -> c.markDuplicate(AT), EnumSet.of(ClueStatus.RECEIVED)),
				new Transition("transferOut", (c) -> c.transferOut(AT), EnumSet.of(ClueStatus.RECEIVED)),
				new Transition("decline", (c) -> c.decline(AT), EnumSet.of(ClueStatus.RECEIVED)),
				new Transition("triaged", (c) -> c.triaged(Route.STANDARD, DisposalMethod.TALK_INQUIRY),
						EnumSet.of(ClueStatus.ACCEPTED)),
				new Transition("setInvestigationWorkingDays", (c) -> c.setInvestigationWorkingDays(20),
						EnumSet.of(ClueStatus.ACCEPTED)),
				new Transition("dispose", (c) -> c.dispose(DisposalMethod.TALK_INQUIRY),
						EnumSet.of(ClueStatus.ACCEPTED)),
				new Transition("shelve", Clue::shelve, EnumSet.noneOf(ClueStatus.class)),
				new Transition("reReview", Clue::reReview, EnumSet.of(ClueStatus.SHELVED)),
				new Transition("startInvestigation", (c) -> c.startInvestigation(DEADLINE),
						EnumSet.noneOf(ClueStatus.class)),
				new Transition("extensionRequested", Clue::extensionRequested, EnumSet.of(ClueStatus.INVESTIGATING)),
				new Transition("extendTo", (c) -> c.extendTo(DEADLINE.plusDays(7)),
						EnumSet.of(ClueStatus.INVESTIGATING)),
				new Transition("close", (c) -> c.close(AT), EnumSet.of(ClueStatus.INVESTIGATING)),
				new Transition("linkLedger", (c) -> c.linkLedger("ZG-2026-001"), EnumSet.of(ClueStatus.CLOSED)));
	}

	static Stream<Arguments> everyTransitionInEveryStatus() {
		return transitions().flatMap((t) -> Stream.of(ClueStatus.values()).map((s) -> Arguments.of(t, s)));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyTransitionInEveryStatus")
	void shouldAllowATransitionOnlyInItsStatuses(Transition transition, ClueStatus status) {
		Clue clue = in(status);
		if (transition.allowedIn().contains(status)) {
			transition.action().accept(clue);
		}
		else {
			assertRefused(clue, transition.action());
		}
	}

	@Test
	void shouldCloseTheRegistrationAsRecorded() {
		Clue duplicate = in(ClueStatus.DUPLICATE);
		assertThat(duplicate.getDuplicateOf()).isEqualTo("XS-2026-000001");
		assertThat(duplicate.getDecisionReason()).isEqualTo("理由");
		assertThat(duplicate.getClosedAt()).isEqualTo(AT);
		assertThat(in(ClueStatus.TRANSFERRED).getTransferBody()).isEqualTo("某机关");
		assertThat(in(ClueStatus.DECLINED).isOverdue()).isFalse();
	}

	@Test
	void shouldRefuseClosingTheRegistrationWithoutItsInputs() {
		assertRefused(received(), (c) -> c.markDuplicate(AT));
		assertRefused(received(), (c) -> c.transferOut(AT));
		assertRefused(received(), (c) -> c.decline(AT));
	}

	@Test
	void shouldRefuseTriageWithoutAnswers() {
		Clue clue = received();
		clue.accept();
		assertRefused(clue, (c) -> c.triaged(Route.GREEN, DisposalMethod.TALK_INQUIRY));
	}

	@Test
	void shouldLetOnlyTheLeadSetTheDaysOfAStandardClue() {
		Clue clue = accepted(Route.GREEN);
		assertRefused(clue, (c) -> c.setInvestigationWorkingDays(20));
		Clue standard = accepted(Route.STANDARD);
		standard.setInvestigationWorkingDays(20);
		assertThat(standard.getInvestigationWorkingDays()).isEqualTo(20);
	}

	@Test
	void shouldShelveOnlyAClueDisposedOfByShelving() {
		Clue clue = accepted(Route.STANDARD);
		assertRefused(clue, Clue::shelve);
		clue.dispose(DisposalMethod.TALK_INQUIRY);
		assertRefused(clue, Clue::shelve);
		clue.dispose(DisposalMethod.SHELVE);
		clue.shelve();
		assertThat(clue.getStatus()).isEqualTo(ClueStatus.SHELVED);
		clue.reReview();
		assertThat(clue.getStatus()).isEqualTo(ClueStatus.ACCEPTED);
		assertThat(clue.getDisposal()).isNull();
	}

	@Test
	void shouldInvestigateOnlyAClueDisposedOfByInvestigating() {
		Clue clue = accepted(Route.STANDARD);
		assertRefused(clue, (c) -> c.startInvestigation(DEADLINE));
		clue.dispose(DisposalMethod.CLOSE);
		assertRefused(clue, (c) -> c.startInvestigation(DEADLINE));
		clue.dispose(DisposalMethod.PRELIMINARY_VERIFICATION);
		clue.startInvestigation(DEADLINE);
		assertThat(clue.getStatus()).isEqualTo(ClueStatus.INVESTIGATING);
		assertThat(clue.getDeadlineAt()).isEqualTo(DEADLINE);
	}

	@Test
	void shouldCloseAnAcceptedClueOnlyWhenDisposedOfByClosing() {
		Clue clue = accepted(Route.STANDARD);
		assertRefused(clue, (c) -> c.close(AT));
		clue.dispose(DisposalMethod.CLOSE);
		clue.close(AT);
		assertThat(clue.getStatus()).isEqualTo(ClueStatus.CLOSED);
		assertThat(clue.getClosedAt()).isEqualTo(AT);
	}

	@Test
	void shouldExtendOnceOnlyAStandardClueToALaterDeadline() {
		Clue green = accepted(Route.GREEN);
		green.dispose(DisposalMethod.TALK_INQUIRY);
		green.startInvestigation(DEADLINE);
		assertRefused(green, Clue::extensionRequested);
		Clue clue = in(ClueStatus.INVESTIGATING);
		clue.extensionRequested();
		assertThat(clue.isExtensionUsed()).isTrue();
		assertRefused(clue, Clue::extensionRequested);
		assertRefused(clue, (c) -> c.extendTo(DEADLINE));
		clue.markOverdue();
		clue.extendTo(DEADLINE.plusDays(7));
		assertThat(clue.getDeadlineAt()).isEqualTo(DEADLINE.plusDays(7));
		assertThat(clue.isOverdue()).isFalse();
	}

	@Test
	void shouldMarkOnlyAnOpenClueOverdue() {
		for (ClueStatus status : ClueStatus.values()) {
			Clue clue = in(status);
			clue.markOverdue();
			assertThat(clue.isOverdue()).as("overdue in %s", status).isEqualTo(status.isOpen());
		}
	}

	@Test
	void shouldLinkOneProcessAndOneLedgerEntry() {
		Clue clue = received();
		clue.started("pi-1");
		assertRefused(clue, (c) -> c.started("pi-2"));
		assertThat(clue.getProcessInstanceId()).isEqualTo("pi-1");
		Clue closed = in(ClueStatus.CLOSED);
		closed.linkLedger("ZG-2026-001");
		assertRefused(closed, (c) -> c.linkLedger("ZG-2026-002"));
		assertThat(closed.getLedgerEntryCode()).isEqualTo("ZG-2026-001");
	}

	private static void assertRefused(Clue clue, Consumer<Clue> action) {
		ClueStatus before = clue.getStatus();
		assertThatThrownBy(() -> action.accept(clue)).isInstanceOfSatisfying(Refusal.class, (ex) -> {
			assertThat(ex.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
			assertThat(ex.getMessageZh()).isNotBlank();
		});
		assertThat(clue.getStatus()).isEqualTo(before);
	}

	private static Clue received() {
		return new Clue("XS-2026-000002", "0".repeat(64), Channel.PHONE, ClueCategory.WORK_IMPLEMENTATION, "u1", "张某",
				"长期拖延", null, null, AT, "discipline");
	}

	private static Clue registered() {
		Clue clue = received();
		clue.recordRegistration("XS-2026-000001", "某机关", "理由");
		clue.answerTriage(new TriageAnswers(true, true, true, false));
		return clue;
	}

	private static Clue accepted(Route route) {
		Clue clue = registered();
		clue.accept();
		clue.triaged(route, DisposalMethod.PRELIMINARY_VERIFICATION);
		return clue;
	}

	/**
	 * A clue brought to a status by the transitions that lead there (STANDARD route).
	 */
	private static Clue in(ClueStatus status) {
		Clue clue = registered();
		switch (status) {
			case RECEIVED -> {
			}
			case DUPLICATE -> clue.markDuplicate(AT);
			case TRANSFERRED -> clue.transferOut(AT);
			case DECLINED -> clue.decline(AT);
			default -> {
				clue = accepted(Route.STANDARD);
				switch (status) {
					case SHELVED -> {
						clue.dispose(DisposalMethod.SHELVE);
						clue.shelve();
					}
					case INVESTIGATING, CLOSED -> {
						clue.dispose(DisposalMethod.PRELIMINARY_VERIFICATION);
						clue.startInvestigation(DEADLINE);
						if (status == ClueStatus.CLOSED) {
							clue.close(AT);
						}
					}
					default -> {
					}
				}
			}
		}
		assertThat(clue.getStatus()).isEqualTo(status);
		return clue;
	}

}
