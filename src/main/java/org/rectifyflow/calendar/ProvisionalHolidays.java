package org.rectifyflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.JulianFields;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * Days off of a year for which no State Council notice is configured, derived from the
 * statutory rule in force since 2025 (13 days, no make-up working days): New Year's Day
 * (Jan 1), Spring Festival (4 days from lunar New Year's Eve), Qingming (the day of the
 * solar term), Labour Day (May 1-2), Dragon Boat Festival (lunar 5/5), Mid-Autumn
 * Festival (lunar 8/15) and National Day (Oct 1-3).
 * <p>
 * Lunar dates come from ICU4J's {@link ChineseCalendar}, the Qingming solar term from
 * ICU4J's {@link CalendarAstronomer} (an ICU-internal class, isolated here). ICU's
 * astronomy is accurate to a few minutes only: when a new moon or the solar term falls
 * within {@link #UNCERTAINTY} of midnight Beijing time, the civil date cannot be decided
 * reliably, so both candidate days are treated as off. A deadline counted one day too
 * long is harmless; one counted across an actual holiday is not.
 */
final class ProvisionalHolidays {

	/** ICU's new moon times differ from the observatories' by up to about ten minutes. */
	static final Duration UNCERTAINTY = Duration.ofMinutes(30);

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final double QINGMING_LONGITUDE = Math.toRadians(15);

	private ProvisionalHolidays() {
	}

	/**
	 * The provisional days off of the given Gregorian year.
	 */
	static Set<LocalDate> daysOff(int year) {
		Set<LocalDate> off = new TreeSet<>();
		off.add(LocalDate.of(year, 1, 1));
		addLunar(off, year, 1, 1, -1, 4);
		addEvent(off, qingming(year), 1);
		off.add(LocalDate.of(year, 5, 1));
		off.add(LocalDate.of(year, 5, 2));
		addLunar(off, year, 5, 5, 0, 1);
		addLunar(off, year, 8, 15, 0, 1);
		off.add(LocalDate.of(year, 10, 1));
		off.add(LocalDate.of(year, 10, 2));
		off.add(LocalDate.of(year, 10, 3));
		return off;
	}

	/**
	 * Adds {@code length} days starting {@code shift} days from the lunar date
	 * {@code month}/{@code day} of the Chinese year that begins in {@code year}.
	 */
	private static void addLunar(Set<LocalDate> off, int year, int month, int day, int shift, int length) {
		LocalDate monthStart = lunarMonthStart(year, month);
		addEvent(off, new Event(monthStart, newMoonOn(monthStart)), shift + day - 1, length);
	}

	private static void addEvent(Set<LocalDate> off, Event event, int length) {
		addEvent(off, event, 0, length);
	}

	private static void addEvent(Set<LocalDate> off, Event event, int shift, int length) {
		for (LocalDate candidate : event.candidateDates()) {
			LocalDate first = candidate.plusDays(shift);
			for (int i = 0; i < length; i++) {
				off.add(first.plusDays(i));
			}
		}
	}

	private static LocalDate lunarMonthStart(int year, int month) {
		ChineseCalendar chinese = new ChineseCalendar(TimeZone.GMT_ZONE);
		chinese.clear();
		// The Chinese year that contains July 1 began in the same Gregorian year.
		chinese.set(Calendar.JULIAN_DAY, (int) LocalDate.of(year, 7, 1).getLong(JulianFields.JULIAN_DAY));
		int era = chinese.get(Calendar.ERA);
		int chineseYear = chinese.get(Calendar.YEAR);
		chinese.clear();
		chinese.set(Calendar.ERA, era);
		chinese.set(Calendar.YEAR, chineseYear);
		chinese.set(Calendar.MONTH, month - 1);
		chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
		chinese.set(Calendar.DAY_OF_MONTH, 1);
		return LocalDate.MIN.with(JulianFields.JULIAN_DAY, chinese.get(Calendar.JULIAN_DAY));
	}

	private static Instant newMoonOn(LocalDate date) {
		CalendarAstronomer astronomer = new CalendarAstronomer(endOf(date).toEpochMilli());
		return Instant.ofEpochMilli(astronomer.getMoonTime(CalendarAstronomer.NEW_MOON, false));
	}

	private static Event qingming(int year) {
		CalendarAstronomer astronomer = new CalendarAstronomer(
				LocalDate.of(year, 3, 20).atStartOfDay(BEIJING).toInstant().toEpochMilli());
		Instant instant = Instant.ofEpochMilli(astronomer.getSunTime(QINGMING_LONGITUDE, true));
		return new Event(instant.atZone(BEIJING).toLocalDate(), instant);
	}

	private static Instant endOf(LocalDate date) {
		return date.plusDays(1).atStartOfDay(BEIJING).toInstant();
	}

	/**
	 * An astronomical event and the Beijing date ICU assigns to it.
	 */
	record Event(LocalDate date, Instant instant) {

		Set<LocalDate> candidateDates() {
			Set<LocalDate> dates = new TreeSet<>();
			dates.add(this.date);
			Instant start = this.date.atStartOfDay(BEIJING).toInstant();
			if (Duration.between(start, this.instant).compareTo(UNCERTAINTY) < 0) {
				dates.add(this.date.minusDays(1));
			}
			if (Duration.between(this.instant, endOf(this.date)).compareTo(UNCERTAINTY) < 0) {
				dates.add(this.date.plusDays(1));
			}
			return dates;
		}

	}

}
