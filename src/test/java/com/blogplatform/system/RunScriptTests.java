package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ServiceJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, started for real: {@code bash scripts/run.sh} (its AOT cache trained on
 * the first start after a build) runs the single jar with every option of {@code scripts/jvm.options}
 * and its {@code MALLOC_ARENA_MAX}, and the application answers.
 */
class RunScriptTests {

	@Test
	void runShStartsTheSingleJarWithItsJvmOptionsAndAotCache() throws IOException {
		Path work = Files.createDirectories(Path.of("target", "run-script", UUID.randomUUID().toString()).toAbsolutePath());
		List<String> options = Files.readAllLines(Path.of("scripts", "jvm.options"))
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		try (ServiceJar jar = ServiceJar.of("blog-platform", work, Map.of()).throughRunScript().start()) {
			Path process = Path.of("/proc", String.valueOf(jar.pid()));
			List<String> command = Arrays.asList(new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
			List<String> environment = Arrays.asList(new String(Files.readAllBytes(process.resolve("environ")), StandardCharsets.UTF_8).split("\0"));

			assertThat(command).as("the JVM's command line").containsAll(options).anyMatch(arg -> arg.startsWith("-XX:AOTCache="));
			assertThat(environment).contains("MALLOC_ARENA_MAX=2");
			assertThat(new ApiClient(jar.baseUrl()).get("/blog/health").status()).isEqualTo(200);
		}
	}
}
