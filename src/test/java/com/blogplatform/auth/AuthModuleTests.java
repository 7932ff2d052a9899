package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.blog.content.BlogManagement;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ContextBeans;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.ModuleApiTest;
import com.blogplatform.testing.Users;
import com.mongodb.client.MongoClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The auth module alone, against the test PostgreSQL, as the auth service runs it (without its NATS
 * responder): its HTTP API and the in-process port, with no blog bean and no MongoDB client.
 */
@ModuleApiTest
@ImportAutoConfiguration(exclude = { MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
		DataMongoRepositoriesAutoConfiguration.class })
@TestPropertySource(properties = "management.endpoint.health.group.readiness.include=readinessState,db") // as auth-service's
class AuthModuleTests {

	@Autowired
	AuthPort port;

	@Autowired
	ApplicationContext context;

	@LocalServer
	ApiClient api;

	@Test
	void runsWithoutTheBlogModule() {
		assertThat(context.getBeanNamesForType(BlogManagement.class)).isEmpty();
		assertThat(context.getBeanNamesForType(MongoClient.class)).isEmpty();
		assertThat(ContextBeans.typesIn(context, "com.blogplatform.blog")).as("beans of the blog module").isEmpty();
	}

	@Test
	void signsUpAndSignsIn() {
		var user = Users.signUp(api);

		var session = Users.signIn(api, user.email(), user.password());

		assertThat(session.id()).isEqualTo(user.id());
		assertThat(session.accessToken()).isNotEqualTo(user.accessToken());
		var profile = api.bearer(session.accessToken()).get("/auth/profile/mine");
		assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
		assertThat(profile.data().path("email").asString()).isEqualTo(user.email());
		assertFailure(api.post("/auth/signin/basic", Map.of("email", user.email(), "password", "not-the-password")), 401,
				"wrong password");
	}

	@Test
	void authenticatesItsTokensInProcess() {
		var author = Users.withRoles(api, "AUTHOR", "EDITOR");

		AuthResult result = port.authenticate("Bearer " + author.accessToken());

		assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class, authenticated -> {
			assertThat(authenticated.user().id()).isEqualTo(UUID.fromString(author.id()));
			assertThat(authenticated.user().email()).isEqualTo(author.email());
			assertThat(authenticated.user().roles()).containsExactlyInAnyOrder(Role.AUTHOR, Role.EDITOR);
		});
		api.bearer(author.accessToken()).delete("/auth/signout");
		assertThat(port.authenticate("Bearer " + author.accessToken()))
			.isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid access token"));
		assertThat(port.authenticate("Bearer not-a-token")).isInstanceOf(AuthResult.Unauthenticated.class);
	}

	@Test
	void checksApiKeysAgainstItsOwnStore() {
		assertThat(api.get("/auth/verify/apikey").status()).isEqualTo(200);
		assertFailure(api.withoutApiKey().get("/auth/verify/apikey"), 401, "x-api-key header is missing");
		assertFailure(api.with("x-api-key", "not-a-key").get("/auth/verify/apikey"), 403, "permission denied: invalid x-api-key");
	}
}
