package org.rectifyflow.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of mail delivery, {@code rectify.mail.*}. The bean is named so that the BPMN
 * can read the retry cycle: {@code ${mailDeliverySettings.retryCycle}}.
 */
@Component("mailDeliverySettings")
@ConfigurationProperties("rectify.mail")
public class MailDeliverySettings {

	private String retryCycle = "R3/PT5M";

	private String from = "rectify-flow@localhost";

	private String subjectPrefix = "【整治工作】";

	private String baseUrl = "";

	/**
	 * @return the retry cycle of a failed delivery job (ISO 8601 repeating interval, e.g.
	 * {@code R3/PT5M}: three attempts five minutes apart, then an incident)
	 */
	public String getRetryCycle() {
		return this.retryCycle;
	}

	public void setRetryCycle(String retryCycle) {
		this.retryCycle = retryCycle;
	}

	/**
	 * @return the sender address of every mail
	 */
	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	/**
	 * @return the text put in front of the subject of notification mails
	 */
	public String getSubjectPrefix() {
		return this.subjectPrefix;
	}

	public void setSubjectPrefix(String subjectPrefix) {
		this.subjectPrefix = subjectPrefix;
	}

	/**
	 * @return the external base URL put in front of relative links in mails (empty: links
	 * stay relative)
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

}
