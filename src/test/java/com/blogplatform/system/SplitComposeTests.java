package com.blogplatform.system;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Users.TestUser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code docker-compose-split.yml} as a user starts it: images built from the Dockerfile, Kong in
 * front, and the API flow through Kong's proxy only. Needs a Docker engine with Compose v2; where
 * there is none (as on the development machine this was written on) it is skipped, and says so.
 */
@ExtendWith(SplitComposeTests.RequiresDocker.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class SplitComposeTests {

	private ComposeContainer compose;

	private ApiClient kong;

	/** The required variables of the compose file, each a secret of this run's own (as an operator's .env would hold). */
	private final Map<String, String> env = new HashMap<>();

	private Users.TestUser admin;

	@BeforeAll
	void up() throws Exception {
		for (String secret : List.of("POSTGRES_PASSWORD", "AUTH_DB_PASSWORD", "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD",
				"REDIS_PASSWORD", "NATS_AUTH_PASSWORD", "NATS_BLOG_PASSWORD", "AUTH_BOOTSTRAP_API_KEY",
				"AUTH_BOOTSTRAP_ADMIN_PASSWORD")) {
			env.put(secret, "s" + UUID.randomUUID().toString().replace("-", ""));
		}
		env.put("AUTH_BOOTSTRAP_ADMIN_EMAIL", "ops@example.com");
		Path key = Files.createDirectories(Path.of("target", "compose-secrets")).resolve("jwt-private.pem");
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
		// Readable by the containers' non-root user (uid 10001): a test key, thrown away with target/.
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
		env.put("AUTH_TOKEN_PRIVATE_KEY_FILE", key.toAbsolutePath().toString());
		compose = new ComposeContainer(new File("docker-compose-split.yml"))
			.withEnv(env)
			.withBuild(true)
			.withExposedService("kong-1", 8000,
					Wait.forHttp("/blog/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(15)));
		compose.start();
		kong = new ApiClient("http://" + compose.getServiceHost("kong-1", 8000) + ":" + compose.getServicePort("kong-1", 8000))
			.with("x-api-key", env.get("AUTH_BOOTSTRAP_API_KEY"));
		// Kong may be up before auth and blog are: wait until both answer through it.
		awaitHealthy("/auth/health", Duration.ofMinutes(5));
		awaitHealthy("/blog/health", Duration.ofMinutes(5));
		admin = Users.signIn(kong, env.get("AUTH_BOOTSTRAP_ADMIN_EMAIL"), env.get("AUTH_BOOTSTRAP_ADMIN_PASSWORD"));
	}

	@AfterAll
	void down() {
		if (compose != null) {
			compose.stop();
		}
	}

	@Test
	void theGatewayRequiresAValidApiKey() {
		assertFailure(kong.withoutApiKey().get("/blog/list/latest?page=1&limit=1"), 401, "x-api-key header is missing");
		assertFailure(kong.with("x-api-key", "not-a-key").get("/blog/list/latest?page=1&limit=1"), 403,
				"permission denied: invalid x-api-key");
		assertThat(kong.withoutApiKey().get("/auth/health").status()).isEqualTo(200);
	}

	@Test
	void theWholeFlowThroughKong() {
		TestUser author = Users.withRoles(kong, admin, "AUTHOR");
		TestUser editor = Users.withRoles(kong, admin, "EDITOR");
		String title = "Through Kong " + UUID.randomUUID();

		String id = BlogFixtures.published(kong.bearer(author.accessToken()), kong.bearer(editor.accessToken()), title, "KONG");

		var read = kong.get("/blog/id/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.data().path("title").asString()).isEqualTo(title);
		assertThat(kong.get("/blog/list/tag/KONG?page=1&limit=10").data().findValuesAsString("_id")).contains(id);
		assertThat(kong.bearer(author.accessToken()).get("/auth/profile/mine").data().path("email").asString())
			.isEqualTo(author.email());
		assertThat(kong.post("/auth/signup/basic", Map.of()).status()).isEqualTo(400);
	}

	private void awaitHealthy(String path, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (kong.get(path).status() != 200) {
			assertThat(System.nanoTime()).as(path + " healthy through Kong within " + patience).isLessThan(deadline);
			try {
				Thread.sleep(1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** Skips the class, visibly, where no Docker engine answers. */
	static class RequiresDocker implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (DockerClientFactory.instance().isDockerAvailable()) {
				return ConditionEvaluationResult.enabled("a Docker engine is available");
			}
			String reason = "SKIPPED " + context.getDisplayName()
					+ ": no Docker engine is reachable, so docker-compose-split.yml cannot be started here";
			System.out.println(reason);
			return ConditionEvaluationResult.disabled(reason);
		}
	}
}
