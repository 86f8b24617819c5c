package org.rectifyflow.campaign;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.rectifyflow.kernel.Refusal;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectifyflow.campaign.CampaignTest.assertConflict;

/**
 * The life cycle of a {@link Problem}: registered → confirmed (then one ledger entry),
 * merged into a live problem of the same campaign, or rejected with a reason; a decided
 * problem is not decided again.
 */
class ProblemTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-03T10:00:00+08:00");

	@Test
	void shouldStartRegistered() {
		Problem problem = problem(1L, 1);
		assertThat(problem.getStatus()).isEqualTo(Problem.Status.REGISTERED);
		assertThat(problem.getLabel()).isEqualTo("P001");
		assertThat(problem.getDecidedBy()).isNull();
	}

	@Test
	void shouldConfirm() {
		Problem problem = problem(1L, 1);
		problem.confirm("party", NOW);
		assertThat(problem.getStatus()).isEqualTo(Problem.Status.CONFIRMED);
		assertThat(problem.getDecidedBy()).isEqualTo("party");
		assertThat(problem.getDecidedAt()).isEqualTo(NOW);
	}

	@Test
	void shouldMergeIntoARegisteredOrConfirmedProblem() {
		Problem registered = problem(1L, 1);
		Problem duplicate = problem(2L, 2);
		duplicate.mergeInto(registered, "party", NOW);
		assertThat(duplicate.getStatus()).isEqualTo(Problem.Status.MERGED);
		assertThat(duplicate.getMergedIntoId()).isEqualTo(1L);
		Problem confirmed = problem(3L, 3);
		confirmed.confirm("party", NOW);
		Problem another = problem(4L, 4);
		another.mergeInto(confirmed, "party", NOW);
		assertThat(another.getMergedIntoId()).isEqualTo(3L);
	}

	@Test
	void shouldRejectWithAReason() {
		Problem problem = problem(1L, 1);
		problem.reject("  不属实  ", "party", NOW);
		assertThat(problem.getStatus()).isEqualTo(Problem.Status.REJECTED);
		assertThat(problem.getRejectReason()).isEqualTo("不属实");
	}

	@Test
	void shouldRefuseARejectWithoutReason() {
		Problem problem = problem(1L, 1);
		assertThatThrownBy(() -> problem.reject(" ", "party", NOW)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID));
		assertThat(problem.getStatus()).isEqualTo(Problem.Status.REGISTERED);
	}

	@Test
	void shouldRefuseToDecideADecidedProblemAgain() {
		Problem other = problem(9L, 9);
		for (Problem decided : new Problem[] { confirmed(), merged(), rejected() }) {
			Problem.Status status = decided.getStatus();
			assertConflict(() -> decided.confirm("party", NOW));
			assertConflict(() -> decided.mergeInto(other, "party", NOW));
			assertConflict(() -> decided.reject("理由", "party", NOW));
			assertThat(decided.getStatus()).isEqualTo(status);
		}
	}

	@Test
	void shouldRefuseToMergeIntoItselfAnotherCampaignOrADeadProblem() {
		Problem problem = problem(1L, 1);
		assertConflict(() -> problem.mergeInto(problem, "party", NOW));
		Problem elsewhere = new Problem(8L, 1, "u1", "STYLE", "别的整治的问题", null, Problem.Severity.MINOR,
				Problem.Source.SELF_INSPECTION, null, null, "u1", NOW);
		ReflectionTestUtils.setField(elsewhere, "id", 2L);
		assertConflict(() -> problem.mergeInto(elsewhere, "party", NOW));
		assertConflict(() -> problem.mergeInto(merged(), "party", NOW));
		assertConflict(() -> problem.mergeInto(rejected(), "party", NOW));
		assertThat(problem.getStatus()).isEqualTo(Problem.Status.REGISTERED);
	}

	@Test
	void shouldOpenOneLedgerEntryForAConfirmedProblem() {
		Problem problem = confirmed();
		problem.ledgerOpened("TZ-2026-0001");
		assertThat(problem.getLedgerEntryCode()).isEqualTo("TZ-2026-0001");
		assertConflict(() -> problem.ledgerOpened("TZ-2026-0002"));
		assertThat(problem.getLedgerEntryCode()).isEqualTo("TZ-2026-0001");
	}

	@Test
	void shouldRefuseALedgerEntryForAProblemNotConfirmed() {
		for (Problem problem : new Problem[] { problem(1L, 1), merged(), rejected() }) {
			assertConflict(() -> problem.ledgerOpened("TZ-2026-0001"));
			assertThat(problem.getLedgerEntryCode()).isNull();
		}
	}

	private static Problem problem(Long id, int number) {
		Problem problem = new Problem(7L, number, "u1", "STYLE", "以会议落实会议", null, Problem.Severity.MINOR,
				Problem.Source.SELF_INSPECTION, null, null, "u1", NOW);
		ReflectionTestUtils.setField(problem, "id", id);
		return problem;
	}

	private static Problem confirmed() {
		Problem problem = problem(5L, 5);
		problem.confirm("party", NOW);
		return problem;
	}

	private static Problem merged() {
		Problem problem = problem(6L, 6);
		problem.mergeInto(problem(1L, 1), "party", NOW);
		return problem;
	}

	private static Problem rejected() {
		Problem problem = problem(7L, 7);
		problem.reject("不属实", "party", NOW);
		return problem;
	}

}
