package org.rectifyflow.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Reads the date values tasks receive: {@link Date} from the engine API, ISO text from
 * Camunda Forms (date fields submit {@code 2025-03-31}, date-time fields
 * {@code 2025-03-31T10:00}), and {@code java.time} values; and writes every date a form
 * or a message shows, in Beijing time and Chinese form ({@code 2027年1月15日 18:00}).
 */
public final class Dates {

	/** The zone every date is shown in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private Dates() {
	}

	/**
	 * A date or a point in time as a person reads it: {@code 2027年1月15日} for a date,
	 * {@code 2027年1月15日 18:00} (Beijing time) for a point in time.
	 * @param value a {@link Date}, a {@code java.time} value or ISO text
	 * @return the Chinese text, or {@code null} if the value is {@code null} or no date
	 */
	public static String chinese(Object value) {
		if (value == null) {
			return null;
		}
		try {
			Object date = (value instanceof String text) ? parse(text.trim()) : value;
			if (date instanceof LocalDate day) {
				return DAY.format(day);
			}
			if (date instanceof LocalDateTime local) {
				return DAY_TIME.format(local);
			}
			return DAY_TIME.format(toInstant(date, ZONE).atZone(ZONE));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether the value lies before today (date values) or before the current minute
	 * (date-time values), by the engine clock.
	 * @param value the variable value, not {@code null}
	 * @return {@code true} if the value lies in the past
	 * @throws IllegalArgumentException if the value is not a date
	 */
	public static boolean isPast(Object value) {
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
			if (text.matches(".*T.*[+-]\\d{4}$")) {
				// the engine's serialized form, 2027-01-15T10:00:00.000+0000
				text = text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
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
