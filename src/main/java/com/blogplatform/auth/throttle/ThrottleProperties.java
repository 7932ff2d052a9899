package com.blogplatform.auth.throttle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of the credential endpoints ({@code auth.throttle.*}), per instance. Each operation
 * (sign-in, sign-up, refresh, password change) has its own buckets.
 * @param enabled off only for a deployment that limits elsewhere (or a load test)
 * @param perAccount attempts per account (the lower-cased e-mail), default 10 per 10 minutes: strict,
 * since no legitimate user signs in dozens of times an hour
 * @param perAddress attempts per client address, default 300 a minute: generous, since an office or
 * a mobile carrier puts many users behind one address
 * @param backoff the progressive delay after consecutive failures of one account
 * @param maxTracked the most accounts and addresses remembered at once (each); the least used are
 * forgotten first, so a flood of made-up e-mails or addresses costs bounded memory
 */
@Validated
@ConfigurationProperties("auth.throttle")
record ThrottleProperties(@DefaultValue("true") boolean enabled,
		@Valid Limit perAccount, @Valid Limit perAddress, @Valid @NotNull @DefaultValue Backoff backoff,
		@Min(100) @DefaultValue("100000") int maxTracked) {

	static final Limit DEFAULT_PER_ACCOUNT = new Limit(10, Duration.ofMinutes(10));

	static final Limit DEFAULT_PER_ADDRESS = new Limit(300, Duration.ofMinutes(1));

	ThrottleProperties {
		perAccount = perAccount == null ? DEFAULT_PER_ACCOUNT : perAccount;
		perAddress = perAddress == null ? DEFAULT_PER_ADDRESS : perAddress;
	}

	/**
	 * A token bucket: {@code capacity} attempts at once, refilled evenly over {@code period} (so a
	 * full bucket takes {@code period} to refill after being emptied).
	 */
	record Limit(@Min(1) long capacity, @NotNull Duration period) {

		@AssertTrue(message = "must be positive")
		boolean isPeriodPositive() {
			return period != null && period.isPositive();
		}
	}

	/**
	 * After {@code afterFailures} consecutive failures of one account (wrong password or unknown
	 * e-mail alike), the next attempt waits {@code initialDelay}, doubled with each further failure
	 * up to {@code maxDelay}; a success ends the streak, and so do {@code forgetAfter} without attempts.
	 */
	record Backoff(@Min(1) @DefaultValue("3") int afterFailures, @NotNull @DefaultValue("1s") Duration initialDelay,
			@NotNull @DefaultValue("5m") Duration maxDelay, @NotNull @DefaultValue("1h") Duration forgetAfter) {

		@AssertTrue(message = "delays must be positive, initial-delay <= max-delay < forget-after")
		boolean isOrdered() {
			return initialDelay != null && maxDelay != null && forgetAfter != null && initialDelay.isPositive()
					&& initialDelay.compareTo(maxDelay) <= 0 && maxDelay.compareTo(forgetAfter) < 0;
		}

		/** The wait after this many consecutive failures: none below the threshold, then doubling. */
		Duration delayAfter(int failures) {
			if (failures < afterFailures) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - afterFailures, 30);
			Duration delay = initialDelay.multipliedBy(1L << doublings);
			return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
		}
	}
}
