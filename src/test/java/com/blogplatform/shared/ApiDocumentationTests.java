package com.blogplatform.shared;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.BlogPlatformApplication;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI documents against the running application: each module's document, served without a
 * key under the module's prefix, lists exactly that module's routes, and what it says of each
 * route's security is what the route enforces (key, bearer token, role), so a route added or
 * secured differently without the document following fails here.
 */
@ApiTest
class ApiDocumentationTests {

	private static final List<String> MODULES = List.of("auth", "blog");

	@LocalServer
	ApiClient api;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** One documented operation: {@code GET /blog/id/{id}}, and what the document says of it. */
	record Route(String module, String method, String path, JsonNode operation) {

		boolean open() {
			return operation.path("security").isArray() && operation.path("security").isEmpty();
		}

		boolean bearer() {
			return operation.path("security").findValue("bearer") != null;
		}

		boolean roleRequired() {
			return operation.path("description").asString().contains("Requires the role");
		}

		/** The path with every variable filled: security is decided before any parameter is read. */
		String samplePath() {
			return path.replaceAll("\\{[^/}]+}", "0");
		}

		Object sampleBody() {
			return operation.has("requestBody") ? "{}" : null;
		}

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	@Test
	void eachModulesDocumentListsExactlyItsRoutes() {
		for (String module : MODULES) {
			Set<String> documented = new TreeSet<>(documented(module).stream().map(Route::toString).toList());
			assertThat(documented).as("operations of /%s/v3/api-docs", module).isEqualTo(applicationRoutes(module));
		}
	}

	@Test
	void theDocumentsNeedNoKeyButEverythingElseUnderThePrefixStillDoes() {
		for (String module : MODULES) {
			var document = api.withoutApiKey().get("/" + module + "/v3/api-docs");
			assertThat(document.status()).as(module).isEqualTo(200);
			assertThat(document.headers().get("content-type").getFirst()).startsWith("application/json");
			assertFailure(api.withoutApiKey().get("/" + module + "/v3/api-docs/x"), 401, "x-api-key header is missing");
			assertFailure(api.withoutApiKey().post("/" + module + "/v3/api-docs", "{}"), 401, "x-api-key header is missing");
		}
	}

	@Test
	void everyRouteEnforcesTheSecurityItsDocumentStates() {
		String learnerToken = Users.signUp(api).accessToken();
		List<Route> routes = new ArrayList<>(MODULES.stream().flatMap(module -> documented(module).stream()).toList());
		// Signing out ends the session the role checks use: last.
		routes.sort(Comparator.comparing(route -> route.toString().equals("DELETE /auth/signout")));
		assertThat(routes).isNotEmpty();
		for (Route route : routes) {
			var withoutKey = api.withoutApiKey().send(route.method(), route.samplePath(), route.sampleBody());
			if (route.open()) {
				assertThat(withoutKey.status()).as("%s is documented open", route).isEqualTo(200);
				continue;
			}
			assertFailure(withoutKey, 401, "x-api-key header is missing");
			assertFailure(api.with("x-api-key", "not-a-key").send(route.method(), route.samplePath(), route.sampleBody()), 403,
					"permission denied: invalid x-api-key");

			var withoutToken = api.send(route.method(), route.samplePath(), route.sampleBody());
			if (route.bearer()) {
				assertThat(withoutToken.status()).as("%s without a token: %s", route, withoutToken).isEqualTo(401);
				var asLearner = api.bearer(learnerToken).send(route.method(), route.samplePath(), route.sampleBody());
				if (route.roleRequired()) {
					assertThat(asLearner.status()).as("%s as a learner: %s", route, asLearner).isEqualTo(403);
				}
				else {
					assertThat(asLearner.status()).as("%s as a learner: %s", route, asLearner).isNotIn(401, 403);
				}
			}
			else {
				assertThat(withoutToken.status()).as("%s is documented without a token: %s", route, withoutToken).isNotIn(401, 403);
			}
		}
	}

	@Test
	void theEnvelopeSchemesConstraintsAndFailuresAreDocumented() {
		JsonNode auth = api.get("/auth/v3/api-docs").json();
		JsonNode schemes = auth.path("components").path("securitySchemes");
		assertThat(schemes.path("apiKey").path("type").asString()).isEqualTo("apiKey");
		assertThat(schemes.path("apiKey").path("in").asString()).isEqualTo("header");
		assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("x-api-key");
		assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");

		JsonNode failure = auth.path("components").path("schemas").path("Failure");
		assertThat(failure.path("required").toString()).contains("code", "status", "message");
		JsonNode success = auth.path("components").path("schemas").path("ApiResponseUserAuth").path("properties");
		assertThat(success.path("code").path("enum").toString()).isEqualTo("[\"10000\"]");
		assertThat(success.path("data").path("$ref").asString()).endsWith("/UserAuth");

		JsonNode signUp = auth.path("components").path("schemas").path("SignUp");
		assertThat(signUp.path("required").toString()).contains("email", "password", "name").doesNotContain("profilePicUrl");
		assertThat(signUp.path("properties").path("email").path("maxLength").asInt()).isEqualTo(320);
		assertThat(signUp.path("properties").path("password").path("minLength").asInt()).isEqualTo(8);

		JsonNode signIn = auth.path("paths").path("/auth/signin/basic").path("post").path("responses");
		assertThat(signIn.propertyNames()).contains("200", "400", "401", "403", "413", "429", "503");
		assertThat(signIn.path("400").path("content").path("application/json").path("schema").path("$ref").asString())
			.endsWith("/Failure");
		assertThat(auth.path("paths").path("/auth/health").path("get").path("responses").propertyNames()).containsOnly("200");

		JsonNode blog = api.get("/blog/v3/api-docs").json();
		JsonNode latest = blog.path("paths").path("/blog/list/latest").path("get");
		assertThat(latest.path("parameters").findValuesAsString("name")).containsExactly("page", "limit");
		assertThat(latest.path("parameters").get(0).path("required").asBoolean()).isTrue();
		assertThat(latest.path("parameters").get(0).path("schema").path("maximum").asInt()).isEqualTo(1000);
		assertThat(blog.path("paths").path("/blog/id/{id}").path("get").path("responses").propertyNames()).contains("404");
		assertThat(blog.path("paths").path("/blog/list/tag/{tag}").path("get").path("responses").propertyNames())
			.doesNotContain("404");
		assertThat(blog.path("paths").path("/blog/editor/publish/id/{id}").path("put").path("description").asString())
			.contains("Requires the role EDITOR");
	}

	@Test
	void theSwaggerUiListsBothDocumentsByTheirPrefixedPaths() {
		JsonNode config = api.withoutApiKey().get("/v3/api-docs/swagger-config").json();
		assertThat(config.path("urls").findValuesAsString("url")).containsExactlyInAnyOrder("/auth/v3/api-docs", "/blog/v3/api-docs");
		assertThat(api.withoutApiKey().get("/swagger-ui/index.html").status()).isEqualTo(200);
		// The webjar itself is not served as a static resource (there the UI would be on wherever it is packaged).
		assertFailure(api.withoutApiKey().get("/webjars/swagger-ui/index.html"), 404, "url not found");
	}

	private List<Route> documented(String module) {
		var response = api.withoutApiKey().get("/" + module + "/v3/api-docs");
		assertThat(response.status()).as("/%s/v3/api-docs: %s", module, response).isEqualTo(200);
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : response.json().path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				routes.add(new Route(module, operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
			}
		}
		return routes;
	}

	/** {@code METHOD /path} of every handler method of the module's controllers. */
	private Set<String> applicationRoutes(String module) {
		String base = BlogPlatformApplication.class.getPackageName() + "." + module;
		Set<String> routes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			String name = handler.getBeanType().getPackageName();
			if (name.equals(base) || name.startsWith(base + ".")) {
				assertThat(info.getMethodsCondition().getMethods()).as("%s names its HTTP method", handler).isNotEmpty();
				info.getMethodsCondition().getMethods()
					.forEach(method -> info.getPatternValues().forEach(pattern -> routes.add(method.name() + " " + pattern)));
			}
		});
		assertThat(routes).as("routes of module %s", module).isNotEmpty();
		return routes;
	}
}
