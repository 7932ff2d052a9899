package com.blogplatform.shared;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What README's deliberate differences promise about routing and responses: no trailing-slash
 * redirects, bare prefixes are not routes, and one {@code Content-Type} for every answer.
 */
@ApiTest
class ResponseShapeTests {

	@LocalServer
	ApiClient api;

	@Test
	void aTrailingSlashIsNotRedirectedButNotFound() {
		ApiClient user = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());

		assertFailure(user.get("/auth/profile/mine/"), 404, "url not found");
		assertFailure(api.get("/blog/list/latest/?page=1&limit=1"), 404, "url not found");
		assertFailure(api.get("/auth/health/"), 404, "url not found");
	}

	@Test
	void theAuthorRootIsServedWithAndWithoutItsSlash() {
		ApiClient author = api.bearer(Users.withRoles(api, "AUTHOR").accessToken());

		assertThat(author.post("/blog/author", BlogFixtures.newBlog("No slash", List.of("ROOT"))).status()).isEqualTo(200);
		assertThat(author.post("/blog/author/", BlogFixtures.newBlog("Slash", List.of("ROOT"))).status()).isEqualTo(200);
	}

	@Test
	void bareModulePrefixesAreNoRoutes() {
		assertFailure(api.get("/auth"), 404, "url not found");
		assertFailure(api.get("/blog"), 404, "url not found");
	}

	@Test
	void everyAnswerIsJsonWithoutACharsetParameter() {
		ApiClient learner = api.bearer(Users.withRoles(api, "LEARNER").accessToken());
		List<ApiClient.Response> responses = List.of(api.get("/auth/health"), // a controller's success
				api.get("/blog/list/latest"), // 400 from the exception handler
				api.withoutApiKey().get("/auth/profile/mine"), // 401 from the security chain
				learner.get("/blog/author/drafts?page=1&limit=1"), // 403 from the security chain
				api.get("/auth/health;x=1")); // the firewall

		assertThat(responses).extracting(ResponseShapeTests::contentType)
			.containsExactly("application/json", "application/json", "application/json", "application/json", "application/json");
	}

	@Test
	void noAnswerCreatesASession() {
		var user = Users.withRoles(api, "AUTHOR");
		ApiClient author = api.bearer(user.accessToken());
		List<ApiClient.Response> responses = List.of(author.get("/auth/profile/mine"),
				author.get("/blog/author/drafts?page=1&limit=1"), api.withoutApiKey().get("/auth/profile/mine"),
				api.bearer("not-a-token").get("/blog/author/drafts"), api.get("/blog/list/latest?page=1&limit=1"));

		assertThat(responses).allSatisfy(response -> assertThat(response.headers().keySet())
			.as(response.toString())
			.noneMatch(name -> name.equalsIgnoreCase("set-cookie")));
	}

	private static String contentType(ApiClient.Response response) {
		return response.headers().entrySet().stream()
			.filter(header -> header.getKey().equalsIgnoreCase("content-type"))
			.flatMap(header -> header.getValue().stream())
			.reduce((a, b) -> a + ", " + b)
			.orElse(null);
	}
}
