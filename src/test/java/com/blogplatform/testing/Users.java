package com.blogplatform.testing;

import java.util.Map;
import java.util.UUID;

/** Test users created through the public API. */
public final class Users {

	public static final String ADMIN_EMAIL = "admin@afteracademy.com";

	public static final String ADMIN_PASSWORD = "changeit";

	private Users() {
	}

	/** A signed-up user: id, credentials and the tokens of its first session. */
	public record TestUser(String id, String email, String password, String accessToken, String refreshToken) {
	}

	public static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

	public static TestUser signUp(ApiClient api) {
		String email = uniqueEmail();
		var response = api.post("/auth/signup/basic", Map.of("email", email, "password", "secret-password", "name", "Test User"));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-up failed: " + response);
		}
		var data = response.data();
		return new TestUser(data.path("user").path("id").asString(), email, "secret-password",
				data.path("tokens").path("accessToken").asString(), data.path("tokens").path("refreshToken").asString());
	}

	public static TestUser signIn(ApiClient api, String email, String password) {
		var response = api.post("/auth/signin/basic", Map.of("email", email, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in failed: " + response);
		}
		var data = response.data();
		return new TestUser(data.path("user").path("id").asString(), email, password,
				data.path("tokens").path("accessToken").asString(), data.path("tokens").path("refreshToken").asString());
	}

	public static TestUser admin(ApiClient api) {
		return signIn(api, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	/** Signs up a user and has the admin give it exactly these roles; returns a fresh session. */
	public static TestUser withRoles(ApiClient api, String... roles) {
		return withRoles(api, admin(api), roles);
	}

	/** A client signed in as a new user with exactly these roles. */
	public static ApiClient clientWithRoles(ApiClient api, String... roles) {
		return api.bearer(withRoles(api, roles).accessToken());
	}

	/** The same, with this administrator (a deployment with its own bootstrap credentials). */
	public static TestUser withRoles(ApiClient api, TestUser admin, String... roles) {
		TestUser user = signUp(api);
		var response = api.bearer(admin.accessToken())
			.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", java.util.List.of(roles)));
		if (response.status() != 200) {
			throw new IllegalStateException("role assignment failed: " + response);
		}
		return signIn(api, user.email(), user.password());
	}
}
