package org.rectifyflow.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login delays, kept in the database the nodes share (H2 here, PostgreSQL in
 * production: the statements are plain SQL).
 */
class LoginThrottleTest {

	static EmbeddedDatabase database;

	MutableClock clock = new MutableClock();

	JdbcTemplate jdbc = new JdbcTemplate(database);

	LoginThrottle throttle = new LoginThrottle(this.jdbc, Duration.ofSeconds(1), Duration.ofMinutes(1), this.clock);

	@BeforeAll
	static void createTable() {
		database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
			.generateUniqueName(true)
			.addScript("db/migration/V120__login_failure.sql")
			.build();
	}

	@AfterAll
	static void dropDatabase() {
		database.shutdown();
	}

	@AfterEach
	void forget() {
		this.jdbc.update("delete from login_failure");
	}

	@Test
	void shouldShareTheDelaysBetweenNodes() {
		LoginThrottle otherNode = new LoginThrottle(new JdbcTemplate(database), Duration.ofSeconds(1),
				Duration.ofMinutes(1), this.clock);
		this.throttle.failed("admin", "198.51.100.1");
		otherNode.failed("admin", "198.51.100.1");
		// the second failure, on the other node, doubled the delay seen by both
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isEqualTo(Duration.ofSeconds(2));
		assertThat(otherNode.waitFor("admin", "198.51.100.1")).isEqualTo(Duration.ofSeconds(2));
		// a release on one node frees the user on every node
		assertThat(otherNode.release("ADMIN")).isTrue();
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isZero();
	}

	@Test
	void shouldCountConcurrentFailuresOfManyNodesExactly() throws Exception {
		int nodes = 4;
		int attempts = 25;
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int n = 0; n < nodes; n++) {
				LoginThrottle node = new LoginThrottle(new JdbcTemplate(database), Duration.ofSeconds(1),
						Duration.ofMinutes(1), this.clock);
				done.add(pool.submit(() -> {
					for (int i = 0; i < attempts; i++) {
						node.failed("u1", "203.0.113.7");
					}
				}));
			}
			for (Future<?> each : done) {
				each.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.queryForObject("select failures from login_failure where failure_key = ?", Integer.class,
				"u:u1|203.0.113.7"))
			.isEqualTo(nodes * attempts);
		assertThat(this.throttle.waitFor("u1", "203.0.113.7")).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void shouldKeepAbsurdUserNamesWithinTheTable() {
		String name = "x".repeat(10_000);
		this.throttle.failed(name, "198.51.100.1");
		assertThat(this.throttle.waitFor(name, "198.51.100.1")).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void shouldForgetOldFailures() {
		this.throttle.failed("u2", "198.51.100.1");
		this.clock.now = this.clock.now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(2);
		this.throttle.failed("u3", "192.0.2.10");
		assertThat(this.jdbc.queryForList("select failure_key from login_failure", String.class))
			.allSatisfy((key) -> assertThat(key).contains("192.0.2.10"));
	}

	@Test
	void shouldDoubleTheDelayOfAUserAtOneAddressUpToTheMaximum() {
		this.throttle.failed("admin", "198.51.100.1");
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isEqualTo(Duration.ofSeconds(1));
		this.throttle.failed("admin", "198.51.100.1");
		this.throttle.failed("admin", "198.51.100.1");
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isEqualTo(Duration.ofSeconds(4));
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("admin", "198.51.100.1");
		}
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isEqualTo(Duration.ofMinutes(1));
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(1));
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isZero();
	}

	@Test
	void shouldNeverKeepAUserOutFromAnotherAddress() {
		for (int i = 0; i < 100; i++) {
			this.throttle.failed("admin", "198.51.100.1");
		}
		assertThat(this.throttle.waitFor("admin", "198.51.100.1")).isPositive();
		assertThat(this.throttle.waitFor("admin", "192.0.2.10")).isZero();
	}

	@Test
	void shouldSlowAnAddressThatTriesManyUsers() {
		for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
			this.throttle.failed("user" + i, "198.51.100.1");
		}
		assertThat(this.throttle.waitFor("someone-else", "198.51.100.1")).isZero();
		this.throttle.failed("user-next", "198.51.100.1");
		assertThat(this.throttle.waitFor("someone-else", "198.51.100.1")).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void shouldForgetAUsersDelaysWhenReleased() {
		this.throttle.failed("u1", "198.51.100.1");
		this.throttle.failed("u1", "192.0.2.10");
		assertThat(this.throttle.release("u1")).isTrue();
		assertThat(this.throttle.waitFor("u1", "198.51.100.1")).isZero();
		assertThat(this.throttle.waitFor("u1", "192.0.2.10")).isZero();
	}

	static class MutableClock extends Clock {

		Instant now = Instant.parse("2026-12-01T08:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
