package org.rectifyflow.clue.internal;

/**
 * The handling opinion (处理意见) proposed at the end of an investigation.
 */
public enum HandlingOutcome {

	CRITICISM("批评教育"), SELF_EXAMINATION("责令检查"), ADMONITION("诫勉"), ORGANISATIONAL("组织处理"), REFER_CASE("移送立案审查"),
	CLEAR_NAME("澄清正名"), NO_ACTION("不予处理");

	private final String label;

	HandlingOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
