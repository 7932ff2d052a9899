package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call which protected route: anonymous callers get 401, a missing role 403; the role is an
 * exact match (an editor is no author, an author no editor).
 */
@ApiTest
class BlogRoleMatrixTests {

	static final String ID = "0123456789abcdef01234567";

	@LocalServer
	ApiClient api;

	static Stream<Arguments> authorRoutes() {
		return Stream.of(Arguments.of("POST", "/blog/author/"), Arguments.of("PUT", "/blog/author/"),
				Arguments.of("GET", "/blog/author/id/" + ID), Arguments.of("DELETE", "/blog/author/id/" + ID),
				Arguments.of("PUT", "/blog/author/submit/id/" + ID), Arguments.of("PUT", "/blog/author/withdraw/id/" + ID),
				Arguments.of("GET", "/blog/author/drafts?page=1&limit=1"),
				Arguments.of("GET", "/blog/author/submitted?page=1&limit=1"),
				Arguments.of("GET", "/blog/author/published?page=1&limit=1"));
	}

	static Stream<Arguments> editorRoutes() {
		return Stream.of(Arguments.of("GET", "/blog/editor/id/" + ID), Arguments.of("PUT", "/blog/editor/publish/id/" + ID),
				Arguments.of("PUT", "/blog/editor/unpublish/id/" + ID),
				Arguments.of("GET", "/blog/editor/submitted?page=1&limit=1"),
				Arguments.of("GET", "/blog/editor/published?page=1&limit=1"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource({ "authorRoutes", "editorRoutes" })
	void anonymousCallersAreUnauthenticated(String method, String path) {
		assertFailure(api.send(method, path, body(method)), 401, "permission denied: missing Authorization");
		assertFailure(api.with("Authorization", "Bearer not-a-token").send(method, path, body(method)), 401,
				"permission denied: invalid access token");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource({ "authorRoutes", "editorRoutes" })
	void learnersAreForbidden(String method, String path) {
		var learner = api.bearer(Users.signUp(api).accessToken());

		assertFailure(learner.send(method, path, body(method)), 403, "permission denied: does not have suffient role");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("authorRoutes")
	void editorsAreNoAuthors(String method, String path) {
		var editor = Users.clientWithRoles(api, "EDITOR");

		assertFailure(editor.send(method, path, body(method)), 403, "permission denied: does not have suffient role");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("editorRoutes")
	void authorsAreNoEditors(String method, String path) {
		var author = Users.clientWithRoles(api, "AUTHOR");

		assertFailure(author.send(method, path, body(method)), 403, "permission denied: does not have suffient role");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("authorRoutes")
	void authorsPassTheAuthorRoutes(String method, String path) {
		var author = Users.clientWithRoles(api, "AUTHOR");

		assertThat(author.send(method, path, body(method)).status()).isNotIn(401, 403);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("editorRoutes")
	void editorsPassTheEditorRoutes(String method, String path) {
		var editor = Users.clientWithRoles(api, "EDITOR");

		assertThat(editor.send(method, path, body(method)).status()).isNotIn(401, 403);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource({ "authorRoutes", "editorRoutes" })
	void everyRouteNeedsTheApiKey(String method, String path) {
		assertFailure(api.withoutApiKey().send(method, path, body(method)), 401, "x-api-key header is missing");
	}

	private static Object body(String method) {
		return method.equals("POST") || method.equals("PUT") ? "{}" : null;
	}
}
