package com.blogplatform.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.throttle.CredentialThrottle.Operation;
import com.blogplatform.auth.throttle.CredentialThrottle.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock the test moves: back-off doubling, its cap, and its end. */
class CredentialThrottleTests {

	final AtomicLong now = new AtomicLong(1_000_000_000L);

	final CredentialThrottle throttle = new CredentialThrottle(new ThrottleProperties(true,
			new ThrottleProperties.Limit(1000, Duration.ofMinutes(1)), new ThrottleProperties.Limit(1000, Duration.ofMinutes(1)),
			new ThrottleProperties.Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofHours(1)), 1000),
			now::get);

	@Test
	void doublesTheDelayWithEachFurtherFailureUpToTheCap() {
		fail(3);
		assertThat(waitFor("a@example.com")).isEqualTo(Duration.ofSeconds(1));

		for (long expected : new long[] { 2, 4, 8, 8 }) {
			advance(waitFor("a@example.com"));
			assertThat(check("a@example.com")).isInstanceOf(Verdict.Allowed.class);
			throttle.recordFailure("a@example.com");
			assertThat(waitFor("a@example.com")).isEqualTo(Duration.ofSeconds(expected));
		}
	}

	@Test
	void aSuccessEndsTheStreakAndCaseDoesNotMatter() {
		fail(3);
		throttle.recordSuccess("A@Example.COM");

		assertThat(check("a@example.com")).isInstanceOf(Verdict.Allowed.class);
	}

	@Test
	void admitsOnlyOneOfConcurrentAttemptsPerDelay() {
		fail(3);
		advance(Duration.ofSeconds(1));

		assertThat(check("a@example.com")).isInstanceOf(Verdict.Allowed.class);
		assertThat(check("a@example.com")).as("in flight: the slot is taken").isInstanceOf(Verdict.Limited.class);
	}

	@Test
	void limitsNothingWhenDisabled() {
		var disabled = new CredentialThrottle(new ThrottleProperties(false, new ThrottleProperties.Limit(1, Duration.ofHours(1)),
				new ThrottleProperties.Limit(1, Duration.ofHours(1)),
				new ThrottleProperties.Backoff(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1)), 1000));
		for (int i = 0; i < 5; i++) {
			assertThat(disabled.checkAllowed(Operation.SIGN_IN, "a@example.com", "192.0.2.1")).isInstanceOf(Verdict.Allowed.class);
			disabled.recordFailure("a@example.com");
		}
	}

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			assertThat(check("a@example.com")).isInstanceOf(Verdict.Allowed.class);
			throttle.recordFailure("a@example.com");
		}
	}

	private Verdict check(String email) {
		return throttle.checkAllowed(Operation.SIGN_IN, email, "192.0.2.1");
	}

	private Duration waitFor(String email) {
		return switch (check(email)) {
			case Verdict.Limited limited -> limited.retryAfter();
			case Verdict.Allowed allowed -> throw new AssertionError("not limited");
		};
	}

	private void advance(Duration duration) {
		now.addAndGet(duration.toNanos());
	}
}
