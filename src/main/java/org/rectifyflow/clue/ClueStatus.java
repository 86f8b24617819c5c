package org.rectifyflow.clue;

/**
 * Life cycle of a clue. {@link #isOpen()} tells whether its process must be running.
 */
public enum ClueStatus {

	/** Received, waiting for the registration check (受理登记). */
	RECEIVED("已收到，待受理登记", true),
	/** Accepted and triaged, waiting for or in the disposal decision. */
	ACCEPTED("已受理，正在研判处置", true),
	/** Shelved pending (暂存待查) until the re-review. */
	SHELVED("暂存待查", true),
	/** Under investigation (talk inquiry or preliminary verification). */
	INVESTIGATING("正在核查办理", true),
	/** Closed with feedback. */
	CLOSED("已办结", false),
	/** A duplicate of another clue, handled there. */
	DUPLICATE("已并入其他线索办理", false),
	/** Outside the jurisdiction, transferred to the competent body. */
	TRANSFERRED("已移交有管辖权的机关办理", false),
	/** Declined with a reason. */
	DECLINED("不予受理", false);

	private final String label;

	private final boolean open;

	ClueStatus(String label, boolean open) {
		this.label = label;
		this.open = open;
	}

	public String label() {
		return this.label;
	}

	public boolean isOpen() {
		return this.open;
	}

}
