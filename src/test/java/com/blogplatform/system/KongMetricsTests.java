package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Metrics and the gateway, from the Kong files as written: Kong's own metrics (a global
 * {@code prometheus} plugin), and no route through which a client could reach a service's
 * {@code /actuator/prometheus} (or any other actuator endpoint).
 */
class KongMetricsTests {

	@ParameterizedTest
	@ValueSource(strings = { "kong/kong.yml", "kong/kong-load-balanced.yml" })
	@SuppressWarnings("unchecked")
	void kongExportsItsOwnMetricsAndRoutesNoActuatorPath(String file) throws IOException {
		Map<String, Object> config = new Yaml().load(Files.readString(Path.of(file)));

		List<Map<String, Object>> plugins = (List<Map<String, Object>>) config.get("plugins");
		assertThat(plugins).filteredOn(plugin -> "prometheus".equals(plugin.get("name")))
			.singleElement()
			.satisfies(plugin -> assertThat(plugin).as("global").doesNotContainKeys("service", "route", "consumer"));
		List<Map<String, Object>> services = (List<Map<String, Object>>) config.get("services");
		List<String> prefixes = services.stream()
			.flatMap(service -> ((List<Map<String, Object>>) service.get("routes")).stream())
			.flatMap(route -> ((List<String>) route.get("paths")).stream())
			.toList();
		assertThat(prefixes).isNotEmpty()
			.noneMatch(prefix -> "/actuator/prometheus".startsWith(prefix) || prefix.startsWith("~") || prefix.equals("/"));
	}
}
