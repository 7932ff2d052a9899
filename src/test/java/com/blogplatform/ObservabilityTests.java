package com.blogplatform;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Waiting;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes, through HTTP, with an API key: {@code /actuator/prometheus} with Boot's meters and the
 * auth port's timer by binding, method and outcome; and a caller's W3C {@code traceparent} continued
 * into the port call, visible as the exemplar of the port's latency bucket.
 */
@ApiTest
class ObservabilityTests {

	private static final String DRAFTS = "/blog/author/drafts?page=1&limit=1";

	@LocalServer
	ApiClient api;

	@Test
	void prometheusServesBootsMetersBehindTheApiKeyWhileHealthStaysOpen() {
		api.get("/blog/list/latest?page=1&limit=1");

		assertFailure(api.withoutApiKey().get("/actuator/prometheus"), 401, "x-api-key header is missing");
		assertFailure(api.with("x-api-key", "not-a-key").get("/actuator/prometheus"), 403, "permission denied: invalid x-api-key");
		assertThat(api.withoutApiKey().get("/actuator/health").status()).isEqualTo(200);
		assertThat(api.withoutApiKey().get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(api.withoutApiKey().get("/actuator/health/liveness").status()).isEqualTo(200);
		var scrape = api.get("/actuator/prometheus");

		assertThat(scrape.status()).isEqualTo(200);
		assertThat(scrape.headers().get("Content-Type")).anyMatch(type -> type.startsWith("text/plain"));
		assertThat(scrape.body()).contains("jvm_memory_used_bytes{", "process_cpu_usage{", "hikaricp_connections_active{",
				"http_server_requests_seconds_count{", "uri=\"/blog/list/latest\"", "application=\"blog-platform\"");
	}

	@Test
	void everyPortCallIsTimedByBindingMethodAndOutcome() {
		var author = Users.withRoles(api, "AUTHOR");
		double authenticated = portCalls("authenticate", "authenticated");
		double unauthenticated = portCalls("authenticate", "unauthenticated");
		double forbidden = portCalls("authenticate", "forbidden");

		assertThat(api.bearer(author.accessToken()).get(DRAFTS).status()).isEqualTo(200);
		assertThat(api.bearer("not.a.token").get(DRAFTS).status()).isEqualTo(401);

		assertThat(portCalls("authenticate", "authenticated")).isEqualTo(authenticated + 1);
		assertThat(portCalls("authenticate", "unauthenticated")).isEqualTo(unauthenticated + 1);
		assertThat(portCalls("authenticate", "forbidden")).as("a role check is blog's, not a port call").isEqualTo(forbidden);
	}

	@Test
	void theCallersTraceparentIsContinuedIntoThePortCall() {
		// A bucket's exemplar is replaced only once it is 7 s old (Prometheus client's sampler), and
		// earlier tests of this context may have just set one: send new traces until one shows.
		AtomicReference<String> sentTrace = new AtomicReference<>();
		Waiting.until(Duration.ofSeconds(20), () -> {
			String traceId = HexFormat.of().formatHex(randomBytes(16));
			String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
			var response = api.bearer("not.a.token." + UUID.randomUUID()).with("traceparent", traceparent).get(DRAFTS);
			assertThat(response.status()).isEqualTo(401);
			if (exemplarOf(traceId)) {
				sentTrace.set(traceId);
				return true;
			}
			Waiting.pause(Duration.ofSeconds(1));
			return false;
		});

		assertThat(sentTrace.get()).as("a latency bucket of the port call whose exemplar is the caller's trace").isNotNull();
	}

	private boolean exemplarOf(String traceId) {
		String openMetrics = api.with("Accept", "application/openmetrics-text;version=1.0.0").get("/actuator/prometheus").body();
		return openMetrics.lines().anyMatch(line -> line.startsWith("auth_port_seconds_bucket{")
				&& line.contains("outcome=\"unauthenticated\"") && line.contains("trace_id=\"" + traceId + "\""));
	}

	/** {@code auth_port_seconds_count} of the in-process binding for this method and outcome. */
	private double portCalls(String method, String outcome) {
		Pattern count = Pattern.compile("^auth_port_seconds_count\\{(.*)\\} (\\S+)$", Pattern.MULTILINE);
		Matcher matcher = count.matcher(api.get("/actuator/prometheus").body());
		while (matcher.find()) {
			String tags = matcher.group(1);
			if (tags.contains("binding=\"in-process\"") && tags.contains("method=\"" + method + "\"")
					&& tags.contains("outcome=\"" + outcome + "\"")) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}
}
