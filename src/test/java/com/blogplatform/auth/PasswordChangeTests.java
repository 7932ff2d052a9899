package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code PUT /auth/password} and the password policy for new passwords (at least 8 characters, not
 * on the bundled list of common passwords), which sign-in does not apply to existing passwords.
 */
@ApiTest
class PasswordChangeTests {

	@LocalServer
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void changesThePasswordEndsOtherSessionsAndKeepsTheCallers() {
		var user = Users.signUp(api);
		var otherSession = Users.signIn(api, user.email(), user.password());

		var changed = api.bearer(user.accessToken())
			.put("/auth/password", Map.of("currentPassword", user.password(), "newPassword", "a-new-passphrase"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.message()).isEqualTo("password changed");
		assertFailure(api.post("/auth/signin/basic", Map.of("email", user.email(), "password", user.password())), 401,
				"wrong password");
		assertThat(api.post("/auth/signin/basic", Map.of("email", user.email(), "password", "a-new-passphrase")).status())
			.isEqualTo(200);
		assertThat(api.bearer(user.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(api.bearer(user.accessToken())
			.post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken())).status()).isEqualTo(200);
		assertFailure(api.bearer(otherSession.accessToken()).get("/auth/profile/mine"), 401,
				"permission denied: invalid access token");
		assertThat(api.bearer(otherSession.accessToken())
			.post("/auth/token/refresh", Map.of("refreshToken", otherSession.refreshToken())).status()).isEqualTo(401);
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() {
		var user = Users.signUp(api);
		var otherSession = Users.signIn(api, user.email(), user.password());

		assertFailure(api.bearer(user.accessToken())
			.put("/auth/password", Map.of("currentPassword", "not-the-password", "newPassword", "a-new-passphrase")), 401,
				"wrong password");

		assertThat(api.post("/auth/signin/basic", Map.of("email", user.email(), "password", user.password())).status())
			.isEqualTo(200);
		assertThat(api.bearer(otherSession.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
	}

	@Test
	void theNewPasswordMustFollowThePolicy() {
		var user = api.bearer(Users.signUp(api).accessToken());
		String current = "secret-password";

		assertFailure(user.put("/auth/password", Map.of("currentPassword", current, "newPassword", "short7!")), 400,
				"newpassword must be at least 8 characters");
		assertFailure(user.put("/auth/password", Map.of("currentPassword", current, "newPassword", "p".repeat(101))), 400,
				"newpassword must be at most 100 characters");
		assertFailure(user.put("/auth/password", Map.of("currentPassword", current, "newPassword", "password1")), 400,
				"newpassword is too common, choose another one");
		assertFailure(user.put("/auth/password", Map.of("currentPassword", current, "newPassword", "PassWord1")), 400,
				"newpassword is too common, choose another one");
		assertFailure(user.put("/auth/password", Map.of("currentPassword", current, "newPassword", current)), 400,
				"newpassword must differ from currentpassword");
		assertFailure(user.put("/auth/password", Map.of("newPassword", "a-new-passphrase")), 400, "currentpassword is required");
	}

	@Test
	void needsASession() {
		assertFailure(api.put("/auth/password", Map.of("currentPassword", "secret-password", "newPassword", "a-new-passphrase")),
				401, "permission denied: missing Authorization");
		assertFailure(api.withoutApiKey().put("/auth/password", Map.of("currentPassword", "x", "newPassword", "y")), 401,
				"x-api-key header is missing");
	}

	@Test
	void signUpAppliesThePolicy() {
		assertFailure(api.post("/auth/signup/basic", Map.of("email", Users.uniqueEmail(), "password", "seven77", "name", "Ada")),
				400, "password must be at least 8 characters");
		assertFailure(api.post("/auth/signup/basic", Map.of("email", Users.uniqueEmail(), "password", "12345678", "name", "Ada")),
				400, "password is too common, choose another one");
		assertFailure(api.post("/auth/signup/basic", Map.of("email", Users.uniqueEmail(), "password", "Trustno1", "name", "Ada")),
				400, "password is too common, choose another one");
	}

	@Test
	void anExistingSixCharacterPasswordStillSignsInAndCanBeChanged() {
		UUID id = UUID.randomUUID();
		String email = Users.uniqueEmail();
		jdbc.sql("INSERT INTO users (id, email, password, name) VALUES (:id, :email, :password, 'Legacy')")
			.param("id", id).param("email", email).param("password", new BCryptPasswordEncoder(5).encode("abc987")).update();
		jdbc.sql("INSERT INTO user_roles (user_id, role_id) SELECT :id, id FROM roles WHERE code = 'LEARNER'")
			.param("id", id).update();

		var session = Users.signIn(api, email, "abc987");

		assertThat(api.bearer(session.accessToken())
			.put("/auth/password", Map.of("currentPassword", "abc987", "newPassword", "a-longer-passphrase")).status())
			.isEqualTo(200);
	}
}
