package org.rectifyflow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar every deadline is counted in: weekends off, Chinese statutory
 * holidays off, make-up working days (weekend days that are working days) on.
 * <p>
 * Years configured under {@code rectify.calendar.years} follow the State Council's notice
 * exactly. Any other year gets a provisional calendar derived from the statutory rule
 * ({@link ProvisionalHolidays}) and a warning, once per year, in the log and in the
 * {@code calendar} health indicator.
 */
@Component
public class WorkingDayCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final ZoneId zone;

	private final LocalTime closeOfBusiness;

	private final ConfiguredHolidays configured;

	private final Map<Integer, Set<LocalDate>> provisional;

	/**
	 * Years kept in the running system (the database); they override the configuration.
	 */
	private volatile Map<Integer, YearDays> kept = Map.of();

	/**
	 * Create the calendar from its configuration, failing fast if the configuration is
	 * invalid.
	 * @param properties the bound {@code rectify.calendar} properties
	 * @throws IllegalStateException naming the offending entry of an invalid
	 * configuration
	 */
	@Autowired
	public WorkingDayCalendar(CalendarProperties properties) {
		this.zone = properties.zone();
		this.closeOfBusiness = properties.closeOfBusiness();
		this.configured = ConfiguredHolidays.from(properties.years());
		this.provisional = new ConcurrentHashMap<>();
	}

	private WorkingDayCalendar(WorkingDayCalendar original, Map<Integer, YearDays> kept) {
		this.zone = original.zone;
		this.closeOfBusiness = original.closeOfBusiness;
		this.configured = original.configured;
		this.provisional = original.provisional;
		this.kept = Map.copyOf(kept);
	}

	/**
	 * A copy of this calendar in which one year has the given days, e.g. to see which
	 * deadlines a change of the year would move before saving it.
	 * @param year the year's days
	 * @return the copy; this calendar is unchanged
	 */
	public WorkingDayCalendar with(YearDays year) {
		Map<Integer, YearDays> changed = new HashMap<>(this.kept);
		changed.put(year.year(), year);
		return new WorkingDayCalendar(this, changed);
	}

	/**
	 * Uses the years kept in the running system instead of their configuration.
	 * @param years the kept years
	 */
	void keep(Collection<YearDays> years) {
		Map<Integer, YearDays> byYear = new HashMap<>();
		years.forEach((year) -> byYear.put(year.year(), year));
		this.kept = Map.copyOf(byYear);
	}

	/**
	 * Whether a year's days are only computed from the statutory rule: neither kept nor
	 * configured from the State Council's notice.
	 * @param year the year
	 * @return {@code true} for a provisional year
	 */
	public boolean isProvisional(int year) {
		return !this.kept.containsKey(year) && !this.configured.isConfigured(year);
	}

	/**
	 * The days off and make-up working days of a year as this calendar uses them.
	 * @param year the year
	 * @return the days; for a provisional year the computed days off and no make-up day
	 */
	public YearDays yearDays(int year) {
		YearDays known = this.kept.get(year);
		if (known != null) {
			return known;
		}
		SortedSet<LocalDate> off = new TreeSet<>();
		SortedSet<LocalDate> work = new TreeSet<>();
		for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
			if (this.configured.isWork(day)) {
				work.add(day);
			}
			else if (this.configured.isConfigured(year) ? this.configured.isOff(day)
					: provisionalDaysOff(year).contains(day)) {
				off.add(day);
			}
		}
		return new YearDays(year, off, work);
	}

	/**
	 * Whether the given date is a working day.
	 * @param date the date
	 * @return {@code true} for a weekday that is not a holiday, or a make-up working day
	 */
	public boolean isWorkingDay(LocalDate date) {
		Objects.requireNonNull(date, "date must not be null");
		YearDays year = this.kept.get(date.getYear());
		if (year != null) {
			return year.work().contains(date) || (!year.off().contains(date) && !isWeekend(date));
		}
		if (this.configured.isWork(date)) {
			return true;
		}
		if (this.configured.isOff(date) || isWeekend(date)) {
			return false;
		}
		return this.configured.isConfigured(date.getYear()) || !provisionalDaysOff(date.getYear()).contains(date);
	}

	/**
	 * The {@code days}-th working day after {@code start}, not counting {@code start}
	 * itself. For {@code days == 0}: {@code start} if it is a working day, else the next
	 * working day.
	 * @param start the date to count from
	 * @param days the number of working days, not negative
	 * @return the resulting working day
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	public LocalDate plusWorkingDays(LocalDate start, int days) {
		Objects.requireNonNull(start, "start must not be null");
		requireNotNegative(days);
		LocalDate date = start;
		if (days == 0) {
			while (!isWorkingDay(date)) {
				date = date.plusDays(1);
			}
			return date;
		}
		int counted = 0;
		while (counted < days) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * The {@code days}-th working day before {@code date}, not counting {@code date}
	 * itself. For {@code days == 0}: {@code date} if it is a working day, else the
	 * previous working day.
	 * @param date the date to count back from
	 * @param days the number of working days, not negative
	 * @return the resulting working day
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	public LocalDate minusWorkingDays(LocalDate date, int days) {
		Objects.requireNonNull(date, "date must not be null");
		requireNotNegative(days);
		LocalDate result = date;
		if (days == 0) {
			while (!isWorkingDay(result)) {
				result = result.minusDays(1);
			}
			return result;
		}
		int counted = 0;
		while (counted < days) {
			result = result.minusDays(1);
			if (isWorkingDay(result)) {
				counted++;
			}
		}
		return result;
	}

	/**
	 * The close of business on the {@code workingDays}-th working day after the date of
	 * {@code from} in the configured zone.
	 * @param from the moment the period starts
	 * @param workingDays the number of working days, not negative
	 * @return the deadline in the configured zone
	 * @throws IllegalArgumentException if {@code workingDays} is negative
	 */
	public ZonedDateTime deadline(Instant from, int workingDays) {
		Objects.requireNonNull(from, "from must not be null");
		return closeOfBusiness(plusWorkingDays(from.atZone(this.zone).toLocalDate(), workingDays));
	}

	/**
	 * The close of business (configured time, default 18:00) on the given date in the
	 * configured zone.
	 * @param date the date
	 * @return the close of business of that date
	 */
	public ZonedDateTime closeOfBusiness(LocalDate date) {
		Objects.requireNonNull(date, "date must not be null");
		return ZonedDateTime.of(date, this.closeOfBusiness, this.zone);
	}

	/**
	 * The number of working days in {@code (from, to]}, e.g. how many working days a
	 * deadline on {@code from} is overdue on {@code to}.
	 * @param from the exclusive start
	 * @param to the inclusive end
	 * @return the number of working days, {@code 0} if {@code to} is not after
	 * {@code from}
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from must not be null");
		Objects.requireNonNull(to, "to must not be null");
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The zone in which dates and deadlines are interpreted.
	 * @return the configured zone, by default Asia/Shanghai
	 */
	public ZoneId zone() {
		return this.zone;
	}

	public SortedSet<Integer> configuredYears() {
		return this.configured.years();
	}

	public SortedSet<Integer> provisionalYears() {
		return new TreeSet<>(this.provisional.keySet());
	}

	public boolean isConfigured(int year) {
		return this.configured.isConfigured(year);
	}

	/**
	 * The provisional days off of a year without configured data, computed and logged
	 * once per year.
	 */
	public Set<LocalDate> provisionalDaysOff(int year) {
		return this.provisional.computeIfAbsent(year, (y) -> {
			Set<LocalDate> off = ProvisionalHolidays.daysOff(y);
			log.warn(
					"No statutory holiday notice configured for {}: using a provisional calendar computed from the "
							+ "statutory rule, without make-up working days ({} days off besides weekends). "
							+ "Add rectify.calendar.years.{} once the State Council notice is published.",
					y, off.size(), y);
			return Set.copyOf(off);
		});
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static void requireNotNegative(int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative, but was " + days);
		}
	}

}
