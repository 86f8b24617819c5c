package org.rectifyflow.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Creates the test class's database when its application context starts and points the
 * data source at it.
 * <p>
 * Spring caches application contexts by their configuration, which includes every context
 * customizer. This customizer's equality is the test class (and the job executor switch),
 * so two test classes never share a context, and with it a database, even when the rest
 * of their configuration is identical. The database is created only when a context is
 * actually built.
 */
class PostgresDatabaseCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "postgresIntegrationTestDatabase";

	private final Class<?> testClass;

	private final boolean jobExecution;

	PostgresDatabaseCustomizer(Class<?> testClass, boolean jobExecution) {
		this.testClass = testClass;
		this.jobExecution = jobExecution;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		TestDatabase database = TestDatabaseServer.get().createDatabase(this.testClass);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.jdbcUrl());
		properties.put("spring.datasource.username", database.user());
		properties.put("spring.datasource.password", database.password());
		properties.put("camunda.bpm.job-execution.enabled", Boolean.toString(this.jobExecution));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || getClass() != other.getClass()) {
			return false;
		}
		PostgresDatabaseCustomizer that = (PostgresDatabaseCustomizer) other;
		return this.testClass == that.testClass && this.jobExecution == that.jobExecution;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.testClass, this.jobExecution);
	}

}
