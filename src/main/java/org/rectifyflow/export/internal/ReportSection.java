package org.rectifyflow.export.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections of the 整治工作情况报告, in the order of the seed reports. Each has content
 * generated from the campaign's data and a narrative the campaign office may add. A
 * section with neither is left out and the following sections are numbered on.
 */
enum ReportSection {

	WORK("work", "工作开展情况"), PROBLEMS("problems", "存在的问题"), MEASURES("measures", "整改措施"), ANALYSIS("analysis", "分析研判"),
	REGULATIONS("regulations", "建章立制"), BURDEN("burden", "为基层减负"), NEXT_STEPS("nextSteps", "下一步工作打算");

	private final String key;

	private final String title;

	ReportSection(String key, String title) {
		this.key = key;
		this.title = title;
	}

	String key() {
		return this.key;
	}

	/**
	 * @return the heading without its number, e.g. 工作开展情况
	 */
	String title() {
		return this.title;
	}

	static Optional<ReportSection> byKey(String key) {
		return Arrays.stream(values()).filter((s) -> s.key.equals(key)).findFirst();
	}

	static String keys() {
		return String.join(", ", Arrays.stream(values()).map(ReportSection::key).toList());
	}

}
