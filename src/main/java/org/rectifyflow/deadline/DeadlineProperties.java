package org.rectifyflow.deadline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults for arming a deadline ({@code rectify.deadline.*}).
 */
@ConfigurationProperties("rectify.deadline")
public class DeadlineProperties {

	/**
	 * Working days allowed when a process sets neither deadlineAt nor
	 * deadlineWorkingDays.
	 */
	private int defaultWorkingDays = 10;

	/** Per process definition key: overrides {@link #defaultWorkingDays}. */
	private Map<String, Integer> workingDays = new LinkedHashMap<>();

	/** How many working days before the deadline the reminder fires. */
	private int reminderWorkingDays = 1;

	public int getDefaultWorkingDays() {
		return this.defaultWorkingDays;
	}

	public void setDefaultWorkingDays(int defaultWorkingDays) {
		this.defaultWorkingDays = defaultWorkingDays;
	}

	public Map<String, Integer> getWorkingDays() {
		return this.workingDays;
	}

	public void setWorkingDays(Map<String, Integer> workingDays) {
		this.workingDays = workingDays;
	}

	public int getReminderWorkingDays() {
		return this.reminderWorkingDays;
	}

	public void setReminderWorkingDays(int reminderWorkingDays) {
		this.reminderWorkingDays = reminderWorkingDays;
	}

	int workingDaysFor(String processDefinitionKey) {
		return this.workingDays.getOrDefault(processDefinitionKey, this.defaultWorkingDays);
	}

}
