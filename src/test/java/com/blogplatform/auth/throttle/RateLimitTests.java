package com.blogplatform.auth.throttle;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sign-up and refresh through HTTP with small limits ({@link SmallLimitsApiTest}): per
 * account, per client address (as forwarded by a trusted proxy), progressive back-off, and the 429
 * with {@code Retry-After}.
 */
@SmallLimitsApiTest
class RateLimitTests {

	static final String TOO_MANY = "too many requests, try again later";

	@LocalServer
	ApiClient api;

	@Test
	void limitsSignInPerAccountWhicheverAddressItComesFrom() {
		var user = Users.signUp(from(SmallLimitsApiTest.Addresses.next()));
		for (int i = 0; i < SmallLimitsApiTest.PER_ACCOUNT; i++) {
			assertThat(signIn(from(SmallLimitsApiTest.Addresses.next()), user.email(), user.password()).status()).isEqualTo(200);
		}

		var limited = signIn(from(SmallLimitsApiTest.Addresses.next()), user.email().toUpperCase(), user.password());

		assertLimited(limited);
	}

	@Test
	void limitsSignInPerAddressWhicheverAccountItNames() {
		ApiClient client = from(SmallLimitsApiTest.Addresses.next());
		for (int i = 0; i < SmallLimitsApiTest.PER_ADDRESS; i++) {
			assertFailure(signIn(client, Users.uniqueEmail(), "not-the-password"), 401, "wrong password");
		}

		assertLimited(signIn(client, Users.uniqueEmail(), "not-the-password"));
		assertFailure(signIn(from(SmallLimitsApiTest.Addresses.next()), Users.uniqueEmail(), "not-the-password"), 401,
				"wrong password");
	}

	@Test
	void backsOffAfterConsecutiveFailuresEvenForTheRightPasswordAndASuccessEndsTheStreak() throws InterruptedException {
		var user = Users.signUp(from(SmallLimitsApiTest.Addresses.next()));
		ApiClient client = from(SmallLimitsApiTest.Addresses.next());
		for (int i = 0; i < 3; i++) {
			assertFailure(signIn(client, user.email(), "not-the-password"), 401, "wrong password");
		}

		var backingOff = signIn(client, user.email(), user.password());
		assertLimited(backingOff);
		assertThat(retryAfter(backingOff)).isEqualTo(1);

		Thread.sleep(1100);
		assertThat(signIn(client, user.email(), user.password()).status()).isEqualTo(200);
		for (int i = 0; i < 3; i++) {
			assertFailure(signIn(client, user.email(), "not-the-password"), 401, "wrong password");
		}
		assertLimited(signIn(client, user.email(), "not-the-password"));
	}

	@Test
	void aWrongCurrentPasswordInAPasswordChangeCountsAsAFailedSignIn() {
		var user = Users.signUp(from(SmallLimitsApiTest.Addresses.next()));
		ApiClient session = from(SmallLimitsApiTest.Addresses.next()).bearer(user.accessToken());
		for (int i = 0; i < 2; i++) {
			assertFailure(session.put("/auth/password", Map.of("currentPassword", "not-the-password", "newPassword", "a-new-passphrase")),
					401, "wrong password");
		}
		assertFailure(signIn(from(SmallLimitsApiTest.Addresses.next()), user.email(), "not-the-password"), 401, "wrong password");

		assertLimited(signIn(from(SmallLimitsApiTest.Addresses.next()), user.email(), user.password()));
		assertLimited(session.put("/auth/password", Map.of("currentPassword", user.password(), "newPassword", "a-new-passphrase")));
	}

	@Test
	void anUnknownEmailBacksOffExactlyLikeAWrongPassword() {
		var user = Users.signUp(from(SmallLimitsApiTest.Addresses.next()));
		String unknown = Users.uniqueEmail();
		for (int i = 0; i < 3; i++) {
			signIn(from(SmallLimitsApiTest.Addresses.next()), user.email(), "not-the-password");
			signIn(from(SmallLimitsApiTest.Addresses.next()), unknown, "not-the-password");
		}

		var known = signIn(from(SmallLimitsApiTest.Addresses.next()), user.email(), "not-the-password");
		var unknownAnswer = signIn(from(SmallLimitsApiTest.Addresses.next()), unknown, "not-the-password");

		assertLimited(known);
		assertLimited(unknownAnswer);
		assertThat(unknownAnswer.body()).isEqualTo(known.body());
		assertThat(retryAfter(unknownAnswer)).isEqualTo(retryAfter(known));
	}

	@Test
	void limitsSignUpPerAccount() {
		String email = Users.uniqueEmail();
		var body = Map.of("email", email, "password", "secret-password", "name", "Test User");
		assertThat(from(SmallLimitsApiTest.Addresses.next()).post("/auth/signup/basic", body).status()).isEqualTo(200);
		for (int i = 1; i < SmallLimitsApiTest.PER_ACCOUNT; i++) {
			assertFailure(from(SmallLimitsApiTest.Addresses.next()).post("/auth/signup/basic", body), 400,
					"user already registered");
		}

		assertLimited(from(SmallLimitsApiTest.Addresses.next()).post("/auth/signup/basic", body));
	}

	@Test
	void limitsRefreshPerAddressOnlySoAnUnverifiedClaimCannotExhaustTheVictimsBudget() {
		var victim = Users.signUp(from(SmallLimitsApiTest.Addresses.next()));
		ApiClient attacker = from(SmallLimitsApiTest.Addresses.next()).bearer(victim.accessToken());
		for (int i = 0; i < SmallLimitsApiTest.PER_ADDRESS; i++) {
			assertThat(attacker.post("/auth/token/refresh", Map.of("refreshToken", "forged")).status()).isEqualTo(401);
		}
		assertLimited(attacker.post("/auth/token/refresh", Map.of("refreshToken", "forged")));

		var refreshed = from(SmallLimitsApiTest.Addresses.next()).bearer(victim.accessToken())
			.post("/auth/token/refresh", Map.of("refreshToken", victim.refreshToken()));

		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
	}

	@Test
	void validationFailuresAreAnsweredBeforeAnyLimitIsCharged() {
		ApiClient client = from(SmallLimitsApiTest.Addresses.next());
		for (int i = 0; i < SmallLimitsApiTest.PER_ADDRESS + 2; i++) {
			assertThat(client.post("/auth/signin/basic", "{}").status()).isEqualTo(400);
		}

		assertFailure(signIn(client, Users.uniqueEmail(), "not-the-password"), 401, "wrong password");
	}

	private ApiClient from(String address) {
		return api.with("X-Forwarded-For", address);
	}

	private static ApiClient.Response signIn(ApiClient client, String email, String password) {
		return client.post("/auth/signin/basic", Map.of("email", email, "password", password));
	}

	static void assertLimited(ApiClient.Response response) {
		assertFailure(response, 429, TOO_MANY);
		assertThat(retryAfter(response)).as("Retry-After of %s", response).isGreaterThanOrEqualTo(1);
	}

	static long retryAfter(ApiClient.Response response) {
		return response.headers().entrySet().stream()
			.filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
			.map(header -> Long.parseLong(header.getValue().getFirst()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Retry-After in " + response.headers()));
	}
}
