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

@ApiTest
class ProfileTests {

	@LocalServer
	ApiClient api;

	@Test
	void showsAPublicProfileWithoutTheEmail() {
		var user = Users.signUp(api);

		var response = api.get("/auth/profile/id/" + user.id());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("id").asString()).isEqualTo(user.id());
		assertThat(response.data().path("name").asString()).isEqualTo("Test User");
		assertThat(response.data().has("email")).isFalse();
		assertThat(response.data().has("roles")).isFalse();
	}

	@Test
	void rejectsIdsThatAreNotLowerCaseUuids() {
		assertFailure(api.get("/auth/profile/id/abc"), 400, "id must be a valid UUID");
		assertFailure(api.get("/auth/profile/id/" + UUID.randomUUID().toString().toUpperCase()), 400, "id must be a valid UUID");
	}

	@Test
	void answersNotFoundForAnUnknownUser() {
		assertFailure(api.get("/auth/profile/id/" + UUID.randomUUID()), 404, "user does not exists");
	}

	@Test
	void showsTheCallersOwnPrivateProfile() {
		var user = Users.signUp(api);

		var response = api.bearer(user.accessToken()).get("/auth/profile/mine");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("id").asString()).isEqualTo(user.id());
		assertThat(response.data().path("email").asString()).isEqualTo(user.email());
		assertThat(response.data().path("roles").get(0).path("code").asString()).isEqualTo("LEARNER");
	}

	@Test
	void administratorAssignsRoles() {
		var user = Users.signUp(api);
		var admin = Users.admin(api);

		var response = api.bearer(admin.accessToken())
			.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", java.util.List.of("AUTHOR", "EDITOR")));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.data().path("roles").valueStream().map(role -> role.path("code").asString()))
			.containsExactlyInAnyOrder("AUTHOR", "EDITOR");
		assertThat(api.bearer(user.accessToken()).get("/auth/profile/mine").data().path("roles")).hasSize(2);
	}

	@Test
	void onlyAnAdministratorAssignsRoles() {
		var user = Users.signUp(api);

		assertFailure(api.bearer(user.accessToken()).put("/auth/admin/user/id/" + user.id() + "/roles",
				Map.of("roles", java.util.List.of("ADMIN"))), 403, "permission denied: does not have suffient role");
		assertFailure(api.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", java.util.List.of("ADMIN"))), 401,
				"permission denied: missing Authorization");
	}

	@Test
	void rejectsUnknownRolesAndEmptyRoleLists() {
		var user = Users.signUp(api);
		var admin = api.bearer(Users.admin(api).accessToken());

		assertFailure(admin.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", java.util.List.of("ROOT"))), 400,
				"roles[0] has an invalid value");
		assertFailure(admin.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", java.util.List.of())), 400,
				"roles must be at least 1 characters");
		assertFailure(admin.put("/auth/admin/user/id/" + UUID.randomUUID() + "/roles", Map.of("roles", java.util.List.of("AUTHOR"))),
				404, "user does not exists");
	}
}
