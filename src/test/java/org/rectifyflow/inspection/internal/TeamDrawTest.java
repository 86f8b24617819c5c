package org.rectifyflow.inspection.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw rules over many seeded draws on a fixture organisation of eight units: unit
 * a..h with three people each, unit h with one person only; a person {@code shared} in
 * units f and g; three discipline-group members.
 */
class TeamDrawTest {

	private static final Map<String, List<String>> STAFF = fixture();

	private static final List<String> LEADERS = List.of("lead1", "lead2", "lead3");

	private static Map<String, List<String>> fixture() {
		Map<String, List<String>> staff = new LinkedHashMap<>();
		for (String unit : List.of("a", "b", "c", "d", "e", "f", "g")) {
			staff.put(unit, new java.util.ArrayList<>(List.of(unit + "1", unit + "2", unit + "3")));
		}
		staff.get("f").add("shared");
		staff.get("g").add("shared");
		staff.put("h", List.of("h1"));
		return staff;
	}

	@Test
	void shouldFollowTheRulesOverAThousandSeededDraws() {
		Set<String> targets = Set.of("a", "b");
		TeamDraw.Input input = new TeamDraw.Input(targets, STAFF, Set.of(), LEADERS, 4, 2);
		Map<String, Integer> drawnCount = new HashMap<>();
		Map<String, Integer> leaderCount = new HashMap<>();
		Random random = new Random(20260918L);
		Set<String> eligible = null;
		for (int i = 0; i < 1000; i++) {
			TeamDraw.Result result = TeamDraw.draw(input, random);
			assertThat(result.drawn()).isTrue();
			assertThat(result.team()).hasSize(4);
			Set<String> unitsUsed = new HashSet<>();
			for (TeamDraw.Pick pick : result.team()) {
				assertThat(pick.unitCode()).isNotIn("a", "b", "h");
				assertThat(pick.userId()).doesNotStartWith("a").doesNotStartWith("b");
				List<String> unitsOfPerson = STAFF.entrySet()
					.stream()
					.filter((e) -> e.getValue().contains(pick.userId()))
					.map(Map.Entry::getKey)
					.toList();
				for (String unit : unitsOfPerson) {
					assertThat(unitsUsed.add(unit)).as("two people from unit %s", unit).isTrue();
				}
				drawnCount.merge(pick.userId(), 1, Integer::sum);
			}
			assertThat(result.leader()).isIn(LEADERS);
			leaderCount.merge(result.leader(), 1, Integer::sum);
			eligible = result.candidates().stream().map(TeamDraw.Candidate::userId).collect(Collectors.toSet());
		}
		// Every eligible person (units c..g, and the person shared by f and g) was drawn.
		assertThat(eligible).hasSize(16).contains("shared").doesNotContain("a1", "b2", "h1");
		assertThat(drawnCount.keySet()).isEqualTo(eligible);
		assertThat(leaderCount.keySet()).containsExactlyInAnyOrderElementsOf(LEADERS);
	}

	@Test
	void shouldRecordEveryExclusionWithItsReason() {
		TeamDraw.Input input = new TeamDraw.Input(Set.of("a"), STAFF, Set.of("c1", "d2"), LEADERS, 3, 2);
		TeamDraw.Result result = TeamDraw.draw(input, new Random(1));
		Map<String, String> reasons = result.exclusions()
			.stream()
			.collect(Collectors.toMap(TeamDraw.Exclusion::userId, TeamDraw.Exclusion::reason));
		assertThat(reasons).containsEntry("a1", "TARGET_UNIT")
			.containsEntry("a2", "TARGET_UNIT")
			.containsEntry("h1", "UNIT_UNDERSTAFFED")
			.containsEntry("c1", "PREVIOUS_INSPECTION")
			.containsEntry("d2", "PREVIOUS_INSPECTION");
		assertThat(result.previousRuleWaived()).isFalse();
		assertThat(result.team()).extracting(TeamDraw.Pick::userId).doesNotContain("c1", "d2");
		Map<String, Object> record = TeamDraw.record("JC-X", 1, "seeded", input, result);
		assertThat(record).containsKeys("candidates", "exclusions", "rule", "team", "leader")
			.containsEntry("outcome", "DRAWN");
	}

	@Test
	void shouldLetPeopleOfThePreviousInspectionBackWhenTooFewOthers() {
		Map<String, List<String>> staff = Map.of("a", List.of("a1", "a2"), "b", List.of("b1", "b2"));
		TeamDraw.Input input = new TeamDraw.Input(Set.of(), staff, Set.of("a1", "a2"), LEADERS, 2, 2);
		TeamDraw.Result result = TeamDraw.draw(input, new Random(7));
		assertThat(result.drawn()).isTrue();
		assertThat(result.previousRuleWaived()).isTrue();
		assertThat(result.team()).extracting(TeamDraw.Pick::unitCode).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void shouldExplainWhenTooFewPeopleAreEligible() {
		TeamDraw.Input input = new TeamDraw.Input(Set.of("a", "b", "c", "d", "e"), STAFF, Set.of(), LEADERS, 3, 2);
		TeamDraw.Result result = TeamDraw.draw(input, new Random(3));
		assertThat(result.drawn()).isFalse();
		assertThat(result.team()).isEmpty();
		assertThat(result.leader()).isNull();
		assertThat(result.message()).contains("不足检查组所需的3人");
	}

	@Test
	void shouldNeedALeaderFromTheDisciplineGroup() {
		TeamDraw.Input input = new TeamDraw.Input(Set.of("a"), STAFF, Set.of(), List.of(), 2, 2);
		TeamDraw.Result result = TeamDraw.draw(input, new Random(3));
		assertThat(result.drawn()).isFalse();
		assertThat(result.message()).contains("组长");
	}

}
