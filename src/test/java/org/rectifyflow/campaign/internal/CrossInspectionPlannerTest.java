package org.rectifyflow.campaign.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossInspectionPlannerTest {

	@Test
	void shouldNeverAssignAUnitToItselfAndInspectEveryUnitOnce() {
		Random random = new Random(42);
		Set<Map<String, String>> seen = new HashSet<>();
		for (int size = 2; size <= 8; size++) {
			List<String> units = java.util.stream.IntStream.rangeClosed(1, size).mapToObj((i) -> "u" + i).toList();
			for (int draw = 0; draw < 2_000; draw++) {
				Map<String, String> assignment = CrossInspectionPlanner.assign(units, random);
				assertThat(assignment.keySet()).containsExactlyElementsOf(units);
				assertThat(assignment.values()).containsExactlyInAnyOrderElementsOf(units);
				assignment.forEach((inspector, inspected) -> assertThat(inspected).isNotEqualTo(inspector));
				if (size == 5) {
					seen.add(assignment);
				}
			}
		}
		// Random, not a fixed rotation: 5 units give 24 single cycles, all of them drawn.
		assertThat(seen).hasSize(24);
	}

	@Test
	void shouldRefuseASingleUnit() {
		assertThatThrownBy(() -> CrossInspectionPlanner.assign(List.of("u1"), new Random()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
