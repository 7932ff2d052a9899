package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ApiTest
class SignUpTests {

	@LocalServer
	ApiClient api;

	@Test
	void signsUpALearnerWithTwoTokens() {
		String email = Users.uniqueEmail();
		var response = api.post("/auth/signup/basic",
				Map.of("email", email, "password", "secret-1x", "name", "Ada", "profilePicUrl", "https://x.io/a.png"));

		assertThat(response.status()).isEqualTo(200);
		var body = response.json();
		assertThat(body.path("code").asString()).isEqualTo("10000");
		assertThat(body.path("status").asInt()).isEqualTo(200);
		assertThat(body.path("message").asString()).isEqualTo("success");
		var user = body.path("data").path("user");
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("name").asString()).isEqualTo("Ada");
		assertThat(user.path("profilePicUrl").asString()).isEqualTo("https://x.io/a.png");
		assertThat(user.path("roles")).hasSize(1);
		assertThat(user.path("roles").get(0).path("code").asString()).isEqualTo("LEARNER");
		assertThat(user.has("password")).isFalse();
		var tokens = body.path("data").path("tokens");
		assertThat(tokens.path("accessToken").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
		assertThat(tokens.path("refreshToken").asString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+")
			.isNotEqualTo(tokens.path("accessToken").asString());
	}

	@Test
	void omitsAnAbsentProfilePicture() {
		var response = api.post("/auth/signup/basic", Map.of("email", Users.uniqueEmail(), "password", "secret-1x", "name", "Ada"));

		assertThat(response.data().path("user").has("profilePicUrl")).isFalse();
	}

	@Test
	void reportsEveryMissingFieldAndOnlyThose() {
		var response = api.post("/auth/signup/basic", "{}");

		assertFailure(response, 400, "email is required, password is required, name is required");
	}

	@Test
	void reportsRuleFailuresJoinedInFieldOrder() {
		var response = api.post("/auth/signup/basic",
				Map.of("email", "not-an-email", "password", "12345", "name", "A", "profilePicUrl", "/relative.png"));

		assertFailure(response, 400, "email is not a valid email, password must be at least 8 characters, "
				+ "name must be at least 2 characters, profilepicurl is not a valid URL");
	}

	@Test
	void checksRulesOnlyOnceEveryRequiredFieldIsPresent() {
		var response = api.post("/auth/signup/basic", Map.of("email", "not-an-email", "password", "1"));

		assertFailure(response, 400, "name is required");
	}

	@Test
	void rejectsATakenEmailWhateverItsCase() {
		String email = Users.uniqueEmail();
		api.post("/auth/signup/basic", Map.of("email", email, "password", "secret-1x", "name", "Ada"));

		assertFailure(api.post("/auth/signup/basic", Map.of("email", email, "password", "secret-1x", "name", "Ada")), 400,
				"user already registered");
		assertFailure(api.post("/auth/signup/basic", Map.of("email", email.toUpperCase(), "password", "secret-1x", "name", "Ada")),
				400, "user already registered");
	}

	@Test
	void acceptsPasswordsLongerThanBcryptsLimit() {
		String longPassword = "p".repeat(100);
		String email = Users.uniqueEmail();

		assertThat(api.post("/auth/signup/basic", Map.of("email", email, "password", longPassword, "name", "Ada")).status())
			.isEqualTo(200);
		assertThat(api.post("/auth/signin/basic", Map.of("email", email, "password", longPassword)).status()).isEqualTo(200);
	}

	@Test
	void rejectsOversizedFields() {
		assertFailure(api.post("/auth/signup/basic", Map.of("email", Users.uniqueEmail(), "password", "p".repeat(101), "name", "Ada")),
				400, "password must be at most 100 characters");
		assertFailure(api.post("/auth/signup/basic", Map.of("email", Users.uniqueEmail(), "password", "secret-1x", "name", "n".repeat(201))),
				400, "name must be at most 200 characters");
	}

	@Test
	void refusesBodiesLargerThanAnyValidRequest() {
		String huge = "{\"email\":\"a@b.co\",\"password\":\"secret-1x\",\"name\":\"" + "n".repeat(600 * 1024) + "\"}";

		assertFailure(api.post("/auth/signup/basic", huge), 413, "request body is too large");
	}

	@Test
	void cannotGrantItselfRolesThroughUnknownFields() {
		var response = api.post("/auth/signup/basic",
				Map.of("email", Users.uniqueEmail(), "password", "secret-1x", "name", "Mallory", "roles", java.util.List.of("ADMIN")));

		assertFailure(response, 400, "unknown field: roles");
	}

	@Test
	void rejectsOperatorFieldsAndWrongTypes() {
		assertFailure(api.post("/auth/signup/basic", "{\"email\":{\"$gt\":\"\"},\"password\":\"secret-1x\",\"name\":\"Ada\"}"), 400,
				"email has an invalid type");
		assertFailure(api.post("/auth/signup/basic", "{\"email\":\"a@b.co\",\"password\":123456,\"name\":\"Ada\"}"), 400,
				"password has an invalid type");
		assertFailure(api.post("/auth/signup/basic", "{\"$where\":\"1\"}"), 400, "unknown field: $where");
	}

	@Test
	void rejectsMalformedJsonWithoutLeakingDetails() {
		var response = api.post("/auth/signup/basic", "{\"email\": ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("code").asString()).isEqualTo("10001");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("jackson");
	}
}
