package org.rectifyflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	MutableClock clock = new MutableClock();

	LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(1), Duration.ofMinutes(1), this.clock);

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
