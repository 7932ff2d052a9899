package com.blogplatform.shared.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log format each profile configures, from the application's own configuration files: JSON
 * (Elastic Common Schema) in profile {@code prod}, readable text otherwise, both with the trace id,
 * span id and request id that tracing and {@link RequestIdFilter} put in the MDC. A bare application
 * (no auto-configuration, no beans) initialises logging exactly as the real one does, in a second.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTests {

	private static final Logger log = LoggerFactory.getLogger(LogFormatTests.class);

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String SPAN_ID = "b7ad6b7169203331";

	private static final List<String> STRUCTURED_FORMATS = List.of("CONSOLE_LOG_STRUCTURED_FORMAT", "FILE_LOG_STRUCTURED_FORMAT");

	/**
	 * Boot hands the resolved format to Logback as system properties, and sets each only once per
	 * JVM: start from none, and leave the JVM as it was (text) for the tests that follow.
	 */
	private final Properties before = (Properties) System.getProperties().clone();

	@BeforeEach
	void withoutAFormatChosenEarlierInThisJvm() {
		STRUCTURED_FORMATS.forEach(System::clearProperty);
	}

	@AfterEach
	void restoreTheFormatOfThisJvm() {
		System.setProperties(before);
		STRUCTURED_FORMATS.forEach(name -> {
			if (before.getProperty(name) == null) {
				System.clearProperty(name);
			}
		});
		logWith(new String[0], "log format restored");
	}

	@Test
	void profileProdWritesOneJsonObjectALineWithTheIds(CapturedOutput output) {
		String marker = "json-" + UUID.randomUUID();

		logWith(new String[] { "prod" }, marker);

		List<String> lines = output.getOut().lines().filter(line -> line.contains(marker)).toList();
		assertThat(lines).hasSize(1);
		JsonNode json = JsonMapper.shared().readTree(lines.getFirst());
		assertThat(json.path("message").asString()).isEqualTo(marker);
		assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(json.path("service").path("name").asString()).isEqualTo("blog-platform");
		assertThat(json.path("traceId").asString()).isEqualTo(TRACE_ID);
		assertThat(json.path("spanId").asString()).isEqualTo(SPAN_ID);
		assertThat(json.path(RequestId.MDC_KEY).asString()).isEqualTo("request-" + marker);
	}

	@Test
	void theDefaultProfileWritesReadableTextWithTheIds(CapturedOutput output) {
		String marker = "text-" + UUID.randomUUID();

		logWith(new String[0], marker);

		List<String> lines = output.getOut().lines().filter(line -> line.contains(marker)).toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.getFirst()).doesNotStartWith("{")
			.contains(" INFO ", "[" + TRACE_ID + "," + SPAN_ID + "] [request-" + marker + "] ", "LogFormatTests");
	}

	/** Starts the bare application with these profiles and logs one line with the ids in the MDC. */
	private static void logWith(String[] profiles, String message) {
		try (var context = new SpringApplicationBuilder(Bare.class).profiles(profiles)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			MDC.put("traceId", TRACE_ID);
			MDC.put("spanId", SPAN_ID);
			MDC.put(RequestId.MDC_KEY, "request-" + message);
			try {
				log.info(message);
			}
			finally {
				MDC.clear();
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Bare {
	}
}
