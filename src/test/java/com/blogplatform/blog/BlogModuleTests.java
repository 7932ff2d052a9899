package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.blog.content.BlogManagement;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.ContextBeans;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.ModuleApiTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * The blog module alone, as the blog service runs it: no auth module (its port is a stub here, as
 * it is a NATS client there), no PostgreSQL, no API key store (the gateway checks keys); MongoDB is
 * the in-process wire-protocol server, the cache the test Redis. Exercised through HTTP.
 */
@ModuleApiTest
@ImportAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
		DataJdbcRepositoriesAutoConfiguration.class })
@TestPropertySource(properties = "management.endpoint.health.group.readiness.include=readinessState,mongo") // as blog-service's
class BlogModuleTests {

	/**
	 * Auth as blog sees it: {@code Bearer author} and {@code Bearer editor} are users with that
	 * role, {@code Bearer learner} one with neither; any other token is refused. Can be taken down.
	 */
	static class StubAuth implements AuthPort {

		static final AuthenticatedUser AUTHOR = user("Stub Author", Role.AUTHOR);

		static final AuthenticatedUser EDITOR = user("Stub Editor", Role.EDITOR);

		static final AuthenticatedUser LEARNER = user("Stub Learner", Role.LEARNER);

		static final Map<String, AuthenticatedUser> TOKENS = Map.of("Bearer author", AUTHOR, "Bearer editor", EDITOR,
				"Bearer learner", LEARNER);

		volatile boolean down;

		private static AuthenticatedUser user(String name, Role... roles) {
			return new AuthenticatedUser(UUID.randomUUID(), name, name.replace(' ', '.') + "@example.com", null, Set.of(roles));
		}

		@Override
		public AuthResult authenticate(String authorizationHeader) {
			if (down) {
				return new AuthResult.Unavailable("auth service unavailable: no responders");
			}
			if (authorizationHeader == null || authorizationHeader.isEmpty()) {
				return new AuthResult.Unauthenticated("permission denied: missing Authorization");
			}
			AuthenticatedUser user = TOKENS.get(authorizationHeader);
			return user == null ? new AuthResult.Unauthenticated("permission denied: invalid access token")
					: new AuthResult.Authenticated(user);
		}

		@Override
		public AuthResult authorize(UUID userId, Set<Role> anyOf) {
			return byId(userId).<AuthResult>map(user -> user.hasAnyRole(anyOf) ? new AuthResult.Authenticated(user)
					: new AuthResult.Forbidden("permission denied: does not have suffient role"))
				.orElse(new AuthResult.Unauthenticated("permission denied: claims subject does not exists"));
		}

		@Override
		public ProfileResult findProfile(UUID userId) {
			if (down) {
				return new ProfileResult.Unavailable("auth service unavailable: no responders");
			}
			return byId(userId).<ProfileResult>map(user -> new ProfileResult.Found(user.profile())).orElse(new ProfileResult.NotFound());
		}

		private static Optional<AuthenticatedUser> byId(UUID id) {
			return TOKENS.values().stream().filter(user -> user.id().equals(id)).findFirst();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StubbedAuthModule {

		@Bean
		StubAuth stubAuth() {
			return new StubAuth();
		}
	}

	@Autowired
	StubAuth auth;

	@Autowired
	ApplicationContext context;

	@LocalServer
	ApiClient api;

	@AfterEach
	void authBackUp() {
		auth.down = false;
	}

	@Test
	void runsWithoutTheAuthModuleAndWithoutPostgres() {
		assertThat(context.getBeanNamesForType(BlogManagement.class)).hasSize(1);
		assertThat(context.getBeansOfType(AuthPort.class).values()).containsExactly(auth);
		assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
		assertThat(ContextBeans.typesIn(context, "com.blogplatform.auth")).as("beans of the auth module").isEmpty();
	}

	@Test
	void anAuthorsDraftIsPublishedByAnEditorAndReadByAnyoneWithTheAuthorsProfileFromThePort() {
		String id = BlogFixtures.published(api.bearer("author"), api.bearer("editor"), "Modules alone");

		var blog = api.get("/blog/id/" + id).data();

		assertThat(blog.path("author").path("_id").asString()).isEqualTo(StubAuth.AUTHOR.id().toString());
		assertThat(blog.path("author").path("name").asString()).isEqualTo("Stub Author");
		assertThat(blog.path("text").asString()).isEqualTo("The text of Modules alone");
		assertThat(AuthorBlogTests.ids(api.get("/blog/list/latest?page=1&limit=1000"))).contains(id);
		assertThat(AuthorBlogTests.ids(api.bearer("editor").get("/blog/editor/published?page=1&limit=1000"))).contains(id);
	}

	@Test
	void refusesAMissingOrUnknownTokenWithTheReasonTheAuthPortGives() {
		assertFailure(api.get("/blog/author/drafts?page=1&limit=10"), 401, "permission denied: missing Authorization");
		assertFailure(api.bearer("forged").get("/blog/author/drafts?page=1&limit=10"), 401,
				"permission denied: invalid access token");
	}

	@Test
	void refusesAUserWithoutTheRouteRole() {
		String id = BlogFixtures.draft(api.bearer("author"), "Not for authors to publish");

		assertFailure(api.bearer("author").put("/blog/editor/publish/id/" + id, null), 403,
				"permission denied: does not have suffient role");
		assertFailure(api.bearer("editor").get("/blog/author/drafts?page=1&limit=10"), 403,
				"permission denied: does not have suffient role");
		assertFailure(api.bearer("learner").post("/blog/author/", BlogFixtures.newBlog("Learner", List.of("A"))), 403,
				"permission denied: does not have suffient role");
	}

	@Test
	void answers503WhileAuthCannotAnswer() {
		String id = BlogFixtures.draft(api.bearer("author"), "During an outage");

		auth.down = true;

		assertFailure(api.bearer("author").get("/blog/author/drafts?page=1&limit=10"), 503,
				"authentication service unavailable, try again later");
		assertFailure(api.bearer("editor").put("/blog/editor/publish/id/" + id, null), 503,
				"authentication service unavailable, try again later");
		auth.down = false;
		assertThat(api.bearer("author").get("/blog/author/drafts?page=1&limit=10").status()).isEqualTo(200);
	}

	@Test
	void leavesTheApiKeyToTheGateway() {
		assertThat(api.withoutApiKey().get("/blog/list/latest?page=1&limit=10").status()).isEqualTo(200);
		assertThat(api.with("x-api-key", "not-a-key").get("/blog/list/latest?page=1&limit=10").status()).isEqualTo(200);
	}
}
