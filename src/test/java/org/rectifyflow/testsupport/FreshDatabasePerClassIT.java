package org.rectifyflow.testsupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second test class gets a database of its own, named after the class, and the job
 * executor switch reaches the engine configuration.
 */
@PostgresIntegrationTest
class FreshDatabasePerClassIT {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Environment environment;

	@Test
	void shouldRunOnADatabaseNamedAfterTheClass() {
		assumeTrue(TestDatabaseServer.get().createsDatabases(), "the test server may not create databases");
		String database = this.jdbc.queryForObject("select current_database()", String.class);
		assertThat(database).startsWith("it_freshdatabaseperclassit_");
		assertThat(this.environment.getProperty("spring.datasource.url")).contains("/" + database);
	}

	@Test
	void shouldStartWithoutRunningJobs() {
		assertThat(this.environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class)).isFalse();
	}

	@Test
	void shouldLetTheAdminPasswordBeKnown() {
		assertThat(this.environment.getProperty("rectify.admin.password")).isEqualTo(TestAdmin.PASSWORD);
	}

}
