package org.rectifyflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anybody out. Every failed login delays the
 * next attempt of the same user from the same client address (1, 2, 4 … seconds, at most
 * {@code rectify.login.max-delay}), and, after {@link #ADDRESS_FREE_FAILURES} failures of
 * any users, every attempt from that address. A user who logs in from another address is
 * not affected, so nobody can keep an administrator out by failing on purpose. A
 * successful login clears its user's and address's delay; an administrator can clear a
 * user's delays ({@link LoginThrottleController}).
 * <p>
 * The state is per node and in memory: a restart or another node starts from zero, which
 * costs an attacker at most a few more attempts per node and never locks anybody.
 */
@Component
class LoginThrottle {

	/**
	 * Failures from one address (a shared office gateway) before the address is slowed.
	 */
	static final int ADDRESS_FREE_FAILURES = 10;

	private static final int MAX_ENTRIES = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Duration firstDelay;

	private final Duration maxDelay;

	private final Clock clock;

	@Autowired
	LoginThrottle(@Value("${rectify.login.first-delay:PT3S}") Duration firstDelay,
			@Value("${rectify.login.max-delay:PT1M}") Duration maxDelay) {
		this(firstDelay, maxDelay, Clock.systemUTC());
	}

	LoginThrottle(Duration firstDelay, Duration maxDelay, Clock clock) {
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
		this.clock = clock;
	}

	/**
	 * @param userId the user name tried
	 * @param address the client address
	 * @return how long the attempt must still wait; zero when it may be checked now
	 */
	Duration waitFor(String userId, String address) {
		Instant now = this.clock.instant();
		Duration user = remaining(userKey(userId, address), now);
		Duration client = remaining(addressKey(address), now);
		return (user.compareTo(client) >= 0) ? user : client;
	}

	/**
	 * Records a failed attempt.
	 * @param userId the user name tried
	 * @param address the client address
	 */
	void failed(String userId, String address) {
		if (this.failures.size() > MAX_ENTRIES) {
			Instant now = this.clock.instant();
			this.failures.values().removeIf((f) -> !f.until().plus(this.maxDelay).isAfter(now));
		}
		Instant now = this.clock.instant();
		this.failures.compute(userKey(userId, address), (key, old) -> next(old, 0, now));
		this.failures.compute(addressKey(address), (key, old) -> next(old, ADDRESS_FREE_FAILURES, now));
	}

	/**
	 * Records a successful login.
	 * @param userId the user
	 * @param address the client address
	 */
	void succeeded(String userId, String address) {
		this.failures.remove(userKey(userId, address));
		this.failures.remove(addressKey(address));
	}

	/**
	 * Clears every delay of a user, from whichever address.
	 * @param userId the user
	 * @return whether there was one
	 */
	boolean release(String userId) {
		String prefix = "u:" + normalize(userId) + "|";
		return this.failures.keySet().removeIf((key) -> key.startsWith(prefix));
	}

	private Failures next(Failures old, int free, Instant now) {
		int count = (old != null) ? old.count() + 1 : 1;
		if (count <= free) {
			return new Failures(count, now);
		}
		int exponent = Math.min(count - free - 1, 30);
		Duration delay = this.firstDelay.multipliedBy(1L << exponent);
		return new Failures(count, now.plus((delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay));
	}

	private Duration remaining(String key, Instant now) {
		Failures entry = this.failures.get(key);
		return (entry != null && entry.until().isAfter(now)) ? Duration.between(now, entry.until()) : Duration.ZERO;
	}

	private static String userKey(String userId, String address) {
		return "u:" + normalize(userId) + "|" + address;
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}

	private static String normalize(String userId) {
		return userId.toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant until) {
	}

}
