package org.rectifyflow.clue;

/**
 * Reporting channel (举报渠道) through which a clue came in.
 */
public enum Channel {

	WEBSITE("网站举报专区"), PHONE("举报电话"), MAILBOX("举报信箱"), APP("手机APP"), WECHAT("微信公众号"), HOTLINE_12345("12345热线"),
	PETITION("信访"), INSPECTION("明察暗访"), TRANSFER("上级或其他机关转办");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
