package org.rectifyflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import org.rectifyflow.calendar.internal.CalendarHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifyflow.calendar.WorkingDayCalendarTest.date;

/**
 * Years without a configured notice: the statutory rule computed with ICU4J.
 */
class ProvisionalCalendarTest {

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(
			new CalendarProperties(null, null, WorkingDayCalendarTest.NOTICES));

	private final Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLog() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void shouldSkipProvisionalSpringFestival2027() {
		// 除夕 2027 is Friday 2027-02-05; 初三 is Monday 2027-02-08
		assertThat(this.calendar.isWorkingDay(date("2027-02-04"))).isTrue();
		for (LocalDate d = date("2027-02-05"); !d.isAfter(date("2027-02-08")); d = d.plusDays(1)) {
			assertThat(this.calendar.isWorkingDay(d)).as(d.toString()).isFalse();
		}
		assertThat(this.calendar.isWorkingDay(date("2027-02-10"))).isTrue();
	}

	@Test
	void shouldTreatBothCandidateDaysAsOffWhenNewMoonIsNearMidnight() {
		// ICU puts the 2027 new year's new moon minutes after midnight (observatories:
		// minutes before);
		// the uncertain day 2027-02-09 (初三 if ICU were right) is kept off.
		assertThat(this.calendar.isWorkingDay(date("2027-02-09"))).isFalse();
		assertThat(this.calendar.plusWorkingDays(date("2027-02-04"), 1)).isEqualTo(date("2027-02-10"));
	}

	@Test
	void shouldComputeProvisionalStatutoryDays2027() {
		assertThat(ProvisionalHolidays.daysOff(2027)).containsExactly(date("2027-01-01"), date("2027-02-05"),
				date("2027-02-06"), date("2027-02-07"), date("2027-02-08"), date("2027-02-09"), date("2027-04-05"),
				date("2027-05-01"), date("2027-05-02"), date("2027-06-09"), date("2027-09-15"), date("2027-10-01"),
				date("2027-10-02"), date("2027-10-03"));
		// No make-up days: weekends stay off
		assertThat(this.calendar.isWorkingDay(date("2027-02-13"))).isFalse();
	}

	@Test
	void shouldMatchStatutoryRuleWhereNoticesExist() {
		// The single statutory days of 2025 and 2026 fall inside the notices' breaks
		assertThat(ProvisionalHolidays.daysOff(2025)).contains(date("2025-01-28"), date("2025-01-31"),
				date("2025-04-04"), date("2025-05-31"), date("2025-10-06"));
		assertThat(ProvisionalHolidays.daysOff(2026)).contains(date("2026-02-16"), date("2026-02-19"),
				date("2026-04-05"), date("2026-06-19"), date("2026-09-25"));
	}

	@Test
	void shouldWarnOncePerProvisionalYear() {
		this.calendar.isWorkingDay(date("2027-03-01"));
		this.calendar.isWorkingDay(date("2027-03-02"));
		this.calendar.plusWorkingDays(date("2026-12-30"), 5);
		this.calendar.isWorkingDay(date("2026-03-02"));

		List<ILoggingEvent> warnings = this.appender.list.stream().filter((e) -> e.getLevel() == Level.WARN).toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getFormattedMessage()).contains("2027").contains("rectify.calendar.years.2027");
		assertThat(this.calendar.provisionalYears()).containsExactly(2027);
	}

	@Test
	void shouldReportProvisionalNextYearInHealth() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		Health health = new CalendarHealthIndicator(this.calendar, clock).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("configuredYears", Set.of(2025, 2026))
			.containsEntry("provisionalYears", Set.of(2027));
		assertThat((String) health.getDetails().get("warning")).contains("2027")
			.contains("No State Council holiday notice")
			.contains("尚未配置");
		assertThat(this.appender.list).anyMatch((e) -> e.getLevel() == Level.WARN);
	}

	@Test
	void shouldReportNoWarningWhenCurrentAndNextYearAreConfigured() {
		Clock clock = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		Health health = new CalendarHealthIndicator(this.calendar, clock).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("warning").containsEntry("provisionalYears", Set.of());
		assertThat(this.appender.list).noneMatch((e) -> e.getLevel() == Level.WARN);
	}

}
