package org.rectifyflow.deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Escalation chains and intervals ({@code rectify.escalation.*}). A chain level is a
 * Camunda group id, or {@code external:<name>} for a recipient outside the organisation
 * configured under {@code rectify.escalation.external.<name>}.
 */
@ConfigurationProperties("rectify.escalation")
public class EscalationProperties {

	/** Prefix of a chain level that is mailed rather than given a 督办 task. */
	public static final String EXTERNAL_PREFIX = "external:";

	/** Chain for a process that has none of its own. */
	private List<String> defaultChain = new ArrayList<>(List.of("supervisors", "discipline-lead", "party-group"));

	/** Per process definition key: the ordered escalation levels. */
	private Map<String, List<String>> chains = new LinkedHashMap<>();

	/** Working days between one level and the next. */
	private int intervalWorkingDays = 3;

	/** Per process definition key: overrides {@link #intervalWorkingDays}. */
	private Map<String, Integer> intervals = new LinkedHashMap<>();

	/** External recipients by name. */
	private Map<String, External> external = new LinkedHashMap<>();

	public List<String> getDefaultChain() {
		return this.defaultChain;
	}

	public void setDefaultChain(List<String> defaultChain) {
		this.defaultChain = defaultChain;
	}

	public Map<String, List<String>> getChains() {
		return this.chains;
	}

	public void setChains(Map<String, List<String>> chains) {
		this.chains = chains;
	}

	public int getIntervalWorkingDays() {
		return this.intervalWorkingDays;
	}

	public void setIntervalWorkingDays(int intervalWorkingDays) {
		this.intervalWorkingDays = intervalWorkingDays;
	}

	public Map<String, Integer> getIntervals() {
		return this.intervals;
	}

	public void setIntervals(Map<String, Integer> intervals) {
		this.intervals = intervals;
	}

	public Map<String, External> getExternal() {
		return this.external;
	}

	public void setExternal(Map<String, External> external) {
		this.external = external;
	}

	/**
	 * The chain of a process: its own, else the default.
	 * @param processDefinitionKey the process definition key
	 * @return the non-empty ordered levels
	 */
	public List<String> chainFor(String processDefinitionKey) {
		List<String> chain = this.chains.getOrDefault(processDefinitionKey, this.defaultChain);
		if (chain == null || chain.isEmpty()) {
			throw new IllegalStateException("No escalation chain for process " + processDefinitionKey);
		}
		return chain;
	}

	/**
	 * The chain entry for a level; levels beyond the chain repeat its last entry.
	 * @param processDefinitionKey the process definition key
	 * @param level the level, 1 for the first
	 * @return the chain entry
	 */
	String levelFor(String processDefinitionKey, int level) {
		List<String> chain = chainFor(processDefinitionKey);
		return chain.get(Math.min(Math.max(level, 1), chain.size()) - 1).trim();
	}

	int intervalFor(String processDefinitionKey) {
		return this.intervals.getOrDefault(processDefinitionKey, this.intervalWorkingDays);
	}

	External externalRecipient(String name) {
		External recipient = this.external.get(name);
		if (recipient == null || recipient.getAddress() == null || recipient.getAddress().isBlank()) {
			throw new IllegalStateException("No address configured for rectify.escalation.external." + name);
		}
		return recipient;
	}

	/**
	 * A recipient outside the organisation, e.g. the higher-level commission.
	 */
	public static class External {

		/** Mail address. */
		private String address;

		/** Chinese display name, e.g. 上级纪委. */
		private String name;

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
