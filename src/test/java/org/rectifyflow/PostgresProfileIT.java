package org.rectifyflow;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectifyflow.testsupport.PostgresIntegrationTest;
import org.rectifyflow.testsupport.TestDatabaseServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application starts with the {@code postgres} profile on a real PostgreSQL and
 * builds its schema from nothing.
 */
@PostgresIntegrationTest
class PostgresProfileIT {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TestRestTemplate http;

	@Test
	void shouldRunOnPostgresql() {
		assertThat(this.jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL ");
	}

	@Test
	void shouldRunOnADatabaseOfItsOwn() {
		assumeTrue(TestDatabaseServer.get().createsDatabases(), "the test server may not create databases");
		assertThat(this.jdbc.queryForObject("select current_database()", String.class))
			.startsWith("it_postgresprofileit_");
	}

	@Test
	void shouldApplyEveryFlywayMigration() {
		List<Boolean> results = this.jdbc
			.queryForList("select success from flyway_schema_history where version is not null", Boolean.class);
		assertThat(results).isNotEmpty().containsOnly(true);
		assertThat(tablesOfCurrentSchema()).contains("unit", "audit_event");
	}

	@Test
	void shouldCreateTheCamundaSchema() {
		assertThat(tablesOfCurrentSchema()).contains("act_ru_task", "act_ru_job", "act_hi_procinst", "act_ge_property");
	}

	@Test
	void shouldReportHealthUpOverHttp() {
		ResponseEntity<String> response = this.http.getForEntity("/actuator/health", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("\"status\":\"UP\"");
	}

	private List<String> tablesOfCurrentSchema() {
		return this.jdbc.queryForList(
				"select lower(table_name) from information_schema.tables where table_schema = current_schema()",
				String.class);
	}

}
