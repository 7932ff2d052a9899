package com.blogplatform.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthResult;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link InProcessAuthPort#authenticateWithoutBlocking}, what the NATS responder answers on its dispatcher's
 * thread: an answer only where memory decides, never a grant the database has since ended.
 */
@ApiTest
class AuthenticationFromMemoryTests {

	@Autowired
	InProcessAuthPort port;

	@Autowired
	SessionGrants grants;

	@LocalServer
	ApiClient api;

	@BeforeEach
	void grantsAreKept() {
		Waiting.until(Duration.ofSeconds(10), grants::listening);
	}

	@Test
	void answersAKeptGrantAndLeavesAnUnknownOneToTheDatabase() {
		var user = Users.signUp(api);
		String header = "Bearer " + user.accessToken();
		// Signing up reads nothing through the grants: this process has not kept this token's grant yet.
		assertThat(port.authenticateWithoutBlocking(header)).as("not kept yet: only the database can tell").isEmpty();

		assertThat(port.authenticate(header)).isInstanceOf(AuthResult.Authenticated.class);

		answeredFromMemory(header);
		assertThat(port.authenticateWithoutBlocking(header)).hasValueSatisfying(result -> assertThat(result)
			.isInstanceOfSatisfying(AuthResult.Authenticated.class,
					authenticated -> assertThat(authenticated.user().id()).isEqualTo(UUID.fromString(user.id()))));
	}

	@Test
	void neverAnswersAGrantEndedBySignOutOrRotation() {
		var signedOut = Users.signUp(api);
		var rotated = Users.signUp(api);
		for (var user : List.of(signedOut, rotated)) {
			assertThat(port.authenticate("Bearer " + user.accessToken())).isInstanceOf(AuthResult.Authenticated.class);
			answeredFromMemory("Bearer " + user.accessToken());
		}

		assertThat(api.bearer(signedOut.accessToken()).delete("/auth/signout").status()).isEqualTo(200);
		assertThat(api.bearer(rotated.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", rotated.refreshToken()))
			.status()).isEqualTo(200);

		for (var user : List.of(signedOut, rotated)) {
			assertThat(port.authenticateWithoutBlocking("Bearer " + user.accessToken())).as("dropped when the change was answered")
				.isEmpty();
			assertThat(port.authenticate("Bearer " + user.accessToken()))
				.isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid access token"));
		}
	}

	/**
	 * Kept grants are used only while the listener's last round trip is fresh (SessionGrants): on a
	 * loaded machine that may lapse for a moment, so the kept grant is waited for, not sampled once.
	 */
	private void answeredFromMemory(String header) {
		Waiting.until(Duration.ofSeconds(10), () -> port.authenticateWithoutBlocking(header).isPresent());
	}

	@Test
	void answersWhatTheHeaderOrTheTokenDecide() {
		var user = Users.signUp(api);

		assertThat(port.authenticateWithoutBlocking(null))
			.contains(new AuthResult.Unauthenticated("permission denied: missing Authorization"));
		assertThat(port.authenticateWithoutBlocking("Token abc"))
			.contains(new AuthResult.Unauthenticated("permission denied: invalid Authorization"));
		assertThat(port.authenticateWithoutBlocking("Bearer " + user.accessToken() + "x"))
			.contains(new AuthResult.Unauthenticated("permission denied: invalid access token"));
	}
}
