package com.blogplatform.auth.throttle;

import com.blogplatform.shared.web.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rate limits and failure back-off for the operations that take a credential: sign-in, sign-up,
 * refresh and password change. Per instance and in memory (the gateway is the cluster-wide layer):
 * an attacker spreading attempts over {@code n} instances gets at most {@code n} times the budget.
 * <p>
 * A caller asks {@link #checkAllowed} before doing the work, and, for the operations that check a
 * password, reports the outcome with {@link #recordFailure} or {@link #recordSuccess}:
 * <pre>{@code
 * if (throttle.checkAllowed(Operation.PASSWORD_CHANGE, account.email(), request.getRemoteAddr())
 *         instanceof Verdict.Limited limited) {
 *     throw limited.exception();
 * }
 * boolean ok = ...;
 * if (ok) throttle.recordSuccess(account.email()); else throttle.recordFailure(account.email());
 * }</pre>
 * Each check costs a token of the address's bucket and, when an account is given, of the account's
 * bucket for that operation. Failures are counted per account across operations: a streak of wrong
 * passwords at sign-in also delays a password change of that account, and vice versa.
 */
@Component
public class CredentialThrottle {

	/** The message of every 429 this throttle causes: the same whichever limit was hit. */
	public static final String TOO_MANY_REQUESTS = ApiException.TOO_MANY_REQUESTS;

	/** What is being attempted; each has its own buckets. */
	public enum Operation {
		SIGN_IN, SIGN_UP, REFRESH, PASSWORD_CHANGE
	}

	/** The answer of {@link #checkAllowed}. */
	public sealed interface Verdict {

		record Allowed() implements Verdict {
		}

		/** Refused; {@code retryAfter} is when the limit that refused it would admit it again. */
		record Limited(Duration retryAfter) implements Verdict {

			/** The 429 in the envelope, with {@code Retry-After}. */
			public ApiException exception() {
				return ApiException.tooManyRequests(TOO_MANY_REQUESTS, retryAfter);
			}
		}
	}

	private static final Verdict ALLOWED = new Verdict.Allowed();

	private record BucketKey(Operation operation, boolean account, String value) {
	}

	/** Consecutive failures of an account and the earliest time (nano clock) of its next attempt. */
	private record Streak(int failures, long nextAttemptAt) {
	}

	private final ThrottleProperties properties;

	private final Cache<BucketKey, Bucket> buckets;

	private final Cache<String, Streak> streaks;

	private final LongSupplier nanoClock;

	@Autowired
	CredentialThrottle(ThrottleProperties properties) {
		this(properties, System::nanoTime);
	}

	/** With the clock of its back-off (nanoseconds, as {@link System#nanoTime}): tests move it. */
	CredentialThrottle(ThrottleProperties properties, LongSupplier nanoClock) {
		this.properties = properties;
		this.nanoClock = nanoClock;
		// A bucket idle for its whole period is full again: forgetting it then changes nothing.
		Duration longestPeriod = max(properties.perAccount().period(), properties.perAddress().period());
		this.buckets = Caffeine.newBuilder()
			.maximumSize(2L * properties.maxTracked())
			.expireAfterAccess(longestPeriod)
			.build();
		this.streaks = Caffeine.newBuilder()
			.maximumSize(properties.maxTracked())
			.expireAfterAccess(properties.backoff().forgetAfter())
			.build();
	}

	/**
	 * Whether an attempt may go ahead; counts it against the limits.
	 * @param email the account the attempt names, as given; {@code null} when it names none that
	 * can be trusted before the work is done (refresh: the token's subject is not verified yet)
	 * @param clientAddress the client's address as the application sees it (after the gateway's
	 * forwarded headers)
	 */
	public Verdict checkAllowed(Operation operation, String email, String clientAddress) {
		Objects.requireNonNull(operation);
		if (!properties.enabled()) {
			return ALLOWED;
		}
		String account = normalise(email);
		if (account != null && waitOf(streaks.getIfPresent(account)) > 0) {
			return limited(waitOf(streaks.getIfPresent(account)));
		}
		ConsumptionProbe address = bucket(new BucketKey(operation, false, String.valueOf(clientAddress)),
				properties.perAddress()).tryConsumeAndReturnRemaining(1);
		if (!address.isConsumed()) {
			return limited(address.getNanosToWaitForRefill());
		}
		if (account == null) {
			return ALLOWED;
		}
		ConsumptionProbe perAccount = bucket(new BucketKey(operation, true, account), properties.perAccount())
			.tryConsumeAndReturnRemaining(1);
		if (!perAccount.isConsumed()) {
			return limited(perAccount.getNanosToWaitForRefill());
		}
		return claimBackoffSlot(account);
	}

	/** A failed credential check of this account (wrong password, or no such account). */
	public void recordFailure(String email) {
		String account = normalise(email);
		if (!properties.enabled() || account == null) {
			return;
		}
		streaks.asMap().compute(account, (key, streak) -> {
			int failures = streak == null ? 1 : streak.failures() + 1;
			return new Streak(failures, nanoClock.getAsLong() + properties.backoff().delayAfter(failures).toNanos());
		});
	}

	/** A successful credential check: the account's failure streak ends. */
	public void recordSuccess(String email) {
		String account = normalise(email);
		if (account != null) {
			streaks.invalidate(account);
		}
	}

	/**
	 * In a back-off, one attempt per delay: concurrent attempts that all passed the first look at
	 * the streak race here, and only the first gets the slot (its outcome then sets the next delay).
	 */
	private Verdict claimBackoffSlot(String account) {
		long[] refusedFor = { 0 };
		streaks.asMap().computeIfPresent(account, (key, streak) -> {
			long wait = waitOf(streak);
			if (wait > 0) {
				refusedFor[0] = wait;
				return streak;
			}
			Duration delay = properties.backoff().delayAfter(streak.failures());
			return delay.isZero() ? streak : new Streak(streak.failures(), nanoClock.getAsLong() + delay.toNanos());
		});
		return refusedFor[0] > 0 ? limited(refusedFor[0]) : ALLOWED;
	}

	private long waitOf(Streak streak) {
		return streak == null ? 0 : streak.nextAttemptAt() - nanoClock.getAsLong();
	}

	private Bucket bucket(BucketKey key, ThrottleProperties.Limit limit) {
		return buckets.get(key, ignored -> Bucket.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
			.build());
	}

	private static Verdict limited(long nanos) {
		return new Verdict.Limited(Duration.ofNanos(Math.max(nanos, 1)));
	}

	/** E-mails compare case-insensitively, as at sign-in. */
	static String normalise(String email) {
		return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}
}
