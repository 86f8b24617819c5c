package org.rectifyflow.inspection.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of the random team draw (随机抽调), free of the engine and the database so that
 * they can be checked over many seeded draws:
 * <ul>
 * <li>nobody who belongs to a target unit (回避);</li>
 * <li>nobody from a unit with fewer than {@code minUnitStaff} people (the unit must keep
 * working);</li>
 * <li>nobody from the team leader pool ({@code discipline-group}) as unit staff;</li>
 * <li>nobody drawn in the previous inspection, if enough others are available;</li>
 * <li>at most one person per unit;</li>
 * <li>a team leader drawn from the leader pool, not from a target unit.</li>
 * </ul>
 * The randomness comes from the caller: {@link java.security.SecureRandom} in production,
 * a seeded {@link Random} in tests.
 */
final class TeamDraw {

	static final String RULE = "每个单位至多抽调一人；目标单位人员回避；人数不足的单位不抽调；纪检组人员只任组长；上次检查已抽调的人员在其余人员足够时不抽调；组长从派驻纪检组随机抽取";

	private TeamDraw() {
	}

	/**
	 * What the draw works on.
	 *
	 * @param targetUnits codes of the units inspected
	 * @param staffByUnit every active unit's staff (user ids)
	 * @param previousTeam the people drawn in the previous inspection
	 * @param leaderPool the members of {@code discipline-group}
	 * @param teamSize how many unit staff to draw (the leader comes on top)
	 * @param minUnitStaff a unit with fewer people contributes nobody
	 */
	record Input(Set<String> targetUnits, Map<String, List<String>> staffByUnit, Set<String> previousTeam,
			List<String> leaderPool, int teamSize, int minUnitStaff) {
	}

	/** A person who may be drawn, with the units whose staff they are. */
	record Candidate(String userId, List<String> units) {
	}

	/** A person who may not be drawn, and why. */
	record Exclusion(String userId, List<String> units, String reason, String reasonText) {
	}

	/** A drawn team member. */
	record Pick(String userId, String unitCode) {
	}

	/**
	 * The outcome.
	 *
	 * @param drawn whether a full team and a leader were drawn
	 * @param team the drawn unit staff (empty unless drawn)
	 * @param leader the team leader ({@code null} unless drawn)
	 * @param candidates everyone who took part in the draw
	 * @param exclusions everyone left out, with the reason
	 * @param leaderCandidates who could have been the leader
	 * @param previousRuleWaived whether people of the previous inspection stayed in the
	 * draw because too few others were available
	 * @param message Chinese explanation when not drawn, else {@code null}
	 */
	record Result(boolean drawn, List<Pick> team, String leader, List<Candidate> candidates, List<Exclusion> exclusions,
			List<String> leaderCandidates, boolean previousRuleWaived, String message) {
	}

	static Result draw(Input input, Random random) {
		Map<String, List<String>> unitsOfPerson = new TreeMap<>();
		input.staffByUnit()
			.forEach((unit, staff) -> staff
				.forEach((user) -> unitsOfPerson.computeIfAbsent(user, (u) -> new ArrayList<>()).add(unit)));
		unitsOfPerson.values().forEach(Collections::sort);
		Set<String> leaders = new HashSet<>(input.leaderPool());
		List<Exclusion> exclusions = new ArrayList<>();
		List<Candidate> eligible = new ArrayList<>();
		for (Map.Entry<String, List<String>> person : unitsOfPerson.entrySet()) {
			String user = person.getKey();
			List<String> units = person.getValue();
			if (units.stream().anyMatch(input.targetUnits()::contains)) {
				exclusions.add(new Exclusion(user, units, "TARGET_UNIT", "目标单位人员，回避"));
			}
			else if (leaders.contains(user)) {
				exclusions.add(new Exclusion(user, units, "DISCIPLINE_GROUP", "派驻纪检组人员，只可担任组长"));
			}
			else if (units.stream().allMatch((u) -> input.staffByUnit().get(u).size() < input.minUnitStaff())) {
				exclusions
					.add(new Exclusion(user, units, "UNIT_UNDERSTAFFED", "所在单位人员少于" + input.minUnitStaff() + "人，不抽调"));
			}
			else {
				eligible.add(new Candidate(user, units));
			}
		}
		List<Candidate> fresh = eligible.stream().filter((c) -> !input.previousTeam().contains(c.userId())).toList();
		boolean waived = false;
		List<Candidate> candidates;
		if (fresh.size() < eligible.size() && distinctUnits(fresh) >= input.teamSize()) {
			for (Candidate c : eligible) {
				if (input.previousTeam().contains(c.userId())) {
					exclusions.add(new Exclusion(c.userId(), c.units(), "PREVIOUS_INSPECTION", "上次检查已抽调"));
				}
			}
			candidates = fresh;
		}
		else {
			waived = fresh.size() < eligible.size();
			candidates = eligible;
		}
		List<String> leaderCandidates = input.leaderPool()
			.stream()
			.filter((user) -> unitsOfPerson.getOrDefault(user, List.of())
				.stream()
				.noneMatch(input.targetUnits()::contains))
			.sorted()
			.toList();
		int units = distinctUnits(candidates);
		if (units < input.teamSize()) {
			return new Result(false, List.of(), null, candidates, exclusions, leaderCandidates, waived, "可抽调人员只来自"
					+ units + "个单位，不足检查组所需的" + input.teamSize() + "人（每个单位至多抽调一人，目标单位人员回避）。请减少检查组人数或调整目标单位后重新提交。");
		}
		if (leaderCandidates.isEmpty()) {
			return new Result(false, List.of(), null, candidates, exclusions, leaderCandidates, waived,
					"派驻纪检组没有可担任组长的人员（组长不得来自目标单位）。请调整目标单位或充实纪检组后重新提交。");
		}
		// People in several units use up all of them; a shuffle that ends short because
		// of
		// them is drawn again (bounded), so that any valid team can come out.
		List<Pick> team = List.of();
		for (int round = 0; round < 50 && team.size() < input.teamSize(); round++) {
			team = pick(candidates, input.teamSize(), random);
		}
		if (team.size() < input.teamSize()) {
			return new Result(false, List.of(), null, candidates, exclusions, leaderCandidates, waived,
					"可抽调人员同时属于多个单位，无法做到每个单位至多一人且凑足" + input.teamSize() + "人。请减少检查组人数后重新提交。");
		}
		String leader = leaderCandidates.get(random.nextInt(leaderCandidates.size()));
		return new Result(true, List.copyOf(team), leader, candidates, exclusions, leaderCandidates, waived, null);
	}

	private static List<Pick> pick(List<Candidate> candidates, int teamSize, Random random) {
		List<Candidate> shuffled = new ArrayList<>(candidates);
		Collections.shuffle(shuffled, random);
		Set<String> usedUnits = new HashSet<>();
		List<Pick> team = new ArrayList<>();
		for (Candidate c : shuffled) {
			if (team.size() == teamSize) {
				break;
			}
			if (c.units().stream().noneMatch(usedUnits::contains)) {
				String unit = c.units().get(random.nextInt(c.units().size()));
				usedUnits.addAll(c.units());
				team.add(new Pick(c.userId(), unit));
			}
		}
		return team;
	}

	/**
	 * The draw as a JSON-ready map: everything needed to check it later.
	 */
	static Map<String, Object> record(String inspectionCode, int attempt, String randomSource, Input input,
			Result result) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("inspection", inspectionCode);
		record.put("attempt", attempt);
		record.put("rule", RULE);
		record.put("randomSource", randomSource);
		record.put("targetUnits", new TreeSet<>(input.targetUnits()));
		record.put("teamSize", input.teamSize());
		record.put("minUnitStaff", input.minUnitStaff());
		record.put("previousTeam", new TreeSet<>(input.previousTeam()));
		record.put("previousRuleWaived", result.previousRuleWaived());
		record.put("candidates", result.candidates());
		record.put("exclusions", result.exclusions());
		record.put("leaderCandidates", result.leaderCandidates());
		record.put("outcome", result.drawn() ? "DRAWN" : "TOO_FEW");
		record.put("team", result.team());
		record.put("leader", result.leader());
		record.put("message", result.message());
		return record;
	}

	private static int distinctUnits(Collection<Candidate> candidates) {
		Set<String> units = new HashSet<>();
		candidates.forEach((c) -> units.addAll(c.units()));
		// With people in several units the greedy draw may still fall short; checked
		// after.
		return Math.min(units.size(), candidates.size());
	}

}
