package com.blogplatform.auth.session;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies RS256 tokens. RS256 is the only algorithm accepted ({@code alg: none}, HS256 and
 * other RSA variants are rejected before the signature is looked at), issuer, audience, expiry and
 * not-before are checked, and the {@value #TOKEN_USE} claim keeps access and refresh tokens from being
 * swapped for each other.
 */
@Component
class TokenCodec {

	static final String TOKEN_USE = "token_use";

	enum Use {
		ACCESS, REFRESH;

		String claim() {
			return name().toLowerCase();
		}
	}

	/** Claims of a verified token. */
	record Claims(UUID subject, String id, Use use, Instant expiresAt) {
	}

	/** The outcome of a verification. */
	sealed interface Verification {

		record Valid(Claims claims) implements Verification {
		}

		record Expired() implements Verification {
		}

		record Invalid() implements Verification {
		}
	}

	private final TokenProperties properties;

	private final Algorithm algorithm;

	private final Clock clock;

	TokenCodec(TokenProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		RsaKeys keys = RsaKeys.load(properties);
		this.algorithm = Algorithm.RSA256(keys.publicKey(), keys.privateKey());
	}

	String sign(UUID subject, String tokenId, Use use, Instant issuedAt) {
		return sign(subject, tokenId, use, issuedAt, Instant.MAX);
	}

	/** A token that expires at its use's validity after {@code issuedAt}, or at {@code notAfter} if sooner. */
	String sign(UUID subject, String tokenId, Use use, Instant issuedAt, Instant notAfter) {
		Instant expiresAt = expiryOf(use, issuedAt);
		if (notAfter.isBefore(expiresAt)) {
			expiresAt = notAfter;
		}
		return JWT.create()
			.withIssuer(properties.issuer())
			.withSubject(subject.toString())
			.withArrayClaim("aud", new String[] { properties.audience() })
			.withIssuedAt(issuedAt)
			.withNotBefore(issuedAt)
			.withExpiresAt(expiresAt)
			.withJWTId(tokenId)
			.withClaim(TOKEN_USE, use.claim())
			.sign(algorithm);
	}

	Instant expiryOf(Use use, Instant issuedAt) {
		return issuedAt.plus(use == Use.ACCESS ? properties.accessTokenValidity() : properties.refreshTokenValidity());
	}

	/** Full verification: signature, algorithm, issuer, audience, use, expiry and not-before. */
	Verification verify(String token, Use use) {
		try {
			return claims(verifier(use, false).verify(token), use)
				.<Verification>map(Verification.Valid::new)
				.orElseGet(Verification.Invalid::new);
		}
		catch (TokenExpiredException ex) {
			return new Verification.Expired();
		}
		catch (JWTVerificationException | IllegalArgumentException ex) {
			return new Verification.Invalid();
		}
	}

	/**
	 * Verification that tolerates expiry, for the access token presented with a refresh: the
	 * signature and every other claim still have to be right (the reference only decodes it).
	 */
	Verification verifyIgnoringExpiry(String token, Use use) {
		try {
			return claims(verifier(use, true).verify(token), use)
				.<Verification>map(Verification.Valid::new)
				.orElseGet(Verification.Invalid::new);
		}
		catch (JWTVerificationException | IllegalArgumentException ex) {
			return new Verification.Invalid();
		}
	}

	private JWTVerifier verifier(Use use, boolean ignoreExpiry) {
		var verification = JWT.require(algorithm)
			.withIssuer(properties.issuer())
			.withAudience(properties.audience())
			.withClaim(TOKEN_USE, use.claim())
			.withClaimPresence("jti")
			.withClaimPresence("sub")
			.withClaimPresence("nbf")
			.withClaimPresence("exp")
			.acceptLeeway(properties.clockSkew().toSeconds());
		if (ignoreExpiry) {
			// an access token older than a refresh token's lifetime cannot be refreshed anyway
			verification.acceptExpiresAt(properties.refreshTokenValidity().plus(properties.clockSkew()).toSeconds());
		}
		return ((com.auth0.jwt.JWTVerifier.BaseVerification) verification).build(clock);
	}

	private static Optional<Claims> claims(DecodedJWT jwt, Use use) {
		try {
			UUID subject = UUID.fromString(jwt.getSubject());
			if (jwt.getId() == null || jwt.getId().isBlank()) {
				return Optional.empty();
			}
			return Optional.of(new Claims(subject, jwt.getId(), use, jwt.getExpiresAtAsInstant()));
		}
		catch (IllegalArgumentException notAUuid) {
			return Optional.empty();
		}
	}
}
