package com.blogplatform.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept verifications of access tokens answer exactly what a full verification would.
 */
class TokenCodecTests {

	@TempDir
	Path keys;

	private Instant now = Instant.parse("2026-12-01T10:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	private TokenCodec codec() {
		return new TokenCodec(new TokenProperties("issuer", "audience", Duration.ofHours(1), Duration.ofDays(7),
				Duration.ofSeconds(30), null, null, keys), clock);
	}

	/** A new access token, verified once (so its verification is kept). */
	private String kept(TokenCodec codec, String tokenId) {
		String token = codec.sign(UUID.randomUUID(), tokenId, TokenCodec.Use.ACCESS, now);
		assertThat(codec.verify(token, TokenCodec.Use.ACCESS)).isInstanceOf(TokenCodec.Verification.Valid.class);
		return token;
	}

	@Test
	void aKeptVerificationStillExpires() {
		TokenCodec codec = codec();
		String token = kept(codec, "jti-1");

		now = now.plus(Duration.ofHours(1)).plusSeconds(29);
		assertThat(codec.verify(token, TokenCodec.Use.ACCESS)).isInstanceOf(TokenCodec.Verification.Valid.class);
		now = now.plusSeconds(2);
		assertThat(codec.verify(token, TokenCodec.Use.ACCESS)).isInstanceOf(TokenCodec.Verification.Expired.class);
	}

	@Test
	void anotherSignatureOnTheSameClaimsIsCheckedAgain() {
		TokenCodec codec = codec();
		String token = kept(codec, "jti-2");

		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
		assertThat(codec.verify(forged, TokenCodec.Use.ACCESS)).isInstanceOf(TokenCodec.Verification.Invalid.class);
		assertThat(codec.verify(token, TokenCodec.Use.ACCESS)).isInstanceOf(TokenCodec.Verification.Valid.class);
	}

	@Test
	void aKeptAccessTokenIsNoRefreshToken() {
		TokenCodec codec = codec();
		String token = kept(codec, "jti-3");

		assertThat(codec.verify(token, TokenCodec.Use.REFRESH)).isInstanceOf(TokenCodec.Verification.Invalid.class);
	}

	@Test
	void aTokenSignedByAnotherKeyIsInvalidThoughTheseClaimsWereKept(@TempDir Path otherKeys) {
		TokenCodec codec = codec();
		TokenCodec other = new TokenCodec(new TokenProperties("issuer", "audience", Duration.ofHours(1), Duration.ofDays(7),
				Duration.ofSeconds(30), null, null, otherKeys), clock);
		UUID subject = UUID.randomUUID();
		assertThat(codec.verify(codec.sign(subject, "jti-4", TokenCodec.Use.ACCESS, now), TokenCodec.Use.ACCESS))
			.isInstanceOf(TokenCodec.Verification.Valid.class);

		assertThat(codec.verify(other.sign(subject, "jti-4", TokenCodec.Use.ACCESS, now), TokenCodec.Use.ACCESS))
			.isInstanceOf(TokenCodec.Verification.Invalid.class);
	}
}
