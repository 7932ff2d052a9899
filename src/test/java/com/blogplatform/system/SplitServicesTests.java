package com.blogplatform.system;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.ServiceJar;
import com.blogplatform.testing.Users.TestUser;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Waiting;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The second shape, end to end: {@code target/auth-service.jar} and {@code target/blog-service.jar}
 * as two processes, each with its own embedded database, connected only by a nats-server of the
 * test's own. The client talks to each service directly, as Kong would route it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitServicesTests {

	private static final String UNAVAILABLE = "authentication service unavailable, try again later";

	private final Path work = Path.of("target", "split-e2e", UUID.randomUUID().toString()).toAbsolutePath();

	private final ServerProcess nats = ServerProcess.nats();

	private ServiceJar authService;

	private ServiceJar blogService;

	private ApiClient auth;

	private ApiClient blog;

	@BeforeAll
	void startServices() {
		// Resolved first: skips (or fails with -Dsplit.required=true) before anything starts.
		Map<String, String> environment = Map.of("NATS_URL", nats.url(),
				"LOGGING_LEVEL_COM_BLOGPLATFORM_AUTH_NATS", "DEBUG");
		authService = ServiceJar.of("auth-service", work.resolve("auth"), environment);
		blogService = ServiceJar.of("blog-service", work.resolve("blog"), environment);
		nats.start();
		authService.start();
		blogService.start();
		auth = new ApiClient(authService.baseUrl());
		blog = new ApiClient(blogService.baseUrl());
	}

	@AfterAll
	void stopServices() {
		for (AutoCloseable process : new AutoCloseable[] { blogService, authService, nats }) {
			try {
				if (process != null) {
					process.close();
				}
			}
			catch (Exception ignored) {
				// best effort
			}
		}
	}

	@Test
	@Order(2)
	void eachServiceStartsOnlyItsOwnStores() {
		assertThat(authService.logText()).contains("Answering the auth port on NATS").doesNotContainIgnoringCase("mongo");
		assertThat(blogService.logText()).doesNotContain("HikariPool").doesNotContainIgnoringCase("postgres");
		// blog has no /auth routes of its own, and auth none of /blog.
		assertThat(blog.post("/auth/signin/basic", Map.of("email", "a@b.c", "password", "x")).status()).isEqualTo(404);
		assertThat(auth.get("/blog/list/latest?page=1&limit=1").status()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void eachServiceServesItsOwnApiDocumentOnly() {
		var authDocument = auth.withoutApiKey().get("/auth/v3/api-docs");
		var blogDocument = blog.withoutApiKey().get("/blog/v3/api-docs");
		assertThat(authDocument.status()).as("%s", authDocument).isEqualTo(200);
		assertThat(blogDocument.status()).as("%s", blogDocument).isEqualTo(200);
		assertThat(authDocument.json().path("paths").propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/auth/"));
		assertThat(blogDocument.json().path("paths").propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/blog/"));
		assertThat(auth.get("/blog/v3/api-docs").status()).isEqualTo(404);
		assertThat(blog.get("/auth/v3/api-docs").status()).isEqualTo(404);
		// The UI is the single jar's only.
		assertThat(auth.withoutApiKey().get("/swagger-ui/index.html").status()).isEqualTo(404);
		assertThat(blog.withoutApiKey().get("/swagger-ui/index.html").status()).isEqualTo(404);
	}

	@Test
	@Order(3)
	void theWholeFlowFromSignUpToPublicRead() {
		TestUser author = Users.withRoles(auth, "AUTHOR");
		TestUser editor = Users.withRoles(auth, "EDITOR");
		ApiClient asAuthor = blog.bearer(author.accessToken());
		ApiClient asEditor = blog.bearer(editor.accessToken());

		String title = "Split " + UUID.randomUUID();
		String id = BlogFixtures.draft(asAuthor, title, "SPLIT");
		assertThat(asAuthor.get("/blog/author/drafts?page=1&limit=10").data().findValuesAsString("_id")).contains(id);
		assertThat(asAuthor.put("/blog/author/submit/id/" + id, null).status()).isEqualTo(200);
		assertThat(asEditor.get("/blog/editor/submitted?page=1&limit=10").data().findValuesAsString("_id")).contains(id);
		assertThat(asEditor.put("/blog/editor/publish/id/" + id, null).status()).isEqualTo(200);

		var read = blog.get("/blog/id/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data().path("title").asString()).isEqualTo(title);
		assertThat(read.data().path("author").path("_id").asString()).isEqualTo(author.id());
		String slug = asEditor.get("/blog/editor/id/" + id).data().path("slug").asString();
		assertThat(blog.get("/blog/slug/" + slug).data().path("_id").asString()).isEqualTo(id);
		assertThat(blog.get("/blog/list/tag/SPLIT?page=1&limit=10").data().findValuesAsString("_id")).contains(id);
	}

	@Test
	@Order(4)
	void authFailuresCrossTheWireTyped() {
		TestUser learner = Users.signUp(auth);

		assertFailure(blog.bearer("not.a.token").get("/blog/author/drafts?page=1&limit=1"), 401,
				"permission denied: invalid access token");
		assertFailure(blog.bearer(learner.accessToken()).get("/blog/author/drafts?page=1&limit=1"), 403,
				"permission denied: does not have suffient role");

		assertThat(auth.bearer(learner.accessToken()).delete("/auth/signout").status()).isEqualTo(200);
		assertThat(blog.bearer(learner.accessToken()).get("/blog/author/drafts?page=1&limit=1").status())
			.as("a signed-out session is rejected by blog too").isEqualTo(401);
	}

	/**
	 * One protected request, one trace: the caller's W3C {@code traceparent} is continued by blog,
	 * carried in the NATS request's headers, and auth's handling of it logs under the same trace id
	 * (and the same request id).
	 */
	@Test
	@Order(5)
	void theRequestIdAndTheTraceCrossTheNatsHop() {
		TestUser author = Users.withRoles(auth, "AUTHOR");
		String requestId = "split-" + UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";

		var response = blog.bearer(author.accessToken()).with("X-Request-ID", requestId).with("traceparent", traceparent)
			.get("/blog/author/drafts?page=1&limit=1");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("X-Request-ID")).containsExactly(requestId);
		awaitLogged(blogService, requestId, "auth.authentication answered in", traceId);
		awaitLogged(authService, requestId, "auth.authentication answered", traceId);
	}

	/** Each service scrapes its own side of the port: blog the NATS binding, auth the responder and the in-process port. */
	@Test
	@Order(6)
	void eachServiceServesPrometheusWithItsSideOfThePort() {
		blog.bearer(Users.withRoles(auth, "AUTHOR").accessToken()).get("/blog/author/drafts?page=1&limit=1");

		String blogMetrics = blog.withoutApiKey().get("/actuator/prometheus").body();
		// auth checks API keys itself, so its scrape needs one; blog trusts the gateway's network
		assertThat(auth.withoutApiKey().get("/actuator/prometheus").status()).isEqualTo(401);
		String authMetrics = auth.get("/actuator/prometheus").body();

		assertThat(series(blogMetrics, "auth_port_seconds_count{")).anyMatch(line -> line.contains("application=\"blog-service\"")
				&& line.contains("binding=\"nats\"") && line.contains("method=\"authenticate\"") && line.contains("outcome=\"authenticated\""));
		assertThat(series(authMetrics, "auth_nats_responder_seconds_count{")).anyMatch(line -> line.contains("application=\"auth-service\"")
				&& line.contains("subject=\"auth.authentication\"") && line.contains("outcome=\"ok\""));
		assertThat(series(authMetrics, "auth_port_seconds_count{")).anyMatch(line -> line.contains("binding=\"in-process\"")
				&& line.contains("method=\"authenticate\"") && line.contains("outcome=\"authenticated\""));
		assertThat(series(authMetrics, "auth_nats_responder_drops_total{")).hasSize(2);
		assertThat(authMetrics).contains("hikaricp_connections_active{").doesNotContain("auth_port_seconds_count{application=\"auth-service\",binding=\"nats\"");
	}

	private static List<String> series(String scrape, String prefix) {
		return scrape.lines().filter(line -> line.startsWith(prefix)).toList();
	}

	@Test
	@Order(7)
	void aNatsRestartFailsFastThenRecoversByItself() {
		ApiClient asAuthor = asNewAuthor();

		nats.stop();
		assertUnavailableWithoutHanging(asAuthor);

		nats.start();
		awaitStatus(asAuthor, "/blog/author/drafts?page=1&limit=1", 200);
	}

	@Test
	@Order(8)
	void withTheAuthServiceGoneBlogAnswers503() {
		ApiClient asAuthor = asNewAuthor();
		authService.stop();

		assertUnavailableWithoutHanging(asAuthor);
		// Public reads do not need auth.
		assertThat(blog.get("/blog/list/latest?page=1&limit=1").status()).isEqualTo(200);
	}

	private ApiClient asNewAuthor() {
		return blog.bearer(Users.withRoles(auth, "AUTHOR").accessToken());
	}

	/** 503 from a protected route, answered within the port's timeout plus slack, not after a hang. */
	private static void assertUnavailableWithoutHanging(ApiClient asAuthor) {
		Instant started = Instant.now();
		assertFailure(asAuthor.get("/blog/author/drafts?page=1&limit=1"), 503, UNAVAILABLE);
		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	private static void awaitLogged(ServiceJar service, String requestId, String text, String traceId) {
		Waiting.until(Duration.ofSeconds(5), () -> service.logText().lines()
			.anyMatch(line -> line.contains(requestId) && line.contains(text) && line.contains(traceId)));
		assertThat(service.logText().lines().filter(line -> line.contains(requestId)).toList())
			.as("a line of %s's log with request id %s, trace id %s and '%s'", service.log().getFileName(), requestId, traceId, text)
			.anyMatch(line -> line.contains(text) && line.contains(traceId));
	}

	private static void awaitStatus(ApiClient api, String path, int status) {
		Waiting.until(Duration.ofSeconds(20), () -> api.get(path).status() == status);
		assertThat(api.get(path).status()).as("%s answers %d again within 20 s", path, status).isEqualTo(status);
	}
}
