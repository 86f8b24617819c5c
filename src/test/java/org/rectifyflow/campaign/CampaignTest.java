package org.rectifyflow.campaign;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rectifyflow.kernel.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The life cycle of a {@link Campaign}: phases only move forward, the end comes only from
 * 建章立制 with the summary, an ended campaign changes no more.
 */
class CampaignTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

	@Test
	void shouldStartRunningInMobilize() {
		Campaign campaign = campaign();
		assertThat(campaign.getCode()).isEqualTo("ZZ-2026-001");
		assertThat(campaign.isRunning()).isTrue();
		assertThat(campaign.getPhase()).isEqualTo(Phase.MOBILIZE);
		assertThat(campaign.takesProblems()).isFalse();
	}

	@Test
	void shouldMoveForwardThroughEveryPhase() {
		Campaign campaign = campaign();
		campaign.enter(Phase.INSPECT);
		assertThat(campaign.takesProblems()).isTrue();
		campaign.enter(Phase.INSPECT);
		assertThat(campaign.getPhase()).isEqualTo(Phase.INSPECT);
		campaign.enter(Phase.RECTIFY);
		assertThat(campaign.takesProblems()).isTrue();
		campaign.enter(Phase.INSTITUTIONALIZE);
		assertThat(campaign.takesProblems()).isFalse();
		campaign.complete("总结", NOW);
		assertThat(campaign.getStatus()).isEqualTo(Campaign.Status.COMPLETED);
		assertThat(campaign.getPhase()).isEqualTo(Phase.COMPLETED);
		assertThat(campaign.getSummary()).isEqualTo("总结");
		assertThat(campaign.getEndedAt()).isEqualTo(NOW);
		assertThat(campaign.isRunning()).isFalse();
	}

	@Test
	void shouldSkipPhasesForward() {
		Campaign campaign = campaign();
		campaign.enter(Phase.INSTITUTIONALIZE);
		assertThat(campaign.getPhase()).isEqualTo(Phase.INSTITUTIONALIZE);
	}

	@Test
	void shouldRefuseToGoBack() {
		Campaign campaign = campaign();
		campaign.enter(Phase.RECTIFY);
		assertConflict(() -> campaign.enter(Phase.INSPECT));
		assertConflict(() -> campaign.enter(Phase.MOBILIZE));
		assertThat(campaign.getPhase()).isEqualTo(Phase.RECTIFY);
	}

	@Test
	void shouldRefuseToEnterCompletedWithoutSummary() {
		Campaign campaign = campaign();
		campaign.enter(Phase.INSTITUTIONALIZE);
		assertConflict(() -> campaign.enter(Phase.COMPLETED));
		assertThat(campaign.isRunning()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Phase.class, names = { "MOBILIZE", "INSPECT", "RECTIFY" })
	void shouldRefuseToCompleteBeforeInstitutionalize(Phase phase) {
		Campaign campaign = campaign();
		campaign.enter(phase);
		assertConflict(() -> campaign.complete("总结", NOW));
		assertThat(campaign.isRunning()).isTrue();
		assertThat(campaign.getSummary()).isNull();
	}

	@ParameterizedTest
	@EnumSource(Phase.class)
	void shouldRefuseEveryChangeOnceEnded(Phase phase) {
		Campaign campaign = campaign();
		campaign.enter(Phase.INSTITUTIONALIZE);
		campaign.complete("总结", NOW);
		assertConflict(() -> campaign.enter(phase));
		assertConflict(() -> campaign.complete("再次总结", NOW));
		assertThat(campaign.getSummary()).isEqualTo("总结");
		assertThat(campaign.takesProblems()).isFalse();
	}

	@Test
	void shouldAttachOneProcessInstance() {
		Campaign campaign = campaign();
		campaign.attachProcess("pi-1");
		campaign.attachProcess("pi-1");
		assertThat(campaign.getProcessInstanceId()).isEqualTo("pi-1");
		assertConflict(() -> campaign.attachProcess("pi-2"));
		assertThat(campaign.getProcessInstanceId()).isEqualTo("pi-1");
	}

	@Test
	void shouldNumberProblemsInOrder() {
		Campaign campaign = campaign();
		assertThat(campaign.nextProblemNumber()).isEqualTo(1);
		assertThat(campaign.nextProblemNumber()).isEqualTo(2);
	}

	private static Campaign campaign() {
		return new Campaign(2026, 1, "整治形式主义官僚主义专项行动", List.of(new BasisDocument("通知", "中纪办〔2022〕8号")), "office", NOW);
	}

	static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
		assertThatThrownBy(action).isInstanceOfSatisfying(Refusal.class, (refusal) -> {
			assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
			assertThat(refusal.getMessageZh()).isNotBlank();
			assertThat(refusal.getMessageEn()).isNotBlank();
		});
	}

}
