package org.rectifyflow.task;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.calendar.WorkingDayCalendar;

import org.springframework.stereotype.Component;

/**
 * Due-date limits for Tasklist filter expressions
 * ({@code ${taskDueDates.dueSoonLimit()}}), in working days, so that "due soon" skips
 * weekends and holidays.
 */
@Component("taskDueDates")
public class TaskDueDates {

	static final int DUE_SOON_WORKING_DAYS = 2;

	private final WorkingDayCalendar calendar;

	TaskDueDates(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * @return the close of business of the second working day after today (engine clock)
	 */
	public Date dueSoonLimit() {
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(this.calendar.zone()).toLocalDate();
		return Date.from(
				this.calendar.closeOfBusiness(this.calendar.plusWorkingDays(today, DUE_SOON_WORKING_DAYS)).toInstant());
	}

}
