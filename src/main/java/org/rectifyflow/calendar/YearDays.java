package org.rectifyflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.rectifyflow.kernel.Dates;
import org.rectifyflow.kernel.Refusal;

/**
 * The days off and the make-up working days of one year, as the State Council's notice
 * gives them. A valid value: every date lies within the year, every make-up day is a
 * Saturday or Sunday, no date is both.
 *
 * @param year the year
 * @param off the statutory days off (weekend days among them are allowed)
 * @param work the make-up working days
 */
public record YearDays(int year, SortedSet<LocalDate> off, SortedSet<LocalDate> work) {

	/** The first and last year the calendar accepts. */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	public YearDays {
		off = Collections.unmodifiableSortedSet(new TreeSet<>(off));
		work = Collections.unmodifiableSortedSet(new TreeSet<>(work));
	}

	/**
	 * Checks and builds a year's days.
	 * @param year the year
	 * @param off the days off
	 * @param work the make-up working days
	 * @return the days
	 * @throws Refusal (invalid) naming the first offending date, in Chinese and English
	 */
	public static YearDays of(int year, Collection<LocalDate> off, Collection<LocalDate> work) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw Refusal.invalid("年份须在" + FIRST_YEAR + "至" + LAST_YEAR + "之间",
					"the year must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
		}
		if (off == null || off.isEmpty()) {
			throw Refusal.invalid(year + "年未列出任何节假日", "no days off listed for " + year);
		}
		for (LocalDate day : off) {
			requireInYear(year, day, "节假日", "day off");
		}
		for (LocalDate day : (work != null) ? work : List.<LocalDate>of()) {
			requireInYear(year, day, "调休上班日", "make-up working day");
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				throw Refusal.invalid("调休上班日须为周六或周日，" + Dates.chinese(day) + "是工作日",
						"a make-up working day must be a Saturday or Sunday, but " + day + " is a "
								+ day.getDayOfWeek());
			}
			if (off.contains(day)) {
				throw Refusal.invalid(Dates.chinese(day) + "不能既是节假日又是调休上班日",
						day + " is listed both as a day off and as a make-up working day");
			}
		}
		return new YearDays(year, new TreeSet<>(off), (work != null) ? new TreeSet<>(work) : new TreeSet<>());
	}

	private static void requireInYear(int year, LocalDate day, String whatZh, String whatEn) {
		if (day == null) {
			throw Refusal.invalid(whatZh + "不能为空", "a " + whatEn + " is empty");
		}
		if (day.getYear() != year) {
			throw Refusal.invalid(whatZh + Dates.chinese(day) + "不在" + year + "年内",
					"the " + whatEn + " " + day + " does not lie in " + year);
		}
	}

}
