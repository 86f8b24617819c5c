package org.rectifyflow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Provisional working-day calendar with the public API of the configured calendar that
 * replaces it: weekends off, plus the 2026 statutory holidays and make-up working days
 * around the Mid-Autumn Festival and National Day.
 */
@Component
public class WorkingDayCalendar {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(18, 0);

	private static final Set<LocalDate> OFF = Set.of(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 26),
			LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3),
			LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));

	private static final Set<LocalDate> WORK = Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

	public boolean isWorkingDay(LocalDate date) {
		if (WORK.contains(date)) {
			return true;
		}
		if (OFF.contains(date)) {
			return false;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	public LocalDate plusWorkingDays(LocalDate start, int days) {
		LocalDate date = start;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				left--;
			}
		}
		return date;
	}

	public LocalDate minusWorkingDays(LocalDate date, int days) {
		LocalDate result = date;
		int left = days;
		while (left > 0) {
			result = result.minusDays(1);
			if (isWorkingDay(result)) {
				left--;
			}
		}
		return result;
	}

	public ZonedDateTime deadline(Instant from, int workingDays) {
		return closeOfBusiness(plusWorkingDays(from.atZone(ZONE).toLocalDate(), workingDays));
	}

	public ZonedDateTime closeOfBusiness(LocalDate date) {
		return date.atTime(CLOSE_OF_BUSINESS).atZone(ZONE);
	}

	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	public ZoneId zone() {
		return ZONE;
	}

}
