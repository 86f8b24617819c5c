package org.rectifyflow.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import org.rectifyflow.calendar.WorkingDayCalendar;

/**
 * Health contributor {@code calendar}: always UP, but names the years that run on a
 * provisional calendar, so operators notice a missing State Council notice (typically for
 * next year) before deadlines are counted against it.
 */
@Component("calendarHealthIndicator")
public class CalendarHealthIndicator implements HealthIndicator {

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	@Autowired
	public CalendarHealthIndicator(WorkingDayCalendar calendar, ObjectProvider<Clock> clock) {
		this(calendar, clock.getIfAvailable(() -> Clock.system(calendar.zone())));
	}

	public CalendarHealthIndicator(WorkingDayCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public Health health() {
		int year = LocalDate.now(this.clock.withZone(this.calendar.zone())).getYear();
		for (int y = year; y <= year + 1; y++) {
			if (!this.calendar.isConfigured(y)) {
				this.calendar.provisionalDaysOff(y);
			}
		}
		SortedSet<Integer> provisional = this.calendar.provisionalYears();
		Health.Builder health = Health.up()
			.withDetail("zone", this.calendar.zone().getId())
			.withDetail("configuredYears", this.calendar.configuredYears())
			.withDetail("provisionalYears", provisional);
		if (!provisional.isEmpty()) {
			String years = provisional.stream().map(String::valueOf).collect(Collectors.joining(", "));
			health.withDetail("warning", "No State Council holiday notice configured for " + years
					+ ": working days there are computed provisionally from the statutory rule, without make-up days; "
					+ "add them under rectify.calendar.years. " + years
					+ " 年尚未配置国务院节假日安排通知，工作日暂按法定节假日规则推算（不含调休），请在通知发布后补充配置 rectify.calendar.years。");
		}
		return health.build();
	}

}
