package com.blogplatform.auth.session;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies RS256 tokens. RS256 is the only algorithm accepted ({@code alg: none}, HS256 and
 * other RSA variants are rejected before the signature is looked at), issuer, audience, expiry and
 * not-before are checked, and the {@value #TOKEN_USE} claim keeps access and refresh tokens from being
 * swapped for each other.
 * <p>
 * Checking an RS256 signature is most of the CPU an authenticated request costs, and its outcome never
 * changes for the same token and key: a verified access token's claims are kept (by the SHA-256 of the
 * token, so no lookup compares token text; at most {@value #VERIFIED_MAX} tokens, each until it expires)
 * and only its expiry is checked again on the next presentation. Nothing about the session is kept here:
 * whether the session is still active is asked of the store on every request.
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

	static final int VERIFIED_MAX = 20_000;

	private final TokenProperties properties;

	private final Algorithm algorithm;

	private final Clock clock;

	private final JWTVerifier accessVerifier;

	private final JWTVerifier refreshVerifier;

	/** Verified access tokens by the hex SHA-256 of the token, each until its expiry (plus the skew). */
	private final Cache<String, Claims> verifiedAccess;

	TokenCodec(TokenProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		RsaKeys keys = RsaKeys.load(properties);
		this.algorithm = Algorithm.RSA256(keys.publicKey(), keys.privateKey());
		this.accessVerifier = verifier(Use.ACCESS, false);
		this.refreshVerifier = verifier(Use.REFRESH, false);
		this.verifiedAccess = Caffeine.newBuilder()
			.maximumSize(VERIFIED_MAX)
			.expireAfter(Expiry.<String, Claims>creating((digest, claims) -> acceptedFor(claims)))
			.build();
	}

	/** How much longer a verified token is accepted: until its expiry plus the clock skew allowed; never negative. */
	Duration acceptedFor(Claims claims) {
		Duration left = Duration.between(clock.instant(), claims.expiresAt().plus(properties.clockSkew()));
		return left.isNegative() ? Duration.ZERO : left;
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

	/**
	 * Full verification: signature, algorithm, issuer, audience, use, expiry and not-before (an access
	 * token verified before: its expiry only).
	 */
	Verification verify(String token, Use use) {
		if (use == Use.ACCESS) {
			String digest = sha256(token);
			Claims known = verifiedAccess.getIfPresent(digest);
			if (known != null) {
				return clock.instant().isAfter(known.expiresAt().plus(properties.clockSkew())) ? new Verification.Expired()
						: new Verification.Valid(known);
			}
			Verification verification = verifySignature(token, use);
			if (verification instanceof Verification.Valid(Claims claims)) {
				verifiedAccess.put(digest, claims);
			}
			return verification;
		}
		return verifySignature(token, use);
	}

	private Verification verifySignature(String token, Use use) {
		try {
			return claims((use == Use.ACCESS ? accessVerifier : refreshVerifier).verify(token), use)
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

	private static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException everyJdkHasIt) {
			throw new IllegalStateException(everyJdkHasIt);
		}
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
