package org.rectifyflow.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * The failures are kept in the database (table {@code login_failure}), so every node
 * behind the balancer counts the same attempts: spreading guesses over the nodes gains
 * nothing, and a release by an administrator on one node frees the user on all. Each
 * failure is one atomic increment of its row; rows an hour past their delay are
 * forgotten.
 */
@Component
public class LoginThrottle {

	/**
	 * Failures from one address (a shared office gateway) before the address is slowed.
	 */
	static final int ADDRESS_FREE_FAILURES = 10;

	/** How long a row is kept after its delay ended. */
	static final Duration FORGET_AFTER = Duration.ofHours(1);

	/** Longer keys (absurd user names or addresses) are kept as their digest. */
	private static final int MAX_KEY = 300;

	private static final int MAX_USER = 255;

	private final JdbcTemplate jdbc;

	private final Duration firstDelay;

	private final Duration maxDelay;

	private final Clock clock;

	@Autowired
	public LoginThrottle(JdbcTemplate jdbc, @Value("${rectify.login.first-delay:PT3S}") Duration firstDelay,
			@Value("${rectify.login.max-delay:PT1M}") Duration maxDelay) {
		this(jdbc, firstDelay, maxDelay, Clock.systemUTC());
	}

	public LoginThrottle(JdbcTemplate jdbc, Duration firstDelay, Duration maxDelay, Clock clock) {
		this.jdbc = jdbc;
		this.firstDelay = firstDelay;
		this.maxDelay = maxDelay;
		this.clock = clock;
	}

	/**
	 * @param userId the user name tried
	 * @param address the client address
	 * @return how long the attempt must still wait; zero when it may be checked now
	 */
	public Duration waitFor(String userId, String address) {
		long now = this.clock.millis();
		List<Long> until = this.jdbc.queryForList(
				"select delayed_until from login_failure where failure_key in (?, ?) and delayed_until > ?", Long.class,
				userKey(userId, address), addressKey(address), now);
		return until.stream().max(Long::compare).map((u) -> Duration.ofMillis(u - now)).orElse(Duration.ZERO);
	}

	/**
	 * Records a failed attempt.
	 * @param userId the user name tried
	 * @param address the client address
	 */
	public void failed(String userId, String address) {
		long now = this.clock.millis();
		this.jdbc.update("delete from login_failure where delayed_until < ?", now - FORGET_AFTER.toMillis());
		String user = normalize(userId);
		count(userKey(userId, address), (user.length() <= MAX_USER) ? user : null, 0, now);
		count(addressKey(address), null, ADDRESS_FREE_FAILURES, now);
	}

	/**
	 * Records a successful login.
	 * @param userId the user
	 * @param address the client address
	 */
	public void succeeded(String userId, String address) {
		this.jdbc.update("delete from login_failure where failure_key in (?, ?)", userKey(userId, address),
				addressKey(address));
	}

	/**
	 * Clears every delay of a user, from whichever address.
	 * @param userId the user
	 * @return whether there was one
	 */
	public boolean release(String userId) {
		return this.jdbc.update("delete from login_failure where user_id = ?", normalize(userId)) > 0;
	}

	private void count(String key, String user, int free, long now) {
		if (this.jdbc.update("update login_failure set failures = failures + 1 where failure_key = ?", key) == 0) {
			try {
				this.jdbc.update(
						"insert into login_failure (failure_key, user_id, failures, delayed_until) values (?, ?, 1, ?)",
						key, user, now);
			}
			catch (DuplicateKeyException ex) {
				// another node inserted it first
				this.jdbc.update("update login_failure set failures = failures + 1 where failure_key = ?", key);
			}
		}
		Integer count = this.jdbc.queryForObject("select failures from login_failure where failure_key = ?",
				Integer.class, key);
		this.jdbc.update("update login_failure set delayed_until = ? where failure_key = ?",
				delayedUntil(count, free, now), key);
	}

	private long delayedUntil(int count, int free, long now) {
		if (count <= free) {
			return now;
		}
		int exponent = Math.min(count - free - 1, 30);
		Duration delay = this.firstDelay.multipliedBy(1L << exponent);
		return now + ((delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay).toMillis();
	}

	private static String userKey(String userId, String address) {
		return bounded("u:" + normalize(userId) + "|" + address);
	}

	private static String addressKey(String address) {
		return bounded("a:" + address);
	}

	private static String bounded(String key) {
		if (key.length() <= MAX_KEY) {
			return key;
		}
		try {
			return "h:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String normalize(String userId) {
		return userId.toLowerCase(Locale.ROOT);
	}

}
