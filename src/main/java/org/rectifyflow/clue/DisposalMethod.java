package org.rectifyflow.clue;

/**
 * The four ways of disposing of a clue (处置方式).
 */
public enum DisposalMethod {

	TALK_INQUIRY("谈话函询", false), PRELIMINARY_VERIFICATION("初步核实", false), SHELVE("暂存待查", true), CLOSE("予以了结", true);

	private final String label;

	private final boolean approvalRequired;

	DisposalMethod(String label, boolean approvalRequired) {
		this.label = label;
		this.approvalRequired = approvalRequired;
	}

	public String label() {
		return this.label;
	}

	/**
	 * @return whether the discipline lead must approve this disposal
	 */
	public boolean approvalRequired() {
		return this.approvalRequired;
	}

	/**
	 * @return whether the disposal leads to an investigation
	 */
	public boolean investigates() {
		return !this.approvalRequired;
	}

}
