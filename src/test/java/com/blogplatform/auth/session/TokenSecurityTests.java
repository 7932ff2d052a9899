package com.blogplatform.auth.session;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Forged, expired and swapped tokens never authenticate.
 */
@ApiTest
class TokenSecurityTests {

	@Autowired
	TokenCodec codec;

	@Autowired
	TokenProperties properties;

	@LocalServer
	ApiClient api;

	@Test
	void issuesRs256TokensWithTheContractsClaims() {
		var user = Users.signUp(api);
		var access = JWT.decode(user.accessToken());
		var refresh = JWT.decode(user.refreshToken());

		assertThat(access.getAlgorithm()).isEqualTo("RS256");
		assertThat(access.getSubject()).isEqualTo(user.id());
		assertThat(access.getIssuer()).isEqualTo(properties.issuer());
		assertThat(access.getAudience()).containsExactly(properties.audience());
		assertThat(access.getNotBefore()).isEqualTo(access.getIssuedAt());
		assertThat(Duration.between(access.getIssuedAtAsInstant(), access.getExpiresAtAsInstant()))
			.isEqualTo(properties.accessTokenValidity());
		assertThat(access.getId()).matches("[0-9a-f]{64}").isNotEqualTo(refresh.getId());
		assertThat(access.getClaim("token_use").asString()).isEqualTo("access");
		assertThat(refresh.getClaim("token_use").asString()).isEqualTo("refresh");
	}

	@Test
	void rejectsMissingAndMalformedAuthorization() {
		assertFailure(api.get("/auth/profile/mine"), 401, "permission denied: missing Authorization");
		assertFailure(api.with("Authorization", "Token abc").get("/auth/profile/mine"), 401,
				"permission denied: invalid Authorization");
		assertFailure(api.with("Authorization", "Bearer ").get("/auth/profile/mine"), 401,
				"permission denied: invalid Authorization");
		assertFailure(api.with("Authorization", "bearer abc").get("/auth/profile/mine"), 401,
				"permission denied: invalid Authorization");
	}

	@Test
	void rejectsATamperedToken() {
		var user = Users.signUp(api);
		String[] parts = user.accessToken().split("\\.");
		String otherSubject = base64("{\"iss\":\"" + properties.issuer() + "\",\"sub\":\"" + UUID.randomUUID()
				+ "\",\"aud\":\"" + properties.audience() + "\",\"token_use\":\"access\"}");

		assertFailure(api.bearer(parts[0] + "." + otherSubject + "." + parts[2]).get("/auth/profile/mine"), 401,
				"permission denied: invalid access token");
		assertFailure(api.bearer(user.accessToken() + "x").get("/auth/profile/mine"), 401,
				"permission denied: invalid access token");
	}

	@Test
	void rejectsAnExpiredToken() {
		var user = Users.signUp(api);
		String expired = codec.sign(UUID.fromString(user.id()), JWT.decode(user.accessToken()).getId(), TokenCodec.Use.ACCESS,
				Instant.now().minus(properties.accessTokenValidity()).minus(Duration.ofMinutes(5)));

		assertFailure(api.bearer(expired).get("/auth/profile/mine"), 401, "permission denied: token is expired");
	}

	@Test
	void rejectsAlgNoneTokens() {
		var user = Users.signUp(api);
		String payload = user.accessToken().split("\\.")[1];
		String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";

		assertFailure(api.bearer(unsigned).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
	}

	@Test
	void rejectsHs256TokensSignedWithThePublicKey() {
		var user = Users.signUp(api);
		var genuine = JWT.decode(user.accessToken());
		byte[] publicKey = RsaKeys.load(properties).publicKey().getEncoded();
		String forged = JWT.create()
			.withIssuer(genuine.getIssuer()).withSubject(genuine.getSubject()).withAudience(properties.audience())
			.withIssuedAt(genuine.getIssuedAtAsInstant()).withNotBefore(genuine.getNotBeforeAsInstant())
			.withExpiresAt(genuine.getExpiresAtAsInstant()).withJWTId(genuine.getId()).withClaim("token_use", "access")
			.sign(Algorithm.HMAC256(publicKey));

		assertFailure(api.bearer(forged).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
	}

	@Test
	void refreshTokenIsNoAccessToken() {
		var user = Users.signUp(api);

		assertFailure(api.bearer(user.refreshToken()).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
	}

	@Test
	void accessTokenIsNoRefreshToken() {
		var user = Users.signUp(api);

		assertFailure(api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.accessToken())),
				401, "permission denied: invalid refresh token");
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
