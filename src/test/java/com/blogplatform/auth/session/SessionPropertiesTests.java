package com.blogplatform.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sign-out waits {@code auth.session.remote-reuse}: it is bounded, and what a caller honours at most. */
class SessionPropertiesTests {

	@ParameterizedTest
	@ValueSource(longs = { 0, 250, 5_000 })
	void aRemoteReuseUpToFiveSecondsIsTaken(long millis) {
		assertThat(properties(Duration.ofMillis(millis)).remoteReuse()).isEqualTo(Duration.ofMillis(millis));
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, 5_001, 3_600_000 })
	void aNegativeOrLongerRemoteReuseIsRefused(long millis) {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofMillis(millis)))
			.withMessageContaining("auth.session.remote-reuse");
	}

	private static SessionProperties properties(Duration remoteReuse) {
		return new SessionProperties(Duration.ofSeconds(30), Duration.ofDays(30), remoteReuse);
	}
}
