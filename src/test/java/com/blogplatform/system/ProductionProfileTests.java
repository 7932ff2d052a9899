package com.blogplatform.system;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.MongoWireServer;
import com.blogplatform.testing.ProductionEnvironment;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.ServiceJar;
import com.blogplatform.testing.Users.TestUser;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Waiting;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Profile {@code prod} as an operator meets it, on this machine's real servers: the single jar
 * serving the whole flow with Redis coming and going; start-up refusing missing and well-known
 * secrets with a one-line reason before touching a database; the services starting while NATS is
 * down, reporting it in health without becoming unready, stopping at once on SIGTERM, and
 * connecting by themselves when NATS comes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionProfileTests {

	private static final Duration READY = Duration.ofSeconds(120);

	private final ProductionEnvironment prod = new ProductionEnvironment(
			Path.of("target", "prod-profile", UUID.randomUUID().toString()).toAbsolutePath(), 12);

	@BeforeAll
	void startServers() {
		prod.start();
	}

	@AfterAll
	void stopServers() {
		prod.close();
	}

	@Test
	void theSingleJarStartsWithoutRedisServesTheWholeFlowAndRidesOutARedisOutage() {
		try (ServerProcess redis = ServerProcess.redis()) { // not started yet: Redis is down while the jar starts
			Map<String, String> env = new HashMap<>(prod.singleJar());
			env.put("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));
			// With the JVM options scripts/jvm.options ships (the heap, collector and code cache the benchmark measures).
			try (ServiceJar jar = ServiceJar.of("blog-platform", prod.work.resolve("single"), env).defaultJvmOptions().start()) {
				// Profile prod logs JSON (ECS): the quotes in the message are escaped.
				assertThat(jar.logText()).contains("The following 1 profile is active: \\\"prod\\\"").doesNotContain("Embedded");
				ApiClient api = prod.client(jar.baseUrl());
				assertThat(components(api)).containsEntry("redis", "DOWN");
				Waiting.until(Duration.ofSeconds(15), () -> jar.logText().contains("Could not subscribe to blog:near-cache:invalidations"));
				assertThat(jar.logText()).contains("Could not subscribe to blog:near-cache:invalidations");
				redis.start();
				Waiting.until(Duration.ofSeconds(15), () -> jar.logText().contains("Subscribed to blog:near-cache:invalidations"));
				assertThat(jar.logText()).as("the near caches' channel subscribed once Redis came")
					.contains("Subscribed to blog:near-cache:invalidations");
				Waiting.until(Duration.ofSeconds(10), () -> "UP".equals(components(api).get("redis")));
				TestUser admin = prod.admin(api);
				ApiClient asAuthor = api.bearer(Users.withRoles(api, admin, "AUTHOR").accessToken());
				ApiClient asEditor = api.bearer(Users.withRoles(api, admin, "EDITOR").accessToken());
				String id = BlogFixtures.published(asAuthor, asEditor, "Single prod " + UUID.randomUUID());
				assertThat(api.get("/blog/id/" + id).status()).isEqualTo(200);
				assertThat(components(api)).containsEntry("db", "UP").containsEntry("mongo", "UP").containsEntry("redis", "UP");

				redis.stop();
				assertThat(components(api)).as("Redis shows as down in health").containsEntry("redis", "DOWN");
				assertThat(api.get("/actuator/health/readiness").status()).as("but the instance stays ready").isEqualTo(200);
				assertThat(api.get("/blog/id/" + id).status()).as("reads fall back to MongoDB").isEqualTo(200);
				String second = BlogFixtures.published(asAuthor, asEditor, "Written without Redis " + UUID.randomUUID());
				assertThat(api.get("/blog/id/" + second).status()).isEqualTo(200);

				redis.start();
				Waiting.until(Duration.ofSeconds(10), () -> "UP".equals(components(api).get("redis")));
				assertThat(components(api)).containsEntry("redis", "UP");
				assertThat(api.get("/blog/id/" + id).status()).isEqualTo(200);
			}
		}
	}

	@Test
	void readinessFollowsTheInstancesOwnStoresWhichFailFastAndComeBack() {
		try (MongoWireServer mongo = new MongoWireServer(prod.work.resolve("outage-mongo.log")).start()) {
			Map<String, String> env = new HashMap<>(prod.singleJar());
			env.put("SPRING_MONGODB_URI", mongo.uri("outage"));
			try (ServiceJar jar = ServiceJar.of("blog-platform", prod.work.resolve("outage"), env).start()) {
				ApiClient api = prod.client(jar.baseUrl());
				assertThat(api.get("/blog/list/latest?page=1&limit=5").status()).isEqualTo(200);

				mongo.close();
				Waiting.until(Duration.ofSeconds(15), () -> api.get("/actuator/health/readiness").status() == 503);
				assertThat(api.get("/actuator/health/readiness").status()).as("not ready without MongoDB").isEqualTo(503);
				assertThat(api.get("/actuator/health/liveness").status()).as("but alive").isEqualTo(200);
				// a page not read before, so not in blog's cache: it must go to MongoDB
				Instant asked = Instant.now();
				assertFailure(api.get("/blog/list/latest?page=1&limit=4"), 503, "service unavailable, try again later");
				assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
				assertThat(api.get("/blog/list/latest?page=1&limit=5").status()).as("a cached page is still served").isEqualTo(200);
				mongo.start();
				Waiting.until(Duration.ofSeconds(30), () -> api.get("/actuator/health/readiness").status() == 200);
				assertThat(api.get("/blog/list/latest?page=1&limit=3").status()).as("back by itself").isEqualTo(200);

				prod.databaseReachable(false);
				Waiting.until(Duration.ofSeconds(15), () -> api.get("/actuator/health/readiness").status() == 503);
				assertThat(api.get("/actuator/health/readiness").status()).as("not ready without PostgreSQL").isEqualTo(503);
				asked = Instant.now();
				assertThat(api.post("/auth/signin/basic", Map.of("email", prod.adminEmail, "password", prod.adminPassword)).status())
					.isEqualTo(503);
				assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
				prod.databaseReachable(true);
				Waiting.until(Duration.ofSeconds(30), () -> api.get("/actuator/health/readiness").status() == 200);
				assertThat(prod.admin(api).accessToken()).as("back by itself").isNotBlank();
			}
			finally {
				prod.databaseReachable(true);
			}
		}
	}

	@Test
	void startUpRefusesWellKnownSecretsWithOneLineAndBeforeTouchingTheDatabase() {
		Map<String, String> env = new HashMap<>(prod.singleJar());
		env.put("AUTH_BOOTSTRAP_API_KEY", ApiClient.DEV_API_KEY);
		env.put("AUTH_BOOTSTRAP_ADMIN_PASSWORD", "changeit");
		// A database that does not exist: the refusal comes before any connection is tried.
		env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/no_such_database_" + UUID.randomUUID().toString().substring(0, 8));
		ServiceJar jar = ServiceJar.of("blog-platform", prod.work.resolve("refused"), env).launch();

		assertThat(jar.awaitExit(Duration.ofSeconds(60))).isNotZero();
		assertThat(jar.logText()).contains("Refusing to start with profile prod: AUTH_BOOTSTRAP_API_KEY is a well-known "
				+ "development value; AUTH_BOOTSTRAP_ADMIN_PASSWORD is a well-known development value")
			.contains("APPLICATION FAILED TO START")
			.doesNotContain(ApiClient.DEV_API_KEY)
			.doesNotContain("HikariPool")
			.doesNotContain("at com.blogplatform");
	}

	@Test
	void startUpRefusesWithoutASharedSigningKeyOrBootstrapSecrets() {
		Map<String, String> env = new HashMap<>(prod.authService());
		env.remove("AUTH_TOKEN_PRIVATE_KEY");
		env.remove("AUTH_BOOTSTRAP_API_KEY");
		env.put("AUTH_BOOTSTRAP_ADMIN_PASSWORD", "Zq9!x");
		ServiceJar jar = ServiceJar.of("auth-service", prod.work.resolve("no-key"), env).launch();

		assertThat(jar.awaitExit(Duration.ofSeconds(60))).isNotZero();
		assertThat(jar.logText()).contains("Refusing to start with profile prod: AUTH_BOOTSTRAP_API_KEY is not set; "
				+ "AUTH_BOOTSTRAP_ADMIN_PASSWORD is shorter than 8 characters; AUTH_TOKEN_PRIVATE_KEY is not set")
			.doesNotContain("Zq9!x");
	}

	@Test
	void theServicesStartWithoutNatsThenConnectWhenItComes() {
		// The deployment's nats-server, not started yet: nothing listens on its port.
		ServerProcess nats = ServerProcess.nats(Path.of("deploy", "nats", "nats-server.conf"),
				Map.of("NATS_AUTH_USER", ProductionEnvironment.AUTH_NATS_USER, "NATS_AUTH_PASSWORD", prod.authNatsPassword,
						"NATS_BLOG_USER", ProductionEnvironment.BLOG_NATS_USER, "NATS_BLOG_PASSWORD", prod.blogNatsPassword),
				prod.work.resolve("late-nats"));
		Map<String, String> authEnv = new HashMap<>(prod.authService());
		authEnv.put("NATS_URL", nats.url());
		Map<String, String> blogEnv = new HashMap<>(prod.blogService());
		blogEnv.put("NATS_URL", nats.url());
		try (ServiceJar auth = ServiceJar.of("auth-service", prod.work.resolve("late-auth"), authEnv);
				ServiceJar blog = ServiceJar.of("blog-service", prod.work.resolve("late-blog"), blogEnv);
				nats) {
			auth.launch();
			blog.launch();
			auth.awaitReady(READY);
			blog.awaitReady(READY);
			ApiClient authApi = prod.client(auth.baseUrl());
			ApiClient blogApi = prod.client(blog.baseUrl());

			assertThat(components(authApi)).containsEntry("nats", "DOWN").containsEntry("db", "UP");
			assertThat(components(blogApi)).containsEntry("nats", "DOWN").containsEntry("mongo", "UP");
			assertThat(blogApi.get("/actuator/health/liveness").status()).isEqualTo(200);
			TestUser author = Users.withRoles(authApi, prod.admin(authApi), "AUTHOR");
			assertThat(blogApi.get("/blog/list/latest?page=1&limit=5").status()).as("public reads need no NATS").isEqualTo(200);
			Instant asked = Instant.now();
			assertFailure(blogApi.bearer(author.accessToken()).get("/blog/author/drafts?page=1&limit=1"), 503,
					"authentication service unavailable, try again later");
			assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(2));

			nats.start();
			Waiting.until(Duration.ofSeconds(15), () -> "UP".equals(components(authApi).get("nats"))
					&& blogApi.bearer(author.accessToken()).get("/blog/author/drafts?page=1&limit=1").status() == 200);
			assertThat(components(authApi)).containsEntry("nats", "UP");
			assertThat(components(blogApi)).containsEntry("nats", "UP");
			assertThat(blogApi.bearer(author.accessToken()).get("/blog/author/drafts?page=1&limit=1").status()).isEqualTo(200);

			nats.stop();
			// SIGTERM while NATS is away: the process ends promptly, not after a kill.
			assertThat(blog.terminate(Duration.ofSeconds(20))).isLessThan(Duration.ofSeconds(10));
			assertThat(auth.terminate(Duration.ofSeconds(20))).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void aServiceWhoseNatsNeverCameStopsOnSigterm() {
		Map<String, String> blogEnv = new HashMap<>(prod.blogService());
		blogEnv.put("NATS_URL", "nats://127.0.0.1:1");
		try (ServiceJar blog = ServiceJar.of("blog-service", prod.work.resolve("never-nats"), blogEnv).start()) {
			assertThat(components(prod.client(blog.baseUrl()))).containsEntry("nats", "DOWN");
			assertThat(blog.terminate(Duration.ofSeconds(20))).isLessThan(Duration.ofSeconds(10));
		}
	}

	/** Each health component's status, from {@code /actuator/health} (which answers 503 when one is down). */
	private static Map<String, String> components(ApiClient api) {
		JsonNode components = api.get("/actuator/health").json().path("components");
		Map<String, String> statuses = new HashMap<>();
		components.properties().forEach(entry -> statuses.put(entry.getKey(), entry.getValue().path("status").asString()));
		return statuses;
	}
}
