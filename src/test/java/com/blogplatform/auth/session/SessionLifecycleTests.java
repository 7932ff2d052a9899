package com.blogplatform.auth.session;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import com.auth0.jwt.JWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

/**
 * Refresh rotation, reuse detection and sign-out.
 */
@ApiTest
class SessionLifecycleTests {

	@Autowired
	TokenCodec codec;

	@LocalServer
	ApiClient api;

	@Test
	void rotatesTokensOnRefreshAndRetiresTheOldPair() {
		var user = Users.signUp(api);

		var refreshed = api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));

		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		assertThat(refreshed.message()).isEqualTo("success");
		String newAccess = refreshed.data().path("accessToken").asString();
		String newRefresh = refreshed.data().path("refreshToken").asString();
		assertThat(newAccess).isNotEqualTo(user.accessToken());
		assertThat(newRefresh).isNotEqualTo(user.refreshToken());
		assertThat(api.bearer(newAccess).get("/auth/profile/mine").status()).isEqualTo(200);
		assertFailure(api.bearer(user.accessToken()).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
	}

	@Test
	void replayingAUsedRefreshTokenRevokesTheWholeFamily() {
		var user = Users.signUp(api);
		var rotated = api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));
		String liveAccess = rotated.data().path("accessToken").asString();
		String liveRefresh = rotated.data().path("refreshToken").asString();

		var replay = api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));

		assertFailure(replay, 401, "permission denied: refresh token reuse detected, session revoked");
		assertFailure(api.bearer(liveAccess).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
		assertThat(api.bearer(liveAccess).post("/auth/token/refresh", Map.of("refreshToken", liveRefresh)).status())
			.isEqualTo(401);
	}

	@Test
	void reuseInOneSessionLeavesOtherSessionsAlone() {
		var user = Users.signUp(api);
		var other = Users.signIn(api, user.email(), user.password());
		api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));

		api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));

		assertThat(api.bearer(other.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
	}

	@Test
	void refreshesWithAnExpiredButGenuineAccessToken() {
		var user = Users.signUp(api);
		String expiredAccess = codec.sign(UUID.fromString(user.id()), JWT.decode(user.accessToken()).getId(),
				TokenCodec.Use.ACCESS, Instant.now().minus(Duration.ofDays(1)));

		var refreshed = api.bearer(expiredAccess).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));

		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
	}

	@Test
	void refusesAPairFromTwoUsers() {
		var user = Users.signUp(api);
		var other = Users.signUp(api);

		assertFailure(api.bearer(other.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken())),
				401, "permission denied: access and refresh claims mismatch");
	}

	@Test
	void refusesRefreshWithoutAGenuineAccessToken() {
		var user = Users.signUp(api);

		assertFailure(api.post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken())), 401,
				"permission denied: invalid Authorization");
		assertFailure(api.with("Authorization", "Bearer garbage").post("/auth/token/refresh",
				Map.of("refreshToken", user.refreshToken())), 401, "permission denied: invalid access claims");
		assertFailure(api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", "garbage")), 401,
				"permission denied: invalid refresh token");
	}

	@Test
	void requiresTheRefreshTokenField() {
		var user = Users.signUp(api);

		assertFailure(api.bearer(user.accessToken()).post("/auth/token/refresh", "{}"), 400, "refreshtoken is required");
	}

	@Test
	void signOutEndsThisSessionOnly() {
		var user = Users.signUp(api);
		var other = Users.signIn(api, user.email(), user.password());

		var signOut = api.bearer(user.accessToken()).delete("/auth/signout");

		assertThat(signOut.status()).isEqualTo(200);
		assertThat(signOut.message()).isEqualTo("signout success");
		assertThat(signOut.json().has("data")).isFalse();
		assertFailure(api.bearer(user.accessToken()).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
		assertThat(api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken())).status())
			.isEqualTo(401);
		assertThat(api.bearer(other.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
	}

	@Test
	void signOutNeedsAValidToken() {
		assertFailure(api.delete("/auth/signout"), 401, "permission denied: missing Authorization");
	}
}
