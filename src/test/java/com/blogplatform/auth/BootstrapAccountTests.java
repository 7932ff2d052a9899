package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bootstrap administrator's configured password is not ignored once the account exists: a
 * changed configuration is applied at the next start (what {@code Bootstrap} runs on every
 * instance), and the sessions opened with the old password end.
 */
@ApiTest
class BootstrapAccountTests {

	@Autowired
	AccountManagement accounts;

	@LocalServer
	ApiClient api;

	@Test
	void aChangedConfiguredPasswordIsAppliedAndEndsTheOldSessions() {
		String email = Users.uniqueEmail();
		var before = configureAndSignIn(email, "first-configured-pw");

		configure(email, "rotated-configured-pw");

		assertFailure(api.post("/auth/signin/basic", Map.of("email", email, "password", "first-configured-pw")), 401,
				"wrong password");
		var after = Users.signIn(api, email, "rotated-configured-pw");
		assertThat(api.bearer(after.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(api.bearer(before.accessToken()).get("/auth/profile/mine").status())
			.as("a session opened with the old password ends with it").isEqualTo(401);
	}

	@Test
	void anUnchangedConfigurationChangesNothing() {
		String email = Users.uniqueEmail();
		var session = configureAndSignIn(email, "stable-configured-pw");

		configure(email, "stable-configured-pw");

		assertThat(api.bearer(session.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(api.bearer(session.accessToken()).get("/auth/profile/mine").data().path("roles").size())
			.isEqualTo(Role.values().length);
	}

	/** What {@code Bootstrap} does at start-up with a configured administrator. */
	private void configure(String email, String password) {
		accounts.ensureAccount(email, password, "Ops", EnumSet.allOf(Role.class));
	}

	private Users.TestUser configureAndSignIn(String email, String password) {
		configure(email, password);
		return Users.signIn(api, email, password);
	}
}
