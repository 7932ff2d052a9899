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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refresh rotation, reuse detection, the grace window for concurrent refreshes, the family's absolute
 * lifetime, and sign-out. Time is made to pass by moving timestamps of the session rows back.
 */
@ApiTest
class SessionLifecycleTests {

	@Autowired
	TokenCodec codec;

	@Autowired
	JdbcClient jdbc;

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
	void replayingAUsedRefreshTokenAfterTheGraceWindowRevokesTheWholeFamily() {
		var user = Users.signUp(api);
		var rotated = refresh(user.accessToken(), user.refreshToken());
		String liveAccess = rotated.data().path("accessToken").asString();
		String liveRefresh = rotated.data().path("refreshToken").asString();
		ageRotation(user.refreshToken(), Duration.ofSeconds(31));

		var replay = refresh(user.accessToken(), user.refreshToken());

		assertFailure(replay, 401, "permission denied: refresh token reuse detected, session revoked");
		assertFailure(api.bearer(liveAccess).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
		assertThat(refresh(liveAccess, liveRefresh).status()).isEqualTo(401);
	}

	@Test
	void presentingARefreshTokenAgainWithinTheGraceWindowAnswersTheSamePairAndRevokesNothing() {
		var user = Users.signUp(api);
		var first = refresh(user.accessToken(), user.refreshToken());

		var again = refresh(user.accessToken(), user.refreshToken());

		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(tokenId(again, "accessToken")).isEqualTo(tokenId(first, "accessToken"));
		assertThat(tokenId(again, "refreshToken")).isEqualTo(tokenId(first, "refreshToken"));
		assertThat(api.bearer(first.data().path("accessToken").asString()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(api.bearer(again.data().path("accessToken").asString()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(refresh(again.data().path("accessToken").asString(), again.data().path("refreshToken").asString()).status())
			.isEqualTo(200);
	}

	@Test
	void withinTheGraceWindowARotatedRefreshTokenWithAnotherAccessTokenIsStillAReplay() {
		var user = Users.signUp(api);
		var first = refresh(user.accessToken(), user.refreshToken());
		String newAccess = first.data().path("accessToken").asString();

		var replay = refresh(newAccess, user.refreshToken());

		assertFailure(replay, 401, "permission denied: refresh token reuse detected, session revoked");
		assertFailure(api.bearer(newAccess).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
	}

	@Test
	void concurrentRefreshesWithOnePairAllGetTheSuccessorAndTheSessionSurvives() throws Exception {
		var user = Users.signUp(api);
		int clients = 6;
		var start = new CountDownLatch(1);
		List<Future<ApiClient.Response>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < clients; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return refresh(user.accessToken(), user.refreshToken());
				}));
			}
			start.countDown();
		}
		Set<String> successors = new HashSet<>();
		for (Future<ApiClient.Response> result : results) {
			var response = result.get();
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			successors.add(tokenId(response, "refreshToken"));
		}

		assertThat(successors).hasSize(1);
		var last = results.getLast().get();
		assertThat(api.bearer(last.data().path("accessToken").asString()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM keystore WHERE user_id = :id::uuid AND status").param("id", user.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFamilyOlderThanItsAbsoluteLifetimeIsRefusedARefresh() {
		var user = Users.signUp(api);
		jdbc.sql("UPDATE keystore SET family_started_at = now() - interval '30 days 1 minute' WHERE user_id = :id::uuid")
			.param("id", user.id()).update();

		assertFailure(refresh(user.accessToken(), user.refreshToken()), 401, "permission denied: session expired, sign in again");
		assertFailure(api.bearer(user.accessToken()).get("/auth/profile/mine"), 401, "permission denied: invalid access token");
	}

	@Test
	void tokensIssuedNearTheEndOfTheFamilyExpireWithIt() {
		var user = Users.signUp(api);
		jdbc.sql("UPDATE keystore SET family_started_at = now() - interval '29 days 23 hours' WHERE user_id = :id::uuid")
			.param("id", user.id()).update();

		var refreshed = refresh(user.accessToken(), user.refreshToken());

		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		Instant expires = JWT.decode(refreshed.data().path("refreshToken").asString()).getExpiresAtAsInstant();
		assertThat(expires).isBefore(Instant.now().plus(Duration.ofHours(1).plusMinutes(1)));
	}

	@Test
	void reuseInOneSessionLeavesOtherSessionsAlone() {
		var user = Users.signUp(api);
		var other = Users.signIn(api, user.email(), user.password());
		refresh(user.accessToken(), user.refreshToken());
		ageRotation(user.refreshToken(), Duration.ofMinutes(1));

		assertThat(refresh(user.accessToken(), user.refreshToken()).status()).isEqualTo(401);

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

	private ApiClient.Response refresh(String accessToken, String refreshToken) {
		return api.bearer(accessToken).post("/auth/token/refresh", Map.of("refreshToken", refreshToken));
	}

	/** Moves the rotation of the row of this refresh token into the past, as if that much time had gone by. */
	private void ageRotation(String refreshToken, Duration by) {
		jdbc.sql("UPDATE keystore SET rotated_at = rotated_at - make_interval(secs => :seconds) WHERE s_key = :refreshId")
			.param("seconds", by.toSeconds()).param("refreshId", JWT.decode(refreshToken).getId()).update();
	}

	private static String tokenId(ApiClient.Response response, String token) {
		return JWT.decode(response.data().path(token).asString()).getId();
	}
}
