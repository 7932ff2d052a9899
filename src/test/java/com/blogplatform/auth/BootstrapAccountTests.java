package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.Users;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bootstrap administrator's configured password is not ignored once the account exists: a
 * changed configuration is applied at the next start (what {@code Bootstrap} runs on every
 * instance), and the sessions opened with the old password end.
 */
@ApiTest
class BootstrapAccountTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient("http://localhost:" + port);
	}

	@Test
	void aChangedConfiguredPasswordIsAppliedAndEndsTheOldSessions() {
		String email = Users.uniqueEmail();
		accounts.ensureAccount(email, "first-configured-pw", "Ops", EnumSet.allOf(Role.class));
		var before = Users.signIn(api, email, "first-configured-pw");

		accounts.ensureAccount(email, "rotated-configured-pw", "Ops", EnumSet.allOf(Role.class));

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
		accounts.ensureAccount(email, "stable-configured-pw", "Ops", EnumSet.allOf(Role.class));
		var session = Users.signIn(api, email, "stable-configured-pw");

		accounts.ensureAccount(email, "stable-configured-pw", "Ops", EnumSet.allOf(Role.class));

		assertThat(api.bearer(session.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(api.bearer(session.accessToken()).get("/auth/profile/mine").data().path("roles").size())
			.isEqualTo(Role.values().length);
	}
}
