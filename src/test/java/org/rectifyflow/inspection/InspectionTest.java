package org.rectifyflow.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
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
 * The state machine of {@link Inspection}, without Spring: every change in every state,
 * and when an inspection is disclosed.
 */
class InspectionTest {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 9, 18, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final OffsetDateTime LATER = NOW.plusDays(1);

	private static final Map<String, Change> CHANGES = Map
		.of("plan", new Change(InspectionTest::plan, Set.of(Inspection.Status.PLANNING), Inspection.Status.PLANNING),
				"teamDrawn", new Change((i) -> i.teamDrawn("d2", LATER),
						Set.of(Inspection.Status.PLANNING, Inspection.Status.DRAWN), Inspection.Status.DRAWN),
				"drawFailed",
				new Change((i) -> i.drawFailed(LATER), Set.of(Inspection.Status.PLANNING, Inspection.Status.DRAWN),
						Inspection.Status.PLANNING),
				"return",
				new Change((i) -> i.returned(LATER), Set.of(Inspection.Status.DRAWN), Inspection.Status.PLANNING),
				"approve",
				new Change((i) -> i.approved(LATER), Set.of(Inspection.Status.DRAWN), Inspection.Status.APPROVED),
				"startFieldWork",
				new Change((i) -> i.fieldWorkStarted(LATER), Set.of(Inspection.Status.APPROVED),
						Inspection.Status.FIELD_WORK),
				"endFieldWork",
				new Change((i) -> i.fieldWorkEnded(LATER), Set.of(Inspection.Status.FIELD_WORK),
						Inspection.Status.REPORTING),
				"close",
				new Change((i) -> i.close("汇总", LATER), Set.of(Inspection.Status.REPORTING), Inspection.Status.CLOSED));

	@ParameterizedTest
	@EnumSource(Inspection.Status.class)
	void shouldAllowEachChangeOnlyInItsStates(Inspection.Status status) {
		CHANGES.forEach((name, change) -> {
			Inspection inspection = inspectionIn(status, Inspection.Kind.ANNOUNCED);
			if (change.allowedIn().contains(status)) {
				change.apply().accept(inspection);
				assertThat(inspection.getStatus()).as(name + " in " + status).isEqualTo(change.leadsTo());
			}
			else {
				assertThatThrownBy(() -> change.apply().accept(inspection)).as(name + " in " + status)
					.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
						assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
						assertThat(refusal.getMessageZh()).contains("JC-2026-003", "不能办理");
						assertThat(refusal.getMessageEn()).contains(status.name());
					});
				assertThat(inspection.getStatus()).as(name + " leaves " + status).isEqualTo(status);
			}
		});
	}

	@Test
	void shouldCountDrawsAndForgetTheLeaderOfAFailedOne() {
		Inspection inspection = inspectionIn(Inspection.Status.DRAWN, Inspection.Kind.ANNOUNCED);
		assertThat(inspection.getTeamLeader()).isEqualTo("d1");
		inspection.teamDrawn("d2", LATER);
		assertThat(inspection.getTeamLeader()).isEqualTo("d2");
		inspection.drawFailed(LATER);
		assertThat(inspection.getTeamLeader()).isNull();
		assertThat(inspection.getDrawCount()).isEqualTo(3);
	}

	@Test
	void shouldDiscloseAnUnannouncedInspectionOnlyWhenItsFieldWorkEnds() {
		for (Inspection.Status status : Inspection.Status.values()) {
			Inspection announced = inspectionIn(status, Inspection.Kind.ANNOUNCED);
			Inspection unannounced = inspectionIn(status, Inspection.Kind.UNANNOUNCED);
			assertThat(announced.isDisclosed()).as(status.name()).isTrue();
			assertThat(unannounced.isDisclosed()).as(status.name())
				.isEqualTo(status == Inspection.Status.REPORTING || status == Inspection.Status.CLOSED);
		}
		Inspection closed = inspectionIn(Inspection.Status.CLOSED, Inspection.Kind.UNANNOUNCED);
		assertThat(closed.getReportSummary()).isEqualTo("汇总");
		assertThat(closed.getClosedAt()).isEqualTo(NOW);
	}

	@Test
	void shouldMarkOverdueOnceAndLinkItsProcessOnce() {
		Inspection inspection = inspectionIn(Inspection.Status.FIELD_WORK, Inspection.Kind.ANNOUNCED);
		assertThat(inspection.markOverdue(LATER)).isTrue();
		assertThat(inspection.markOverdue(LATER)).isFalse();
		inspection.linkProcess("pi-1");
		assertThatThrownBy(() -> inspection.linkProcess("pi-2")).isInstanceOf(Refusal.class);
		assertThat(inspection.getProcessInstanceId()).isEqualTo("pi-1");
	}

	@Test
	void shouldHandAFindingOverOnceAndKeepAPendingOneOpen() {
		Finding finding = new Finding(1L, 1, Finding.Method.ON_SITE, "政务服务大厅", "窗口人员脱岗", "u1", Finding.Type.PROBLEM,
				null, "IMPLEMENT", "d2", NOW);
		assertThat(finding.getStatus()).isEqualTo(Finding.Status.RECORDED);
		finding.pending("没有进行中的整治活动");
		assertThat(finding.getStatus()).isEqualTo(Finding.Status.PENDING);
		finding.pending("仍没有进行中的整治活动");
		finding.handedOver("ZZ-2026-001-007", 7L);
		assertThat(finding.getStatus()).isEqualTo(Finding.Status.HANDED_OVER);
		assertThatThrownBy(() -> finding.handedOver("ZZ-2026-001-008", 8L)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT));
		assertThatThrownBy(() -> finding.pending("again")).isInstanceOf(Refusal.class);
		assertThat(finding.getStatus()).isEqualTo(Finding.Status.HANDED_OVER);
	}

	@Test
	void shouldCoverEveryState() {
		Set<Inspection.Status> reached = EnumSet.of(Inspection.Status.PLANNING);
		CHANGES.values().forEach((change) -> reached.add(change.leadsTo()));
		assertThat(reached).containsExactlyInAnyOrder(Inspection.Status.values());
	}

	private static void plan(Inspection inspection) {
		plan(inspection, Inspection.Kind.ANNOUNCED);
	}

	private static void plan(Inspection inspection, Inspection.Kind kind) {
		inspection.plan(kind, "窗口服务作风检查", List.of("u1", "u2"), List.of("政务服务大厅"), LocalDate.of(2026, 9, 21),
				LocalDate.of(2026, 9, 25), 3, List.of(), null, NOW);
	}

	private static Inspection inspectionIn(Inspection.Status status, Inspection.Kind kind) {
		Inspection inspection = new Inspection("JC-2026-003", "discipline", NOW);
		plan(inspection, kind);
		if (status == Inspection.Status.PLANNING) {
			return inspection;
		}
		inspection.teamDrawn("d1", NOW);
		if (status == Inspection.Status.DRAWN) {
			return inspection;
		}
		inspection.approved(NOW);
		if (status == Inspection.Status.APPROVED) {
			return inspection;
		}
		inspection.fieldWorkStarted(NOW);
		if (status == Inspection.Status.FIELD_WORK) {
			return inspection;
		}
		inspection.fieldWorkEnded(NOW);
		if (status == Inspection.Status.CLOSED) {
			inspection.close("汇总", NOW);
		}
		assertThat(inspection.getStatus()).isEqualTo(status);
		return inspection;
	}

	private record Change(Consumer<Inspection> apply, Set<Inspection.Status> allowedIn, Inspection.Status leadsTo) {
	}

}
