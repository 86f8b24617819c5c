package org.rectifyflow.inspection.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectifyflow.inspection.Inspection;
import org.rectifyflow.kernel.Choices;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.TaskRuleViolation;

/**
 * The plan as submitted by {@code Task_Plan}, parsed; every parse error is a
 * {@link TaskRuleViolation} with a Chinese message. The form submits the target units as
 * a checklist, the places as a list of rows and the focus as a taglist of problem
 * categories; an integration may still send the units as text ({@code u1,u2}), the places
 * one a line and the focus as text.
 *
 * @param focusCategories the codes of the categories chosen as the focus
 * @param focus the focus as text: the chosen categories' names, or an integration's text
 */
record PlanInput(Inspection.Kind kind, String title, List<String> targetUnits, List<String> places,
		LocalDate periodStart, LocalDate periodEnd, int teamSize, List<String> focusCategories, String focus) {

	static final String PLACES_LABEL = "检查地点";

	static final String PLACE_FIELD = "place";

	static final int PLACE_MAX = 200;

	static final int MAX_PLACES = 50;

	static final int MAX_TARGETS = 20;

	/**
	 * @param units the active units' names by code (the checklist's options)
	 * @param categories the categories' labels by code (the taglist's options)
	 */
	static PlanInput parse(String kind, String title, Object targetUnits, Object places, String periodStart,
			String periodEnd, Object teamSize, Object focus, Map<String, String> units,
			Map<String, String> categories) {
		Inspection.Kind k = Choices.parse(Inspection.Kind.class, required(kind, "检查方式", "kind"), MethodNames::of)
			.orElseThrow(() -> new TaskRuleViolation("检查方式须为明察或暗访", "kind must be ANNOUNCED or UNANNOUNCED (明察, 暗访)"));
		String t = text(required(title, "检查名称", "title"), 200, "检查名称", "title");
		List<String> codes = targets(targetUnits, units.keySet());
		List<String> p = places(places);
		LocalDate start = date(periodStart, "检查开始日期", "periodStart");
		LocalDate end = date(periodEnd, "检查结束日期", "periodEnd");
		if (end.isBefore(start)) {
			throw new TaskRuleViolation("检查结束日期不能早于开始日期", "periodEnd is before periodStart");
		}
		int size = teamSize(teamSize);
		List<String> focusCodes = List.of();
		String f;
		if (FormList.isList(focus)) {
			focusCodes = FormList.choices(focus, "检查重点", categories.keySet());
			f = focusCodes.isEmpty() ? null : String.join("、", focusCodes.stream().map(categories::get).toList());
			if (f != null) {
				f = text(f, 500, "检查重点", "focus");
			}
		}
		else {
			String text = InspectionService.str(focus);
			f = (text == null) ? null : text(text, 500, "检查重点", "focus");
		}
		return new PlanInput(k, t, codes, p, start, end, size, focusCodes, f);
	}

	private static List<String> targets(Object value, Collection<String> activeUnits) {
		List<String> codes;
		if (FormList.isList(value)) {
			codes = FormList.choices(value, "目标单位", activeUnits);
		}
		else {
			String units = required(InspectionService.str(value), "目标单位", "targetUnits");
			Set<String> parsed = new LinkedHashSet<>(
					Arrays.stream(units.split("[,，、;；\\s]+")).map(String::strip).filter((s) -> !s.isEmpty()).toList());
			for (String code : parsed) {
				if (!activeUnits.contains(code)) {
					throw new TaskRuleViolation("目标单位不存在或已停用：" + code, "unknown or inactive unit " + code);
				}
			}
			codes = List.copyOf(parsed);
		}
		if (codes.isEmpty()) {
			throw new TaskRuleViolation("「目标单位」为必填项", "targetUnits is required");
		}
		if (codes.size() > MAX_TARGETS) {
			throw new TaskRuleViolation("目标单位不能超过" + MAX_TARGETS + "个", "at most " + MAX_TARGETS + " target units");
		}
		return codes;
	}

	private static List<String> places(Object value) {
		List<String> places = new ArrayList<>();
		if (FormList.isList(value)) {
			for (FormList.Row row : FormList.rows(value, PLACES_LABEL)) {
				if (!row.isBlank()) {
					places.add(row.text(PLACE_FIELD, "地点", PLACE_MAX));
				}
			}
		}
		else {
			String text = InspectionService.str(value);
			if (text != null) {
				for (String line : text.split("\\R|[、；;]")) {
					if (!line.isBlank()) {
						places.add(PlanInput.text(line, PLACE_MAX, PLACES_LABEL, "places"));
					}
				}
			}
		}
		if (places.isEmpty()) {
			throw new TaskRuleViolation("「检查地点」至少填写一处", "places: at least one place is required");
		}
		if (places.size() > MAX_PLACES) {
			throw new TaskRuleViolation("检查地点不能超过" + MAX_PLACES + "处", "at most " + MAX_PLACES + " places");
		}
		return List.copyOf(places);
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
			throw new TaskRuleViolation("「" + label + "」不是有效日期", name + " is not a date (yyyy-MM-dd)");
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
