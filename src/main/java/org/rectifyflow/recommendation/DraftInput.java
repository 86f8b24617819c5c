package org.rectifyflow.recommendation;

import java.util.Locale;

import org.rectifyflow.taskrules.TaskRuleViolation;

/** The draft as submitted by {@code Task_Draft}, parsed. */
record DraftInput(RecommendationLetter.Kind kind, String unitCode, String problems, String basisRefs,
		String requirements, int replyWorkingDays) {

	static DraftInput parse(String kind, String unitCode, String problems, String basisRefs, String requirements,
			Object replyWorkingDays, int defaultDays) {
		RecommendationLetter.Kind k;
		try {
			k = RecommendationLetter.Kind.valueOf((kind != null) ? kind.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw new TaskRuleViolation("请选择建议书种类：纪律检查建议书或监察建议书", "letterKind is missing or invalid");
		}
		String unit = required(unitCode, 32, "被建议单位", "unitCode");
		String p = required(problems, RecommendationService.TEXT, "存在的问题", "problems");
		String r = required(requirements, RecommendationService.TEXT, "整改要求", "requirements");
		String refs = (basisRefs == null || basisRefs.isBlank()) ? null
				: required(basisRefs, 1000, "所依据的问题线索和问题", "basisRefs");
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
		return new DraftInput(k, unit, p, refs, r, days);
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
