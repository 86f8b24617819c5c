package org.rectifyflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Working-day arithmetic across the configured 2025 and 2026 holidays.
 */
class WorkingDayCalendarTest {

	static final Map<Integer, CalendarProperties.Year> NOTICES = Map.of(2025,
			new CalendarProperties.Year(
					List.of("2025-01-01", "2025-01-28/2025-02-04", "2025-04-04/2025-04-06", "2025-05-01/2025-05-05",
							"2025-05-31/2025-06-02", "2025-10-01/2025-10-08"),
					List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11")),
			2026,
			new CalendarProperties.Year(
					List.of("2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06",
							"2026-05-01/2026-05-05", "2026-06-19/2026-06-21", "2026-09-25/2026-09-27",
							"2026-10-01/2026-10-07"),
					List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")));

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(new CalendarProperties(null, null, NOTICES));

	@Test
	void shouldSkipSpringFestival2025() {
		// Mon 2025-01-27 is the last working day before the break (2025-01-28 ..
		// 2025-02-04)
		assertThat(this.calendar.plusWorkingDays(date("2025-01-27"), 1)).isEqualTo(date("2025-02-05"));
		assertThat(this.calendar.plusWorkingDays(date("2025-01-27"), 3)).isEqualTo(date("2025-02-07"));
		assertThat(this.calendar.isWorkingDay(date("2025-01-28"))).isFalse();
		assertThat(this.calendar.isWorkingDay(date("2025-02-04"))).isFalse();
	}

	@Test
	void shouldCountMakeUpSaturdayAfterSpringFestival2025() {
		assertThat(this.calendar.isWorkingDay(date("2025-02-08"))).isTrue();
		assertThat(this.calendar.plusWorkingDays(date("2025-02-07"), 1)).isEqualTo(date("2025-02-08"));
		assertThat(this.calendar.plusWorkingDays(date("2025-02-07"), 2)).isEqualTo(date("2025-02-10"));
	}

	@Test
	void shouldCountMakeUpSundayBeforeSpringFestival2025() {
		assertThat(this.calendar.plusWorkingDays(date("2025-01-24"), 1)).isEqualTo(date("2025-01-26"));
		assertThat(this.calendar.isWorkingDay(date("2025-01-25"))).isFalse();
	}

	@Test
	void shouldSkipSpringFestival2026() {
		// Sat 2026-02-14 is a make-up day, then 2026-02-15 .. 2026-02-23 off
		assertThat(this.calendar.plusWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
		assertThat(this.calendar.plusWorkingDays(date("2026-02-13"), 2)).isEqualTo(date("2026-02-24"));
		assertThat(this.calendar.plusWorkingDays(date("2026-02-24"), 4)).isEqualTo(date("2026-02-28"));
		assertThat(this.calendar.isWorkingDay(date("2026-02-23"))).isFalse();
	}

	@Test
	void shouldSkipNationalDay2025() {
		assertThat(this.calendar.plusWorkingDays(date("2025-09-26"), 1)).isEqualTo(date("2025-09-28"));
		assertThat(this.calendar.plusWorkingDays(date("2025-09-30"), 1)).isEqualTo(date("2025-10-09"));
		assertThat(this.calendar.plusWorkingDays(date("2025-09-30"), 3)).isEqualTo(date("2025-10-11"));
		assertThat(this.calendar.plusWorkingDays(date("2025-09-30"), 4)).isEqualTo(date("2025-10-13"));
	}

	@Test
	void shouldSkipNationalDay2026AndWorkOnSaturdayOctoberTenth() {
		assertThat(this.calendar.isWorkingDay(date("2026-10-10"))).isTrue();
		assertThat(this.calendar.isWorkingDay(date("2026-10-07"))).isFalse();
		assertThat(this.calendar.plusWorkingDays(date("2026-09-30"), 1)).isEqualTo(date("2026-10-08"));
		assertThat(this.calendar.plusWorkingDays(date("2026-09-30"), 3)).isEqualTo(date("2026-10-10"));
		assertThat(this.calendar.plusWorkingDays(date("2026-09-30"), 4)).isEqualTo(date("2026-10-12"));
		assertThat(this.calendar.isWorkingDay(date("2026-10-11"))).isFalse();
	}

	@Test
	void shouldReturnStartOrNextWorkingDayForZeroDays() {
		assertThat(this.calendar.plusWorkingDays(date("2025-02-05"), 0)).isEqualTo(date("2025-02-05"));
		assertThat(this.calendar.plusWorkingDays(date("2025-10-01"), 0)).isEqualTo(date("2025-10-09"));
		assertThat(this.calendar.minusWorkingDays(date("2025-10-01"), 0)).isEqualTo(date("2025-09-30"));
	}

	@Test
	void shouldCountBackwardsAcrossHolidays() {
		assertThat(this.calendar.minusWorkingDays(date("2025-10-09"), 1)).isEqualTo(date("2025-09-30"));
		assertThat(this.calendar.minusWorkingDays(date("2025-02-10"), 1)).isEqualTo(date("2025-02-08"));
		assertThat(this.calendar.minusWorkingDays(date("2025-02-10"), 4)).isEqualTo(date("2025-02-05"));
		assertThat(this.calendar.minusWorkingDays(date("2025-02-10"), 5)).isEqualTo(date("2025-01-27"));
		assertThat(this.calendar.minusWorkingDays(date("2026-02-24"), 1)).isEqualTo(date("2026-02-14"));
	}

	@Test
	void shouldCountWorkingDaysBetween() {
		assertThat(this.calendar.workingDaysBetween(date("2025-09-30"), date("2025-10-13"))).isEqualTo(4);
		assertThat(this.calendar.workingDaysBetween(date("2025-01-27"), date("2025-02-10"))).isEqualTo(5);
		assertThat(this.calendar.workingDaysBetween(date("2025-03-03"), date("2025-03-03"))).isZero();
		assertThat(this.calendar.workingDaysBetween(date("2025-03-05"), date("2025-03-03"))).isZero();
		assertThat(this.calendar.workingDaysBetween(date("2025-03-07"), date("2025-03-10"))).isEqualTo(1);
	}

	@Test
	void shouldPlaceDeadlineAtCloseOfBusinessInShanghai() {
		// 2025-09-30T20:00Z is already 2025-10-01 04:00 in Shanghai
		ZonedDateTime deadline = this.calendar.deadline(Instant.parse("2025-09-30T20:00:00Z"), 1);
		assertThat(deadline).isEqualTo(ZonedDateTime.of(2025, 10, 9, 18, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		assertThat(this.calendar.deadline(Instant.parse("2025-09-30T02:00:00Z"), 1))
			.isEqualTo(ZonedDateTime.of(2025, 10, 9, 18, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
		assertThat(this.calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void shouldUseConfiguredZoneAndCloseOfBusiness() {
		WorkingDayCalendar utc = new WorkingDayCalendar(
				new CalendarProperties(ZoneId.of("UTC"), LocalTime.of(17, 30), NOTICES));
		assertThat(utc.deadline(Instant.parse("2025-09-30T20:00:00Z"), 1))
			.isEqualTo(ZonedDateTime.of(2025, 10, 9, 17, 30, 0, 0, ZoneId.of("UTC")));
		assertThat(utc.closeOfBusiness(date("2026-10-10")))
			.isEqualTo(ZonedDateTime.of(2026, 10, 10, 17, 30, 0, 0, ZoneId.of("UTC")));
	}

	@Test
	void shouldRejectNegativeDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.plusWorkingDays(date("2025-03-03"), -1))
			.withMessage("days must not be negative, but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.minusWorkingDays(date("2025-03-03"), -2))
			.withMessageContaining("-2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.deadline(Instant.parse("2025-03-03T00:00:00Z"), -3))
			.withMessageContaining("-3");
	}

	static LocalDate date(String text) {
		return LocalDate.parse(text);
	}

}
