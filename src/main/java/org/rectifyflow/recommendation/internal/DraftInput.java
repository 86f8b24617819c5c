package org.rectifyflow.recommendation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.rectifyflow.recommendation.LetterBasisItem;
import org.rectifyflow.recommendation.RecommendationLetter;
import org.rectifyflow.taskrules.FormList;
import org.rectifyflow.taskrules.TaskRuleViolation;

/**
 * The draft as submitted by {@code Task_Draft}, parsed. The form submits the problems and
 * the requirements as lists of rows (field {@value #ITEM}) and the basis as a taglist of
 * campaign problems; an integration may still send the problems and requirements as text,
 * one a line, and the basis as text.
 */
record DraftInput(RecommendationLetter.Kind kind, String unitCode, List<String> problems, List<LetterBasisItem> basis,
		List<String> requirements, int replyWorkingDays) {

	/** The field of a problem's or a requirement's row. */
	static final String ITEM = "item";

	static final int ITEM_MAX = 1000;

	static final int MAX_ITEMS = 20;

	static final int BASIS_TEXT_MAX = 1000;

	/**
	 * @param basisOptions the labels of the problems the basis may name, by problem id
	 */
	static DraftInput parse(String kind, String unitCode, Object problems, Object basis, Object requirements,
			Object replyWorkingDays, int defaultDays, Map<String, String> basisOptions) {
		RecommendationLetter.Kind k;
		try {
			k = RecommendationLetter.Kind.valueOf((kind != null) ? kind.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择建议书种类：纪律检查建议书或监察建议书", "letterKind is missing or invalid");
		}
		String unit = required(unitCode, 32, "被建议单位", "unitCode");
		List<String> p = items(problems, LetterDocument.NUMBERED_ITEM, "存在的问题", "problems");
		List<String> r = items(requirements, LetterDocument.ITEM, "整改要求", "requirements");
		List<LetterBasisItem> b = new ArrayList<>();
		if (FormList.isList(basis)) {
			for (String id : FormList.choices(basis, "所依据的问题", basisOptions.keySet())) {
				b.add(new LetterBasisItem(Long.valueOf(id), basisOptions.get(id)));
			}
		}
		else if (basis != null && !basis.toString().isBlank()) {
			b.add(new LetterBasisItem(null, required(basis.toString(), 200, "所依据的问题", "basisRefs")));
		}
		int basisLength = String.join("；", b.stream().map(LetterBasisItem::label).toList()).length();
		if (basisLength > BASIS_TEXT_MAX) {
			throw new TaskRuleViolation("「所依据的问题」选得过多，合计不能超过" + BASIS_TEXT_MAX + "个字",
					"basisRefs: the labels may not exceed " + BASIS_TEXT_MAX + " characters together");
		}
		int days = defaultDays;
		if (replyWorkingDays != null && !replyWorkingDays.toString().isBlank()) {
			try {
				double d = Double.parseDouble(replyWorkingDays.toString().strip());
				if (d != Math.rint(d)) {
					throw new NumberFormatException();
				}
				days = (int) d;
			}
			catch (NumberFormatException ex) {
				throw new TaskRuleViolation("「回复期限（工作日）」须为整数", "replyWorkingDays must be a whole number");
			}
		}
		if (days < 1 || days > RecommendationService.MAX_WORKING_DAYS) {
			throw new TaskRuleViolation("回复期限须在1到" + RecommendationService.MAX_WORKING_DAYS + "个工作日之间",
					"replyWorkingDays must be between 1 and " + RecommendationService.MAX_WORKING_DAYS);
		}
		return new DraftInput(k, unit, p, b, r, days);
	}

	/**
	 * The items of a list, row by row (blank rows left out), or the parts of a text as
	 * the letter has always split them ({@code separator}).
	 */
	private static List<String> items(Object value, Pattern separator, String label, String name) {
		List<String> items = new ArrayList<>();
		if (FormList.isList(value)) {
			for (FormList.Row row : FormList.rows(value, label)) {
				if (!row.isBlank()) {
					items.add(row.text(ITEM, label, ITEM_MAX));
				}
			}
		}
		else if (value != null) {
			for (String line : separator.split(value.toString())) {
				if (!line.isBlank()) {
					items.add(required(line, ITEM_MAX, label, name));
				}
			}
		}
		if (items.isEmpty()) {
			throw new TaskRuleViolation("「" + label + "」至少填写一条", name + " needs at least one item");
		}
		if (items.size() > MAX_ITEMS) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + MAX_ITEMS + "条",
					name + " may not hold more than " + MAX_ITEMS + " items");
		}
		if (String.join("\n", items).length() > RecommendationService.TEXT) {
			throw new TaskRuleViolation("「" + label + "」合计不能超过" + RecommendationService.TEXT + "个字",
					name + " may not exceed " + RecommendationService.TEXT + " characters together");
		}
		return List.copyOf(items);
	}

	private static String required(String value, int max, String label, String name) {
		if (value == null || value.isBlank()) {
			throw new TaskRuleViolation("「" + label + "」为必填项", name + " is required");
		}
		String v = value.strip();
		if (v.codePointCount(0, v.length()) > max) {
			throw new TaskRuleViolation("「" + label + "」不能超过" + max + "个字",
					name + " is longer than " + max + " characters");
		}
		return v;
	}

}
