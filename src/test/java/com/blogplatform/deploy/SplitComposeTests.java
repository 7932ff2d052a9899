package com.blogplatform.deploy;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.BlogFixtures;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Users.TestUser;
import java.io.File;
import java.time.Duration;
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

	@BeforeAll
	void up() {
		compose = new ComposeContainer(new File("docker-compose-split.yml"))
			.withBuild(true)
			.withExposedService("kong-1", 8000,
					Wait.forHttp("/blog/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(15)));
		compose.start();
		kong = new ApiClient("http://" + compose.getServiceHost("kong-1", 8000) + ":" + compose.getServicePort("kong-1", 8000));
		// Kong may be up before auth and blog are: wait until both answer through it.
		awaitHealthy("/auth/health", Duration.ofMinutes(5));
		awaitHealthy("/blog/health", Duration.ofMinutes(5));
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
		TestUser author = Users.withRoles(kong, "AUTHOR");
		TestUser editor = Users.withRoles(kong, "EDITOR");
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
