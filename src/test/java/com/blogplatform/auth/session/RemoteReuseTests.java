package com.blogplatform.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * How long the blog service may reuse an authentication ({@link InProcessAuthPort#authenticationReuse}):
 * {@code auth.session.remote-reuse}, never past the token's acceptance, nothing for what is not a valid
 * access token. The same settings as {@code NatsAuthPortContractTests}, so both share a context.
 */
@ApiTest
@TestPropertySource(properties = "auth.session.remote-reuse=500ms")
class RemoteReuseTests {

	@Autowired
	InProcessAuthPort port;

	@Autowired
	TokenCodec tokens;

	@Autowired
	TokenProperties properties;

	@Test
	void aTokenWithTimeLeftMayBeReusedForTheConfiguredTime() {
		assertThat(port.authenticationReuse(bearer(Instant.now()))).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void neverPastTheTokensAcceptance() throws InterruptedException {
		// A token's expiry is in whole seconds: wait until the next one is 300 ms away, and make it the end of
		// the token's acceptance (its expiry plus the skew).
		Thread.sleep((1_700 - Instant.now().toEpochMilli() % 1_000) % 1_000);
		Instant acceptedUntil = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1);
		Instant issuedAt = acceptedUntil.minus(properties.clockSkew()).minus(properties.accessTokenValidity());

		assertThat(port.authenticationReuse(bearer(issuedAt))).isPositive().isLessThanOrEqualTo(Duration.ofMillis(350));
	}

	@Test
	void nothingForAnExpiredOrInvalidToken() {
		Instant longAgo = Instant.now().minus(properties.accessTokenValidity()).minus(properties.clockSkew()).minusSeconds(1);

		assertThat(port.authenticationReuse(bearer(longAgo))).isZero();
		assertThat(port.authenticationReuse("Bearer not.a.token")).isZero();
		assertThat(port.authenticationReuse(null)).isZero();
		String refresh = tokens.sign(UUID.randomUUID(), UUID.randomUUID().toString(), TokenCodec.Use.REFRESH, Instant.now());
		assertThat(port.authenticationReuse("Bearer " + refresh)).isZero();
	}

	private String bearer(Instant issuedAt) {
		return "Bearer " + tokens.sign(UUID.randomUUID(), UUID.randomUUID().toString(), TokenCodec.Use.ACCESS, issuedAt);
	}
}
