package org.rectifyflow.export;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections of the 整治工作情况报告, in the order of the seed reports. Each has generated
 * figures and a narrative paragraph the campaign office may edit.
 */
enum ReportSection {

	WORK("work", "一、工作开展情况"), PROBLEMS("problems", "二、查找的问题"), MEASURES("measures", "三、整改措施"),
	METHODS("methods", "四、方法措施"), RESULTS("results", "五、取得成效"), NEXT_STEPS("nextSteps", "六、下一步工作打算");

	private final String key;

	private final String heading;

	ReportSection(String key, String heading) {
		this.key = key;
		this.heading = heading;
	}

	String key() {
		return this.key;
	}

	String heading() {
		return this.heading;
	}

	static Optional<ReportSection> byKey(String key) {
		return Arrays.stream(values()).filter((s) -> s.key.equals(key)).findFirst();
	}

}
