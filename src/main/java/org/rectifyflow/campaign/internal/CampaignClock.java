package org.rectifyflow.campaign.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectifyflow.calendar.WorkingDayCalendar;

import org.springframework.stereotype.Component;

/**
 * The campaign's notion of now: the engine clock (so process tests can move it) in the
 * organisation's time zone.
 */
@Component
public class CampaignClock {

	private final WorkingDayCalendar calendar;

	CampaignClock(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	public ZoneId zone() {
		return this.calendar.zone();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
	}

	public OffsetDateTime now() {
		return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone());
	}

}
