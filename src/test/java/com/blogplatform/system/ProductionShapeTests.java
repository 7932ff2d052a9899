package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.Gateway;
import com.blogplatform.testing.LoadGenerator.Sample;
import com.blogplatform.testing.LoadGenerator;
import com.blogplatform.testing.ProductionEnvironment;
import com.blogplatform.testing.ServiceJar;
import com.blogplatform.testing.Users.TestUser;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Waiting;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The shape of {@code docker-compose-load-balanced.yml}, run for real on this machine in profile
 * {@code prod}: two {@code auth-service.jar} and two {@code blog-service.jar} processes, configured
 * only by the documented environment variables, on the machine's PostgreSQL (a database and role of
 * the test's own; Flyway run by both auth instances at once) and Redis (a database of its own,
 * shared by both blog instances), a nats-server started with {@code deploy/nats/nats-server.conf}
 * (one user per service), and the MongoDB wire-protocol server as a process of its own (MongoDB
 * cannot be installed here). A {@link Gateway} stands in for Kong: round-robin over the instances
 * its readiness checks find up, and a retry on another instance when a connection fails.
 * <p>
 * Then faults, under a bounded load: rolling restarts (SIGTERM), a SIGKILL of an auth instance,
 * NATS restarted. The figures are printed ({@code [production-shape]} lines) and written to
 * {@code target/production-shape-report.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ProductionShapeTests {

	private static final Duration READY = Duration.ofSeconds(150);

	private static final Duration STOP = Duration.ofSeconds(35);

	private final ProductionEnvironment prod = new ProductionEnvironment(
			Path.of("target", "prod-shape", UUID.randomUUID().toString()).toAbsolutePath(), 11);

	private final List<String> report = new CopyOnWriteArrayList<>();

	private ServiceJar auth1;

	private ServiceJar auth2;

	private ServiceJar blog1;

	private ServiceJar blog2;

	private Gateway authGateway;

	private Gateway blogGateway;

	private TestUser author;

	private TestUser editor;

	@BeforeAll
	void startTheShape() {
		// Resolved first: skips (or fails with -Dsplit.required=true) before anything starts.
		Map<String, String> authEnv = new HashMap<>(prod.authService());
		authEnv.put("LOGGING_LEVEL_COM_BLOGPLATFORM_AUTH_NATS", "DEBUG");
		auth1 = ServiceJar.of("auth-service", prod.work.resolve("auth1"), authEnv);
		// The second auth instance reads the same key as PEM text instead of a file: both forms work.
		Map<String, String> inlineKey = new HashMap<>(authEnv);
		inlineKey.put("AUTH_TOKEN_PRIVATE_KEY", prod.privateKeyPem);
		auth2 = ServiceJar.of("auth-service", prod.work.resolve("auth2"), inlineKey);
		// Six JVMs and the load share two cores here; while one of them starts, an auth answer can take
		// longer than the default 500 ms. What these tests prove is that no request is lost, so the port
		// call may wait 2 s (it fails at once all the same while NATS is down).
		Map<String, String> blogEnv = new HashMap<>(prod.blogService());
		blogEnv.put("PLATFORM_NATS_REQUESTTIMEOUT", "2s");
		blog1 = ServiceJar.of("blog-service", prod.work.resolve("blog1"), blogEnv);
		blog2 = ServiceJar.of("blog-service", prod.work.resolve("blog2"), blogEnv);
		prod.start();
		Instant started = Instant.now();
		for (ServiceJar instance : List.of(auth1, auth2, blog1, blog2)) {
			instance.launch();
		}
		for (ServiceJar instance : List.of(auth1, auth2, blog1, blog2)) {
			instance.awaitReady(READY);
		}
		record("four instances ready in %d s (started at once; both auth instances ran Flyway on a fresh database)",
				Duration.between(started, Instant.now()).toSeconds());
		authGateway = new Gateway(List.of(auth1, auth2));
		blogGateway = new Gateway(List.of(blog1, blog2));
		ApiClient auth = prod.client(auth1.baseUrl());
		TestUser admin = prod.admin(auth);
		author = Users.withRoles(auth, admin, "AUTHOR");
		editor = Users.withRoles(auth, admin, "EDITOR");
	}

	@AfterAll
	void stopTheShape() throws IOException {
		for (AutoCloseable closeable : new AutoCloseable[] { authGateway, blogGateway, blog1, blog2, auth1, auth2, prod }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ignored) {
				// best effort
			}
		}
		report.forEach(line -> System.out.println("[production-shape] " + line));
		Files.write(Path.of("target", "production-shape-report.md"), report);
	}

	@Test
	@Order(1)
	void everyInstanceRunsProfileProdOnTheRealServers() {
		for (ServiceJar instance : List.of(auth1, auth2, blog1, blog2)) {
			// Profile prod logs JSON (ECS): the quotes in the message are escaped.
			assertThat(instance.logText()).contains("The following 1 profile is active: \\\"prod\\\"");
		}
		for (ServiceJar auth : List.of(auth1, auth2)) {
			var health = api(auth).get("/actuator/health").json().path("components");
			assertThat(health.path("db").path("status").asString()).isEqualTo("UP");
			assertThat(health.path("nats").path("status").asString()).isEqualTo("UP");
			assertThat(auth.logText()).contains("Answering the auth port on NATS").doesNotContainIgnoringCase("mongo");
		}
		for (ServiceJar blog : List.of(blog1, blog2)) {
			var health = api(blog).get("/actuator/health").json().path("components");
			assertThat(health.path("mongo").path("status").asString()).isEqualTo("UP");
			assertThat(health.path("redis").path("status").asString()).isEqualTo("UP");
			assertThat(health.path("nats").path("status").asString()).isEqualTo("UP");
			assertThat(blog.logText()).doesNotContain("HikariPool").doesNotContain("Embedded");
		}
	}

	@Test
	@Order(2)
	void aTokenSignedByOneAuthInstanceVerifiesOnTheOther() {
		TestUser user = Users.signUp(api(auth1));
		assertThat(api(auth2).bearer(user.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
		TestUser again = Users.signIn(api(auth2), user.email(), user.password());
		assertThat(api(auth1).bearer(again.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
		var refreshed = api(auth1).bearer(again.accessToken())
			.post("/auth/token/refresh", Map.of("refreshToken", again.refreshToken()));
		assertThat(refreshed.status()).as("a refresh token from auth2 rotates on auth1").isEqualTo(200);
	}

	@Test
	@Order(3)
	void theWholeFlowAcrossBothInstancesOfEach() {
		String title = "Prod " + UUID.randomUUID();
		String id = BlogFixtures.draft(api(blog1).bearer(author.accessToken()), title, "PROD");
		assertThat(api(blog2).bearer(author.accessToken()).get("/blog/author/drafts?page=1&limit=10").data()
			.findValuesAsString("_id")).contains(id);
		assertThat(api(blog2).bearer(author.accessToken()).put("/blog/author/submit/id/" + id, null).status()).isEqualTo(200);
		assertThat(api(blog1).bearer(editor.accessToken()).put("/blog/editor/publish/id/" + id, null).status()).isEqualTo(200);
		for (ServiceJar blog : List.of(blog1, blog2)) {
			var read = api(blog).get("/blog/id/" + id);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.data().path("title").asString()).isEqualTo(title);
			assertThat(api(blog).get("/blog/list/tag/PROD?page=1&limit=10").data().findValuesAsString("_id")).contains(id);
		}
		// Both blog instances render the same stored blog to the same bytes, so a tag from one revalidates at the other.
		var tagged = api(blog1).get("/blog/id/" + id);
		String tag = tagged.headers().get("etag").getFirst();
		assertThat(tagged.headers().get("cache-control")).containsExactly("no-cache");
		var revalidated = api(blog2).with("If-None-Match", tag).get("/blog/id/" + id);
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(api(blog2).with("Accept", "application/xml").get("/blog/id/" + id).status()).isEqualTo(406);
		// Requests alternate across both blog instances; NATS' queue group spreads them over both auth instances.
		for (int i = 0; i < 20; i++) {
			assertThat(api(i % 2 == 0 ? blog1 : blog2).bearer(author.accessToken()).get("/blog/author/drafts?page=1&limit=1").status())
				.isEqualTo(200);
		}
		for (ServiceJar auth : List.of(auth1, auth2)) {
			Waiting.until(Duration.ofSeconds(5), () -> auth.logText().contains("auth.authentication answered"));
			assertThat(auth.logText()).as("%s answered some of blog's requests", auth.log().getFileName())
				.contains("auth.authentication answered");
		}
	}

	@Test
	@Order(4)
	void publishingAndUnpublishingThroughOneBlogInstanceIsSeenAtOnceThroughTheOther() {
		String id = BlogFixtures.published(api(blog1).bearer(author.accessToken()), api(blog1).bearer(editor.accessToken()),
				"Cached " + UUID.randomUUID());
		assertThat(api(blog2).get("/blog/id/" + id).status()).isEqualTo(200); // now cached in the shared Redis
		assertThat(api(blog2).get("/blog/id/" + id).status()).isEqualTo(200);

		assertThat(api(blog1).bearer(editor.accessToken()).put("/blog/editor/unpublish/id/" + id, null).status()).isEqualTo(200);
		assertThat(api(blog2).get("/blog/id/" + id).status()).as("unpublished through blog1, gone through blog2").isEqualTo(404);

		// blog2 keeps the author's list generation in memory; a draft written through blog1 has dropped it
		String drafts = "/blog/author/drafts?page=1&limit=50";
		assertThat(api(blog2).bearer(author.accessToken()).get(drafts).status()).isEqualTo(200);
		String draft = BlogFixtures.draft(api(blog1).bearer(author.accessToken()), "Listed at once " + UUID.randomUUID());
		assertThat(api(blog2).bearer(author.accessToken()).get(drafts).data().findValuesAsString("_id"))
			.as("written through blog1, listed through blog2").contains(draft);

		assertThat(api(blog2).bearer(author.accessToken()).put("/blog/author/submit/id/" + id, null).status()).isEqualTo(200);
		assertThat(api(blog2).bearer(editor.accessToken()).put("/blog/editor/publish/id/" + id, null).status()).isEqualTo(200);
		assertThat(api(blog1).get("/blog/id/" + id).status()).as("published through blog2, seen through blog1").isEqualTo(200);
	}

	/**
	 * Each auth instance keeps the grants it read in memory; a sign-out through one has ended them on
	 * the other, and behind both blog instances, when it is answered.
	 */
	@Test
	@Order(4)
	void aSignOutThroughOneAuthInstanceIsRefusedAtOnceEverywhere() {
		TestUser session = Users.signIn(api(auth1), author.email(), author.password());
		for (int i = 0; i < 3; i++) {
			assertThat(api(auth2).bearer(session.accessToken()).get("/auth/profile/mine").status()).isEqualTo(200);
			for (ServiceJar blog : List.of(blog1, blog2)) {
				assertThat(api(blog).bearer(session.accessToken()).get("/blog/author/drafts?page=1&limit=1").status()).isEqualTo(200);
			}
		}

		assertThat(api(auth1).bearer(session.accessToken()).delete("/auth/signout").status()).isEqualTo(200);

		assertThat(api(auth2).bearer(session.accessToken()).get("/auth/profile/mine").status()).as("through the other auth instance")
			.isEqualTo(401);
		for (ServiceJar blog : List.of(blog1, blog2)) {
			for (int i = 0; i < 2; i++) { // NATS' queue group: both auth instances answer
				assertThat(api(blog).bearer(session.accessToken()).get("/blog/author/drafts?page=1&limit=1").status())
					.as("through %s", blog.log().getFileName()).isEqualTo(401);
			}
		}
	}

	@Test
	@Order(5)
	void blogsNatsCredentialCannotAnswerForAuth() throws Exception {
		List<String> refused = new CopyOnWriteArrayList<>();
		Options options = new Options.Builder().server(prod.nats.url())
			.userInfo(ProductionEnvironment.BLOG_NATS_USER, prod.blogNatsPassword)
			.errorListener(new ErrorListener() {

				@Override
				public void errorOccurred(Connection connection, String error) {
					refused.add(error);
				}
			})
			.build();
		try (Connection impostor = Nats.connect(options)) {
			var dispatcher = impostor.createDispatcher(message -> impostor.publish(message.getReplyTo(),
					"{\"data\":{\"id\":\"00000000-0000-0000-0000-000000000000\",\"roles\":[\"EDITOR\"]}}".getBytes()));
			dispatcher.subscribe("auth.authentication", "q");
			impostor.flush(Duration.ofSeconds(2));
			Waiting.until(Duration.ofSeconds(2), () -> !refused.isEmpty());
			assertThat(refused).anyMatch(error -> error.contains("Permissions Violation for Subscription to \"auth.authentication\""));

			for (ServiceJar blog : List.of(blog1, blog2)) {
				var forged = api(blog).bearer("totally-forged-token").get("/blog/editor/submitted?page=1&limit=1");
				assertThat(forged.status()).as("only the real auth answers: a forged token stays forged").isEqualTo(401);
			}
		}
	}

	@Test
	@Order(6)
	void rollingRestartsUnderLoadLoseNoRequest() {
		try (LoadGenerator load = startLoad()) {
			long authStart = System.nanoTime();
			for (int i = 0; i < 2; i++) {
				restart(authGateway, i == 0 ? "auth1" : "auth2", i == 0 ? auth1 : auth2);
			}
			long authEnd = System.nanoTime();
			for (int i = 0; i < 2; i++) {
				restart(blogGateway, i == 0 ? "blog1" : "blog2", i == 0 ? blog1 : blog2);
			}
			long blogEnd = System.nanoTime();
			Waiting.pause(Duration.ofSeconds(1));
			List<Sample> duringAuth = load.between(authStart, authEnd);
			List<Sample> duringBlog = load.between(authEnd, blogEnd);
			record("rolling restart of auth1 then auth2 (SIGTERM, start, ready): %s; retried on the other instance: %d",
					LoadGenerator.summary(duringAuth, sample -> true), authGateway.retried.get());
			record("rolling restart of blog1 then blog2: %s; retried on the other instance: %d",
					LoadGenerator.summary(duringBlog, sample -> true), blogGateway.retried.get());
			assertThat(duringAuth).hasSizeGreaterThan(100);
			assertThat(duringAuth).as("no request fails while auth restarts (NATS drains in-flight requests)")
				.allMatch(sample -> sample.status() == 200);
			// A blog instance starting takes most of the 2 cores for a while; a port call that then waits
			// past its 500 ms deadline answers 503 (counted and reported), but nothing else ever fails.
			assertThat(duringBlog).hasSizeGreaterThan(100);
			assertThat(duringBlog).as("while blog restarts, a request either succeeds or is a 503 of a slow port call")
				.allMatch(sample -> sample.status() == 200 || sample.status() == 503 && sample.request().equals("protected"));
		}
	}

	@Test
	@Order(7)
	void aKilledAuthInstanceFailsOnlyItsInFlightRequestsAnd503() {
		try (LoadGenerator load = startLoad()) {
			long killed = System.nanoTime();
			auth1.kill();
			Waiting.pause(Duration.ofSeconds(4));
			long end = System.nanoTime();
			List<Sample> after = load.between(killed, end);
			List<Sample> failed = after.stream().filter(sample -> sample.status() != 200).toList();
			long lastFailureMs = failed.stream().mapToLong(sample -> (sample.at() - killed) / 1_000_000).max().orElse(0);
			record("SIGKILL of auth1 under load: %s in the 4 s after; %d failed (in flight), all 503: %s; last one answered %d ms after the kill",
					LoadGenerator.summary(after, sample -> true), failed.size(),
					failed.stream().allMatch(sample -> sample.status() == 503), lastFailureMs);
			assertThat(failed).as("in-flight requests that die with auth answer 503, never 401 or 500")
				.allMatch(sample -> sample.status() == 503);
			assertThat(after.stream().filter(sample -> sample.at() - sample.took().toNanos() - killed > 1_000_000_000L))
				.as("every request sent from 1 s after the kill on succeeds").allMatch(sample -> sample.status() == 200);
		}
		auth1.launch().awaitReady(READY);
		awaitNatsUp(auth1);
	}

	@Test
	@Order(8)
	void aNatsRestartFailsFastThenRecoversOnEveryInstance() {
		try (LoadGenerator load = startLoad()) {
			long stopped = System.nanoTime();
			prod.nats.stop();
			Waiting.pause(Duration.ofSeconds(3));
			long restarted = System.nanoTime();
			prod.nats.start();
			List<Long> recoveryMs = new ArrayList<>();
			for (ServiceJar blog : List.of(blog1, blog2)) {
				ApiClient asAuthor = api(blog).bearer(author.accessToken());
				Waiting.until(Duration.ofSeconds(30), () -> asAuthor.get("/blog/author/drafts?page=1&limit=1").status() == 200);
				recoveryMs.add((System.nanoTime() - restarted) / 1_000_000);
				assertThat(asAuthor.get("/blog/author/drafts?page=1&limit=1").status()).isEqualTo(200);
			}
			Waiting.pause(Duration.ofSeconds(1));
			// Requests sent while NATS is known to be down (a call in flight when it went waits for its deadline).
			long downSince = stopped + 1_000_000_000L;
			List<Sample> down = load.between(downSince, restarted).stream()
				.filter(sample -> sample.at() - sample.took().toNanos() >= downSince)
				.toList();
			List<Sample> unavailable = down.stream().filter(sample -> sample.status() == 503).toList();
			long slowest503 = unavailable.stream().mapToLong(sample -> sample.took().toMillis()).max().orElse(0);
			record("NATS stopped for 3 s under load: %s; protected: %s (slowest 503: %d ms); public and auth: %s",
					LoadGenerator.summary(down, sample -> true), LoadGenerator.summary(down, sample -> sample.request().equals("protected")),
					slowest503, LoadGenerator.summary(down, sample -> !sample.request().equals("protected")));
			record("NATS back: protected requests succeed again through blog1 after %d ms, blog2 after %d ms", recoveryMs.get(0),
					recoveryMs.get(1));
			assertThat(down.stream().filter(sample -> sample.request().equals("protected")))
				.as("protected requests answer 503 while NATS is down").isNotEmpty().allMatch(sample -> sample.status() == 503);
			assertThat(down.stream().filter(sample -> !sample.request().equals("protected")))
				.as("public reads and auth's own routes do not need NATS").allMatch(sample -> sample.status() == 200);
			assertThat(slowest503).as("503 comes fast, not after a hang").isLessThan(2_000);
			assertThat(recoveryMs).as("recovered by itself within a few seconds").allMatch(ms -> ms < 10_000);
		}
	}

	/** SIGTERM, wait for the process to end, start it again, wait until it is ready (and on the bus). */
	private void restart(Gateway gateway, String name, ServiceJar instance) {
		Duration stopping = instance.terminate(STOP);
		Instant starting = Instant.now();
		instance.launch().awaitReady(READY);
		awaitNatsUp(instance);
		record("%s: stopped %d ms after SIGTERM, ready again %d s after its start", name, stopping.toMillis(),
				Duration.between(starting, Instant.now()).toSeconds());
	}

	/** A readiness probe does not include NATS (the rule); a rollout waits for the bus before the next instance. */
	private void awaitNatsUp(ServiceJar instance) {
		Waiting.until(Duration.ofSeconds(30),
				() -> api(instance).get("/actuator/health").json().path("components").path("nats").path("status").asString().equals("UP"));
	}

	/** The bounded load of protected, public and auth requests, started and running for 2 s already. */
	private LoadGenerator startLoad() {
		LoadGenerator load = load().start();
		Waiting.pause(Duration.ofSeconds(2));
		return load;
	}

	private LoadGenerator load() {
		String published = BlogFixtures.published(api(blog1).bearer(author.accessToken()), api(blog1).bearer(editor.accessToken()),
				"Load " + UUID.randomUUID());
		Map<String, String> apiKey = Map.of("x-api-key", prod.apiKey);
		Map<String, String> asAuthor = Map.of("x-api-key", prod.apiKey, "Authorization", "Bearer " + author.accessToken());
		return new LoadGenerator(List.of(
				new LoadGenerator.Request("protected", blogGateway, "/blog/author/drafts?page=1&limit=5", asAuthor),
				new LoadGenerator.Request("public", blogGateway, "/blog/id/" + published, apiKey),
				new LoadGenerator.Request("auth", authGateway, "/auth/profile/mine", asAuthor)),
				3, Duration.ofMillis(40), Duration.ofMinutes(6));
	}

	private ApiClient api(ServiceJar instance) {
		return prod.client(instance.baseUrl());
	}

	private void record(String format, Object... arguments) {
		String line = String.format(format, arguments);
		report.add("- " + line);
		System.out.println("[production-shape] " + line);
	}
}
