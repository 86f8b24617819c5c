package org.rectifyflow.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.rectifyflow.kernel.Choices;
import org.rectifyflow.taskrules.TaskRuleViolation;

/**
 * The plan as submitted by {@code Task_Plan}, parsed; every parse error is a
 * {@link TaskRuleViolation} with a Chinese message.
 */
record PlanInput(Inspection.Kind kind, String title, List<String> targetUnits, String places, LocalDate periodStart,
		LocalDate periodEnd, int teamSize, String focus) {

	static PlanInput parse(String kind, String title, String targetUnits, String places, String periodStart,
			String periodEnd, Object teamSize, String focus) {
		Inspection.Kind k = Choices.parse(Inspection.Kind.class, required(kind, "检查方式", "kind"), MethodNames::of)
			.orElseThrow(() -> new TaskRuleViolation("检查方式须为明察或暗访", "kind must be ANNOUNCED or UNANNOUNCED (明察, 暗访)"));
		String t = text(required(title, "检查名称", "title"), 200, "检查名称", "title");
		String units = required(targetUnits, "目标单位", "targetUnits");
		Set<String> codes = new LinkedHashSet<>(
				Arrays.stream(units.split("[,，、;；\\s]+")).map(String::strip).filter((s) -> !s.isEmpty()).toList());
		if (codes.isEmpty()) {
			throw new TaskRuleViolation("「目标单位」为必填项", "targetUnits is required");
		}
		if (codes.size() > 20) {
			throw new TaskRuleViolation("目标单位不能超过20个", "at most 20 target units");
		}
		String p = text(required(places, "检查地点", "places"), 1000, "检查地点", "places");
		LocalDate start = date(periodStart, "检查开始日期", "periodStart");
		LocalDate end = date(periodEnd, "检查结束日期", "periodEnd");
		if (end.isBefore(start)) {
			throw new TaskRuleViolation("检查结束日期不能早于开始日期", "periodEnd is before periodStart");
		}
		int size = teamSize(teamSize);
		String f = (focus == null || focus.isBlank()) ? null : text(focus, 500, "检查重点", "focus");
		return new PlanInput(k, t, List.copyOf(codes), p, start, end, size, f);
	}

	private static int teamSize(Object value) {
		Integer size = null;
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			size = number.intValue();
		}
		else if (value instanceof String text && !text.isBlank()) {
			try {
				size = Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				size = null;
			}
		}
		if (size == null) {
			throw new TaskRuleViolation("「检查组人数」须为整数", "teamSize must be a whole number");
		}
		if (size < 1 || size > InspectionService.MAX_TEAM_SIZE) {
			throw new TaskRuleViolation("检查组人数须在1到" + InspectionService.MAX_TEAM_SIZE + "人之间（不含组长）",
					"teamSize must be between 1 and " + InspectionService.MAX_TEAM_SIZE);
		}
		return size;
	}

	private static LocalDate date(String value, String label, String name) {
		String text = required(value, label, name);
		try {
			return LocalDate.parse((text.length() > 10) ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new TaskRuleViolation("「" + label + "」不是有效日期（yyyy-MM-dd）", name + " is not a date (yyyy-MM-dd)");
		}
	}

	static String required(String value, String label, String name) {
		if (value == null || value.isBlank()) {
			throw new TaskRuleViolation("「" + label + "」为必填项", name + " is required");
		}
		return value.strip();
	}

	static String text(String value, int max, String label, String name) {
		String v = value.strip();
		if (v.codePointCount(0, v.length()) > max) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + max + "个字",
					name + " is longer than " + max + " characters");
		}
		return v;
	}

}
