package com.blogplatform.shared.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log format each profile configures, from the application's own configuration files: JSON
 * (Elastic Common Schema) in profile {@code prod}, readable text otherwise, both with the trace id,
 * span id and request id that tracing and {@link RequestIdFilter} put in the MDC. A bare application
 * (no auto-configuration, no beans) initialises logging exactly as the real one does; it runs in a
 * JVM of its own, since logging is initialised once per JVM and the test JVM's already is.
 */
class LogFormatTests {

	private static final Logger log = LoggerFactory.getLogger(LogFormatTests.class);

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String SPAN_ID = "b7ad6b7169203331";

	@Test
	void profileProdWritesOneJsonObjectALineWithTheIds() throws Exception {
		String marker = "json-" + UUID.randomUUID();

		List<String> output = runWith("prod", marker);

		List<String> lines = output.stream().filter(line -> line.contains(marker)).toList();
		assertThat(lines).as(String.join("\n", output)).hasSize(1);
		assertThat(output).as("every line is JSON").allMatch(line -> line.startsWith("{") && line.endsWith("}"));
		JsonNode json = JsonMapper.shared().readTree(lines.getFirst());
		assertThat(json.path("message").asString()).isEqualTo(marker);
		assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(json.path("service").path("name").asString()).isEqualTo("blog-platform");
		assertThat(json.path("traceId").asString()).isEqualTo(TRACE_ID);
		assertThat(json.path("spanId").asString()).isEqualTo(SPAN_ID);
		assertThat(json.path(RequestId.MDC_KEY).asString()).isEqualTo("request-" + marker);
		// What the system tests of profile prod look for in a service's log (its quotes escaped in JSON).
		assertThat(output).anyMatch(line -> line.contains("The following 1 profile is active: \\\"prod\\\""));
	}

	@Test
	void theDefaultProfileWritesReadableTextWithTheIds() throws Exception {
		String marker = "text-" + UUID.randomUUID();

		List<String> output = runWith("default", marker);

		List<String> lines = output.stream().filter(line -> line.contains(marker)).toList();
		assertThat(lines).as(String.join("\n", output)).hasSize(1);
		assertThat(lines.getFirst()).doesNotStartWith("{")
			.contains(" INFO ", "[" + TRACE_ID + "," + SPAN_ID + "] [request-" + marker + "] ", "LogFormatTests");
	}

	/** Runs {@link #main} in a new JVM on the test classpath; its output, line by line. */
	private static List<String> runWith(String profile, String marker) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				LogFormatTests.class.getName(), profile, marker)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().filter(line -> !line.isBlank()).toList();
	}

	/** Starts the bare application with the given profile and logs one line with the ids in the MDC. */
	public static void main(String[] args) {
		try (var context = new SpringApplicationBuilder(Bare.class).profiles(args[0])
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(true)
			.run()) {
			MDC.put("traceId", TRACE_ID);
			MDC.put("spanId", SPAN_ID);
			MDC.put(RequestId.MDC_KEY, "request-" + args[1]);
			log.info(args[1]);
			MDC.clear();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Bare {
	}
}
