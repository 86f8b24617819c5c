package org.rectifyflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The days off and make-up working days configured by operators, parsed and validated.
 */
final class ConfiguredHolidays {

	private static final String PREFIX = "rectify.calendar.years";

	private final SortedSet<Integer> years;

	private final Set<LocalDate> off;

	private final Set<LocalDate> work;

	private ConfiguredHolidays(SortedSet<Integer> years, Set<LocalDate> off, Set<LocalDate> work) {
		this.years = Collections.unmodifiableSortedSet(years);
		this.off = Set.copyOf(off);
		this.work = Set.copyOf(work);
	}

	/**
	 * Parse and validate the configured years.
	 * @throws IllegalStateException naming the offending entry if the configuration is
	 * invalid
	 */
	static ConfiguredHolidays from(Map<Integer, CalendarProperties.Year> configured) {
		SortedSet<Integer> years = new TreeSet<>();
		Set<LocalDate> off = new HashSet<>();
		Set<LocalDate> work = new HashSet<>();
		configured.forEach((year, data) -> {
			years.add(year);
			List<String> offEntries = data.off();
			if (offEntries.isEmpty()) {
				throw new IllegalStateException("Invalid working-day calendar configuration " + PREFIX + "." + year
						+ ": no days off listed (in YAML, quote the key \"off\", which YAML otherwise reads as false)");
			}
			for (int i = 0; i < offEntries.size(); i++) {
				off.addAll(parseOff(PREFIX + "." + year + ".off[" + i + "]", offEntries.get(i)));
			}
			List<String> workEntries = data.work();
			for (int i = 0; i < workEntries.size(); i++) {
				String name = PREFIX + "." + year + ".work[" + i + "]";
				LocalDate date = parseDate(name, workEntries.get(i));
				if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
					throw invalid(name, workEntries.get(i), "a make-up working day must be a Saturday or Sunday, but "
							+ date + " is a " + date.getDayOfWeek());
				}
				work.add(date);
			}
		});
		Set<LocalDate> both = new TreeSet<>(off);
		both.retainAll(work);
		if (!both.isEmpty()) {
			throw new IllegalStateException("Invalid working-day calendar configuration under " + PREFIX + ": " + both
					+ " listed both as off and as work");
		}
		return new ConfiguredHolidays(years, off, work);
	}

	private static Set<LocalDate> parseOff(String name, String entry) {
		if (entry == null || entry.isBlank()) {
			throw invalid(name, entry, "empty entry");
		}
		int slash = entry.indexOf('/');
		if (slash < 0) {
			return Set.of(parseDate(name, entry));
		}
		LocalDate first = parseDate(name, entry.substring(0, slash));
		LocalDate last = parseDate(name, entry.substring(slash + 1));
		if (last.isBefore(first)) {
			throw invalid(name, entry, "range end " + last + " is before its start " + first);
		}
		Set<LocalDate> dates = new HashSet<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			dates.add(d);
		}
		return dates;
	}

	private static LocalDate parseDate(String name, String text) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw invalid(name, text, "not a date in the form yyyy-MM-dd or yyyy-MM-dd/yyyy-MM-dd");
		}
	}

	private static IllegalStateException invalid(String name, String value, String reason) {
		return new IllegalStateException(
				"Invalid working-day calendar configuration " + name + " = '" + value + "': " + reason);
	}

	SortedSet<Integer> years() {
		return this.years;
	}

	boolean isConfigured(int year) {
		return this.years.contains(year);
	}

	boolean isOff(LocalDate date) {
		return this.off.contains(date);
	}

	boolean isWork(LocalDate date) {
		return this.work.contains(date);
	}

}
