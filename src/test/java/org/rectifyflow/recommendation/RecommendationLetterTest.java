package org.rectifyflow.recommendation;

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
import org.rectifyflow.recommendation.internal.RecommendationReply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state machine of {@link RecommendationLetter} and the single verification of a
 * {@link RecommendationReply}, without Spring: every change in every state.
 */
class RecommendationLetterTest {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 9, 18, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final OffsetDateTime LATER = NOW.plusDays(1);

	private static final Map<String, Change> CHANGES = Map.of("draft",
			new Change(RecommendationLetterTest::draft, RecommendationLetter.Status.DRAFTING,
					RecommendationLetter.Status.APPROVING),
			"return",
			new Change((l) -> l.returned(LATER), RecommendationLetter.Status.APPROVING,
					RecommendationLetter.Status.DRAFTING),
			"issue",
			new Change((l) -> l.issue(2026, 3, "u3lead", NOW.plusDays(40), LATER),
					RecommendationLetter.Status.APPROVING, RecommendationLetter.Status.ISSUED),
			"reply",
			new Change(
					(l) -> l.replied(LATER), RecommendationLetter.Status.ISSUED, RecommendationLetter.Status.REPLIED),
			"accept",
			new Change((l) -> l.verified(true, LATER), RecommendationLetter.Status.REPLIED,
					RecommendationLetter.Status.ACCEPTED),
			"sendBack", new Change((l) -> l.verified(false, LATER), RecommendationLetter.Status.REPLIED,
					RecommendationLetter.Status.ISSUED));

	@ParameterizedTest
	@EnumSource(RecommendationLetter.Status.class)
	void shouldAllowEachChangeOnlyInItsState(RecommendationLetter.Status status) {
		CHANGES.forEach((name, change) -> {
			RecommendationLetter letter = letterIn(status);
			if (change.allowedIn() == status) {
				change.apply().accept(letter);
				assertThat(letter.getStatus()).as(name + " in " + status).isEqualTo(change.leadsTo());
			}
			else {
				assertThatThrownBy(() -> change.apply().accept(letter)).as(name + " in " + status)
					.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
						assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
						assertThat(refusal.getMessageZh()).contains("JY-2026-001", "不能办理");
						assertThat(refusal.getMessageEn()).contains(status.name());
					});
				assertThat(letter.getStatus()).as(name + " leaves " + status).isEqualTo(status);
			}
		});
	}

	@Test
	void shouldIssueWithADocumentNumberAndCloseWhenAccepted() {
		RecommendationLetter letter = letterIn(RecommendationLetter.Status.ISSUED);
		assertThat(letter.isIssued()).isTrue();
		assertThat(letter.getDocNumber()).isEqualTo("纪建〔2026〕3号");
		assertThat(letter.getRecipient()).isEqualTo("u3lead");
		letter.replied(LATER);
		letter.verified(true, LATER);
		assertThat(letter.getClosedAt()).isEqualTo(LATER);
		assertThat(letterIn(RecommendationLetter.Status.APPROVING).isIssued()).isFalse();
	}

	@Test
	void shouldMarkOverdueOnce() {
		RecommendationLetter letter = letterIn(RecommendationLetter.Status.ISSUED);
		assertThat(letter.markOverdue(LATER)).isTrue();
		assertThat(letter.markOverdue(LATER)).isFalse();
	}

	@Test
	void shouldLinkItsProcessOnlyOnce() {
		RecommendationLetter letter = letterIn(RecommendationLetter.Status.DRAFTING);
		letter.linkProcess("pi-1");
		assertThatThrownBy(() -> letter.linkProcess("pi-2")).isInstanceOf(Refusal.class);
		assertThat(letter.getProcessInstanceId()).isEqualTo("pi-1");
	}

	@Test
	void shouldVerifyAReplyOnce() {
		RecommendationReply reply = new RecommendationReply(1L, 1, "已修订考核办法", null, "u3lead", NOW);
		assertThat(reply.getVerdict()).isNull();
		reply.verify(false, "未见成效", "discipline", LATER);
		assertThat(reply.getVerdict()).isEqualTo("REJECTED");
		assertThat(reply.getVerifiedBy()).isEqualTo("discipline");
		assertThat(reply.getVerifiedAt()).isEqualTo(LATER);
		assertThatThrownBy(() -> reply.verify(true, "到位", "discipline2", LATER)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT));
		assertThat(reply.getVerdict()).isEqualTo("REJECTED");
		assertThat(reply.getVerdictReason()).isEqualTo("未见成效");
		assertThat(new RecommendationReply.Verdict().convertToEntityAttribute("ACCEPTED")).isTrue();
		assertThat(new RecommendationReply.Verdict().convertToDatabaseColumn(false)).isEqualTo("REJECTED");
	}

	@Test
	void shouldCoverEveryState() {
		Set<RecommendationLetter.Status> reached = EnumSet.of(RecommendationLetter.Status.DRAFTING);
		CHANGES.values().forEach((change) -> reached.add(change.leadsTo()));
		assertThat(reached).containsExactlyInAnyOrder(RecommendationLetter.Status.values());
	}

	private static void draft(RecommendationLetter letter) {
		letter.draft(RecommendationLetter.Kind.DISCIPLINE, "u3", List.of("考核以会议落实会议"), List.of(), List.of("修订考核办法"), 30,
				"discipline", LATER);
	}

	private static RecommendationLetter letterIn(RecommendationLetter.Status status) {
		RecommendationLetter letter = new RecommendationLetter("JY-2026-001", RecommendationLetter.Origin.DIRECT, null,
				null, "discipline", NOW);
		if (status == RecommendationLetter.Status.DRAFTING) {
			return letter;
		}
		draft(letter);
		if (status == RecommendationLetter.Status.APPROVING) {
			return letter;
		}
		letter.issue(2026, 3, "u3lead", NOW.plusDays(40), NOW);
		if (status == RecommendationLetter.Status.ISSUED) {
			return letter;
		}
		letter.replied(NOW);
		if (status == RecommendationLetter.Status.ACCEPTED) {
			letter.verified(true, NOW);
		}
		assertThat(letter.getStatus()).isEqualTo(status);
		return letter;
	}

	private record Change(Consumer<RecommendationLetter> apply, RecommendationLetter.Status allowedIn,
			RecommendationLetter.Status leadsTo) {
	}

}
