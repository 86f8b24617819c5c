package org.rectifyflow.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifyflow.calendar.WorkingDayCalendarTest.date;

/**
 * The shipped holidays.yaml binds and reproduces the 2025 and 2026 notices.
 */
class HolidaysYamlTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(holidaysYaml()))
		.withUserConfiguration(CalendarConfig.class);

	@Test
	void shouldBindShippedHolidays() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			CalendarProperties properties = context.getBean(CalendarProperties.class);
			assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(properties.closeOfBusiness()).isEqualTo(LocalTime.of(18, 0));
			assertThat(properties.years()).containsOnlyKeys(2025, 2026);
			assertThat(properties.years().get(2025).off()).hasSize(6).contains("2025-01-28/2025-02-04");
			assertThat(properties.years().get(2025).work()).containsExactly("2025-01-26", "2025-02-08", "2025-04-27",
					"2025-09-28", "2025-10-11");
			assertThat(properties.years().get(2026).off()).hasSize(7).contains("2026-02-15/2026-02-23");
			assertThat(properties.years().get(2026).work()).containsExactly("2026-01-04", "2026-02-14", "2026-02-28",
					"2026-05-09", "2026-09-20", "2026-10-10");

			WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
			assertThat(calendar.plusWorkingDays(date("2025-01-27"), 1)).isEqualTo(date("2025-02-05"));
			assertThat(calendar.plusWorkingDays(date("2026-09-30"), 3)).isEqualTo(date("2026-10-10"));
			assertThat(calendar.isWorkingDay(date("2026-01-04"))).isTrue();
			assertThat(calendar.workingDaysBetween(date("2024-12-31"), date("2025-12-31"))).isEqualTo(248);
			assertThat(calendar.workingDaysBetween(date("2025-12-31"), date("2026-12-31"))).isEqualTo(248);
		});
	}

	private static PropertySource<?> holidaysYaml() {
		try {
			return new YamlPropertySourceLoader().load("holidays.yaml", new ClassPathResource("holidays.yaml")).get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CalendarProperties.class)
	static class CalendarConfig {

		@Bean
		WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
			return new WorkingDayCalendar(properties);
		}

	}

}
