package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The Swagger UI of the single jar in a real headless Chromium: it loads the swagger-config, then
 * each module's document by its prefixed URL, and lists every operation of both. Chromium is
 * Debian's {@code chromium} package, which scripts/test.sh installs when missing; where there is
 * none the test is skipped, saying so.
 */
@ApiTest
class SwaggerUiBrowserTests {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

	/** One rendered operation: the method badge, then the path of the same block. */
	private static final Pattern OPERATION = Pattern
		.compile("opblock-summary-method\">([A-Z]+)</span>.*?data-path=\"([^\"]+)\"", Pattern.DOTALL);

	@LocalServer
	ApiClient api;

	@Value("${local.server.port}")
	int port;

	private Path browser;

	@BeforeEach
	void findBrowser() {
		Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.flatMap(directory -> BROWSERS.stream().map(name -> Path.of(directory, name)))
			.filter(Files::isExecutable)
			.findFirst();
		Assumptions.assumeTrue(found.isPresent(),
				"no Chromium on the PATH: install Debian's chromium package (scripts/test.sh does, as root) to run this test");
		browser = found.get();
	}

	@Test
	void theUiListsEveryOperationOfBothModules() throws Exception {
		for (Map.Entry<String, String> module : Map.of("Auth", "auth", "Blog", "blog").entrySet()) {
			Set<String> expected = documented(module.getValue());
			String page = "http://127.0.0.1:" + port + "/swagger-ui/index.html?urls.primaryName=" + module.getKey();
			String dom = "";
			Set<String> rendered = Set.of();
			// Swagger UI fetches the config and then the document: give slow machines more time, never less.
			for (int budget = 10_000; budget <= 40_000 && !rendered.equals(expected); budget *= 2) {
				dom = render(page, budget);
				rendered = operations(dom);
			}
			assertThat(rendered).as("operations Swagger UI lists for %s", module.getKey()).isEqualTo(expected);
			assertThat(dom).contains("<option value=\"/auth/v3/api-docs\">Auth</option>",
					"<option value=\"/blog/v3/api-docs\">Blog</option>");
		}
	}

	private Set<String> documented(String module) {
		JsonNode paths = api.withoutApiKey().get("/" + module + "/v3/api-docs").json().path("paths");
		Set<String> operations = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			path.getValue().propertyNames().forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
		}
		assertThat(operations).as("operations of %s", module).isNotEmpty();
		return operations;
	}

	private static Set<String> operations(String dom) {
		Set<String> operations = new TreeSet<>();
		Matcher matcher = OPERATION.matcher(dom);
		while (matcher.find()) {
			operations.add(matcher.group(1) + " " + matcher.group(2));
		}
		return operations;
	}

	/** The page's DOM once the page has run for {@code budgetMillis} of virtual time (network waits included). */
	private String render(String page, int budgetMillis) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("swagger-ui-chromium");
		Path dom = profile.resolve("dom.html");
		Path log = profile.resolve("chromium.log");
		List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile.resolve("profile"), "--dump-dom",
				"--virtual-time-budget=" + budgetMillis, page));
		Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
		try {
			if (!chromium.waitFor(budgetMillis / 1000 + 60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Chromium did not finish rendering " + page);
			}
			assertThat(chromium.exitValue()).as("Chromium's exit status; its log: %s", Files.readString(log)).isZero();
			return Files.readString(dom, StandardCharsets.UTF_8);
		}
		finally {
			chromium.destroyForcibly();
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}
}
