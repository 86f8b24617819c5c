package org.rectifyflow.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the working-day calendar, bound from {@code rectify.calendar}.
 * Operators add a year under {@code years} when the State Council publishes its notice.
 *
 * @param zone the zone in which dates and close of business are interpreted
 * @param closeOfBusiness the time of day at which a deadline falls
 * @param years holiday data per year
 */
@ConfigurationProperties("rectify.calendar")
public record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("18:00") LocalTime closeOfBusiness, Map<Integer, Year> years) {

	public CalendarProperties {
		zone = (zone != null) ? zone : ZoneId.of("Asia/Shanghai");
		closeOfBusiness = (closeOfBusiness != null) ? closeOfBusiness : LocalTime.of(18, 0);
		years = (years != null) ? Map.copyOf(years) : Map.of();
	}

	/**
	 * Holiday data of one year, as published in the State Council's notice.
	 *
	 * @param off days off: single dates ({@code 2025-01-01}) or inclusive ranges
	 * ({@code 2025-01-28/2025-02-04})
	 * @param work weekend days that are working days (make-up days)
	 */
	public record Year(List<String> off, List<String> work) {

		public Year {
			off = (off != null) ? List.copyOf(off) : List.of();
			work = (work != null) ? List.copyOf(work) : List.of();
		}

	}

}
