package org.rectifyflow.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifyflow.campaign.CampaignTest.assertConflict;

/**
 * The life cycle of a {@link CampaignPlan}: draft or returned → submitted → returned or
 * published; and the one rule for which problems a plan takes.
 */
class CampaignPlanTest {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

	private static final PhaseDeadlines DEADLINES = new PhaseDeadlines(LocalDate.of(2026, 3, 13),
			LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 31));

	@Test
	void shouldStartAsDraft() {
		CampaignPlan plan = plan();
		assertThat(plan.getStatus()).isEqualTo(CampaignPlan.Status.DRAFT);
		assertThat(plan.getRevision()).isZero();
	}

	@Test
	void shouldSubmitADraftWithItsContent() {
		CampaignPlan plan = plan();
		plan.submit(List.of("u1", "u2"), List.of("STYLE"), DEADLINES);
		assertThat(plan.getStatus()).isEqualTo(CampaignPlan.Status.SUBMITTED);
		assertThat(plan.getRevision()).isEqualTo(1);
		assertThat(plan.getScopeUnits()).containsExactly("u1", "u2");
		assertThat(plan.getCategories()).containsExactly("STYLE");
	}

	@Test
	void shouldReturnASubmittedPlanAndTakeItAgain() {
		CampaignPlan plan = submitted();
		plan.returnWith("请细化期限");
		assertThat(plan.getStatus()).isEqualTo(CampaignPlan.Status.RETURNED);
		assertThat(plan.getLastOpinion()).isEqualTo("请细化期限");
		plan.submit(List.of("u1"), List.of("STYLE", "DUTY"), DEADLINES);
		assertThat(plan.getStatus()).isEqualTo(CampaignPlan.Status.SUBMITTED);
		assertThat(plan.getRevision()).isEqualTo(2);
	}

	@Test
	void shouldPublishASubmittedPlan() {
		CampaignPlan plan = submitted();
		plan.publish("同意", NOW);
		assertThat(plan.getStatus()).isEqualTo(CampaignPlan.Status.PUBLISHED);
		assertThat(plan.getLastOpinion()).isEqualTo("同意");
		assertThat(plan.getPublishedAt()).isEqualTo(NOW);
	}

	@Test
	void shouldRefuseToDecideAPlanNotSubmitted() {
		CampaignPlan draft = plan();
		assertConflict(() -> draft.returnWith("退回"));
		assertConflict(() -> draft.publish("同意", NOW));
		CampaignPlan returned = submitted();
		returned.returnWith("退回");
		assertConflict(() -> returned.returnWith("再退回"));
		assertConflict(() -> returned.publish("同意", NOW));
		CampaignPlan published = published();
		assertConflict(() -> published.returnWith("退回"));
		assertConflict(() -> published.publish("再次同意", NOW));
		assertThat(published.getStatus()).isEqualTo(CampaignPlan.Status.PUBLISHED);
	}

	@Test
	void shouldRefuseToSubmitAPlanSubmittedOrPublished() {
		CampaignPlan submitted = submitted();
		assertConflict(() -> submitted.submit(List.of("u3"), List.of("STYLE"), DEADLINES));
		assertThat(submitted.getScopeUnits()).containsExactly("u1", "u2");
		CampaignPlan published = published();
		assertConflict(() -> published.submit(List.of("u3"), List.of("STYLE"), DEADLINES));
		assertThat(published.getRevision()).isEqualTo(1);
	}

	@Test
	void shouldAcceptUnitsInScopeAndCategoriesInTaxonomy() {
		CampaignPlan plan = submitted();
		ProblemCategory style = category(1L, "STYLE", null);
		ProblemCategory meetings = category(2L, "STYLE-MEETINGS", 1L);
		ProblemCategory duty = category(3L, "DUTY", null);
		assertThat(plan.accepts("u1", style, style)).isTrue();
		assertThat(plan.accepts("u2", meetings, style)).isTrue();
		assertThat(plan.accepts("u3", style, style)).isFalse();
		assertThat(plan.accepts("u1", duty, duty)).isFalse();
		assertThat(plan.accepts(null, style, style)).isFalse();
	}

	private static CampaignPlan plan() {
		return new CampaignPlan(7L, List.of("u1"), List.of("STYLE", "DUTY"), DEADLINES);
	}

	private static CampaignPlan submitted() {
		CampaignPlan plan = plan();
		plan.submit(List.of("u1", "u2"), List.of("STYLE"), DEADLINES);
		return plan;
	}

	private static CampaignPlan published() {
		CampaignPlan plan = submitted();
		plan.publish("同意", NOW);
		return plan;
	}

	private static ProblemCategory category(Long id, String code, Long parentId) {
		ProblemCategory category = org.springframework.beans.BeanUtils.instantiateClass(ProblemCategory.class);
		ReflectionTestUtils.setField(category, "id", id);
		ReflectionTestUtils.setField(category, "code", code);
		ReflectionTestUtils.setField(category, "parentId", parentId);
		return category;
	}

}
