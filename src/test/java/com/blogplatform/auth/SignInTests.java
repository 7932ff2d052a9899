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

@ApiTest
class SignInTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServer
	ApiClient api;

	@Test
	void signsInWithANewSessionEachTime() {
		var user = Users.signUp(api);

		var first = api.post("/auth/signin/basic", Map.of("email", user.email(), "password", user.password()));
		var second = api.post("/auth/signin/basic", Map.of("email", user.email(), "password", user.password()));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.data().path("user").path("id").asString()).isEqualTo(user.id());
		String firstToken = first.data().path("tokens").path("accessToken").asString();
		String secondToken = second.data().path("tokens").path("accessToken").asString();
		assertThat(firstToken).isNotEqualTo(secondToken);
		assertThat(api.bearer(firstToken).get("/auth/profile/mine").status()).isEqualTo(200);
		assertThat(api.bearer(secondToken).get("/auth/profile/mine").status()).isEqualTo(200);
	}

	@Test
	void answersAnUnknownEmailExactlyLikeAWrongPassword() {
		var user = Users.signUp(api);

		var wrongPassword = api.post("/auth/signin/basic", Map.of("email", user.email(), "password", "not-the-password"));
		var unknownEmail = api.post("/auth/signin/basic", Map.of("email", Users.uniqueEmail(), "password", "not-the-password"));

		assertFailure(wrongPassword, 401, "wrong password");
		assertFailure(unknownEmail, 401, "wrong password");
		assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
	}

	@Test
	void signsInTheSeededAdministratorWithAllFourRoles() {
		var response = api.post("/auth/signin/basic", Map.of("email", Users.ADMIN_EMAIL, "password", Users.ADMIN_PASSWORD));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("user").path("roles").valueStream().map(role -> role.path("code").asString()))
			.containsExactlyInAnyOrder("LEARNER", "AUTHOR", "EDITOR", "ADMIN");
	}

	@Test
	void validatesTheBody() {
		assertFailure(api.post("/auth/signin/basic", "{}"), 400, "email is required, password is required");
		assertFailure(api.post("/auth/signin/basic", Map.of("email", "x", "password", "12")), 400,
				"email is not a valid email, password must be at least 6 characters");
	}

	@Test
	void acceptsTheReferencesBcryptHashesAndUpgradesThemOnSignIn() {
		UUID id = UUID.randomUUID();
		String email = Users.uniqueEmail();
		String legacyHash = new BCryptPasswordEncoder(5).encode("changeit");
		jdbc.sql("INSERT INTO users (id, email, password, name) VALUES (:id, :email, :password, 'Legacy')")
			.param("id", id).param("email", email).param("password", legacyHash).update();
		jdbc.sql("INSERT INTO user_roles (user_id, role_id) SELECT :id, id FROM roles WHERE code = 'LEARNER'")
			.param("id", id).update();

		var response = api.post("/auth/signin/basic", Map.of("email", email, "password", "changeit"));

		assertThat(response.status()).isEqualTo(200);
		String stored = jdbc.sql("SELECT password FROM users WHERE id = :id").param("id", id).query(String.class).single();
		assertThat(stored).startsWith("{argon2}");
		assertThat(api.post("/auth/signin/basic", Map.of("email", email, "password", "changeit")).status()).isEqualTo(200);
	}

	@Test
	void refusesADeactivatedAccount() {
		var user = Users.signUp(api);
		jdbc.sql("UPDATE users SET status = FALSE WHERE id = :id::uuid").param("id", user.id()).update();

		assertFailure(api.post("/auth/signin/basic", Map.of("email", user.email(), "password", user.password())), 401,
				"wrong password");
		assertFailure(api.bearer(user.accessToken()).get("/auth/profile/mine"), 401,
				"permission denied: claims subject does not exists");
	}
}
