package org.rectifyflow.calendar;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Invalid holiday configuration fails fast, naming the entry.
 */
class CalendarConfigurationTest {

	@Test
	void shouldRejectInvalidDate() {
		assertThatIllegalStateException().isThrownBy(() -> calendar(List.of("2027-01-01", "2027-02-30"), List.of()))
			.withMessageContaining("rectify.calendar.years.2027.off[1]")
			.withMessageContaining("'2027-02-30'");
	}

	@Test
	void shouldRejectMalformedRange() {
		assertThatIllegalStateException().isThrownBy(() -> calendar(List.of("2027-02-05/Feb 8"), List.of()))
			.withMessageContaining("rectify.calendar.years.2027.off[0]");
	}

	@Test
	void shouldRejectRangeEndingBeforeItsStart() {
		assertThatIllegalStateException().isThrownBy(() -> calendar(List.of("2027-02-08/2027-02-05"), List.of()))
			.withMessageContaining("rectify.calendar.years.2027.off[0]")
			.withMessageContaining("before its start");
	}

	@Test
	void shouldRejectMakeUpDayThatIsNotWeekend() {
		// 2027-02-03 is a Wednesday
		assertThatIllegalStateException()
			.isThrownBy(() -> calendar(List.of("2027-01-01"), List.of("2027-02-20", "2027-02-03")))
			.withMessageContaining("rectify.calendar.years.2027.work[1]")
			.withMessageContaining("WEDNESDAY");
	}

	@Test
	void shouldRejectYearWithoutDaysOff() {
		assertThatIllegalStateException().isThrownBy(() -> calendar(List.of(), List.of("2027-02-20")))
			.withMessageContaining("rectify.calendar.years.2027")
			.withMessageContaining("no days off");
	}

	@Test
	void shouldRejectDayBothOffAndWork() {
		assertThatIllegalStateException()
			.isThrownBy(() -> calendar(List.of("2027-02-05/2027-02-13"), List.of("2027-02-13")))
			.withMessageContaining("2027-02-13");
	}

	private static WorkingDayCalendar calendar(List<String> off, List<String> work) {
		return new WorkingDayCalendar(
				new CalendarProperties(null, null, Map.of(2027, new CalendarProperties.Year(off, work))));
	}

}
