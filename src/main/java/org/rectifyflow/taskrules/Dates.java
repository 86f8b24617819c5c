package org.rectifyflow.taskrules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Reads the date values tasks receive: {@link Date} from the engine API, ISO text from
 * Camunda Forms (date fields submit {@code 2025-03-31}, date-time fields
 * {@code 2025-03-31T10:00}), and {@code java.time} values.
 */
final class Dates {

	private Dates() {
	}

	/**
	 * Whether the value lies before today (date values) or before the current minute
	 * (date-time values), by the engine clock.
	 * @param value the variable value, not {@code null}
	 * @return {@code true} if the value lies in the past
	 * @throws IllegalArgumentException if the value is not a date
	 */
	static boolean isPast(Object value) {
		ZoneId zone = ZoneId.systemDefault();
		Instant now = ClockUtil.getCurrentTime().toInstant();
		if (value instanceof String text) {
			value = parse(text.trim());
		}
		if (value instanceof LocalDate date) {
			return date.isBefore(LocalDate.ofInstant(now, zone));
		}
		Instant instant = toInstant(value, zone);
		return instant.isBefore(now.truncatedTo(ChronoUnit.MINUTES));
	}

	private static Instant toInstant(Object value, ZoneId zone) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.atZone(zone).toInstant();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toInstant();
		}
		throw new IllegalArgumentException("not a date: " + value);
	}

	private static Object parse(String text) {
		try {
			if (text.length() <= 10) {
				return LocalDate.parse(text);
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
				return OffsetDateTime.parse(text);
			}
			return LocalDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a date: " + text, ex);
		}
	}

}
