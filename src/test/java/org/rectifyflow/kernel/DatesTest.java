package org.rectifyflow.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

	@Test
	void shouldShowEveryDateInBeijingTimeInChinese() {
		Instant deadline = Instant.parse("2027-01-15T10:00:00Z");
		assertThat(Dates.chinese(Date.from(deadline))).isEqualTo("2027年1月15日 18:00");
		// the engine's own text of a date, as forms used to show it
		assertThat(Dates.chinese("2027-01-15T10:00:00.000+0000")).isEqualTo("2027年1月15日 18:00");
		assertThat(Dates.chinese("2027-01-15T18:00:00+08:00")).isEqualTo("2027年1月15日 18:00");
		assertThat(Dates.chinese("2027-01-15")).isEqualTo("2027年1月15日");
		assertThat(Dates.chinese(LocalDate.of(2027, 3, 5))).isEqualTo("2027年3月5日");
		assertThat(Dates.chinese("不是日期")).isNull();
		assertThat(Dates.chinese(null)).isNull();
	}

}
