package org.rectifyflow.campaign.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws the 互查 assignment: the units are shuffled into a random circle and each unit
 * inspects the next one. The result is a single cycle, so no unit inspects itself and
 * every unit is inspected exactly once. Needs at least two units.
 */
final class CrossInspectionPlanner {

	private CrossInspectionPlanner() {
	}

	/**
	 * @param units the scope units (at least two, distinct)
	 * @param random the source of randomness
	 * @return inspector unit to inspected unit, in the order of {@code units}
	 */
	static Map<String, String> assign(List<String> units, RandomGenerator random) {
		if (units.size() < 2) {
			throw new IllegalArgumentException("cross-inspection needs at least two units, got " + units);
		}
		if (units.stream().distinct().count() != units.size()) {
			throw new IllegalArgumentException("duplicate units in " + units);
		}
		List<String> circle = new ArrayList<>(units);
		Collections.shuffle(circle, new java.util.Random(random.nextLong()));
		Map<String, String> byInspector = new LinkedHashMap<>();
		for (int i = 0; i < circle.size(); i++) {
			byInspector.put(circle.get(i), circle.get((i + 1) % circle.size()));
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		units.forEach((unit) -> ordered.put(unit, byInspector.get(unit)));
		return ordered;
	}

}
