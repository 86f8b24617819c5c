package org.rectifyflow.campaign;

/**
 * The phases of a campaign, in order. 分析研判 runs alongside 问题整改 and is not a phase of its
 * own.
 */
public enum Phase {

	/** 动员部署: study session, plan, approval, publication. */
	MOBILIZE("动员部署"),

	/** 查找问题: self-inspection, cross-inspection, comprehensive review. */
	INSPECT("查找问题"),

	/** 问题整改 (with 分析研判 alongside): the ledger is worked off. */
	RECTIFY("问题整改"),

	/** 建章立制: regulations and the summary. */
	INSTITUTIONALIZE("建章立制"),

	/** The campaign has ended. */
	COMPLETED("已结束");

	private final String label;

	Phase(String label) {
		this.label = label;
	}

	/**
	 * @return the Chinese name of the phase
	 */
	public String label() {
		return this.label;
	}

}
