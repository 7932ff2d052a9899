package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.BlogPlatformApplication;
import com.blogplatform.testing.ApiTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * Kong's declarative configuration against the application's real routes: every route of a module
 * is reachable through Kong and lands on that module's service, and Kong routes to nothing that
 * does not exist. Paths are not stripped, so the URL space equals the single jar's.
 */
@ApiTest
class KongRoutesTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@ParameterizedTest
	@ValueSource(strings = { "kong/kong.yml", "kong/kong-load-balanced.yml" })
	void everyModuleRouteReachesItsServiceThroughKong(String file) throws IOException {
		List<KongRoute> kong = kongRoutes(Path.of(file));
		Map<String, String> appRoutes = applicationRoutes();

		assertThat(appRoutes).isNotEmpty();
		appRoutes.forEach((path, module) -> {
			List<KongRoute> matching = kong.stream().filter(route -> route.matches(path)).toList();
			assertThat(matching).as("%s (module %s) through %s", path, module, file).isNotEmpty();
			KongRoute longest = matching.stream().max((a, b) -> Integer.compare(a.prefix().length(), b.prefix().length())).get();
			assertThat(longest.service()).as("service for %s in %s", path, file).isEqualTo(module);
			assertThat(longest.stripPath()).as("strip_path of %s in %s", longest.name(), file).isFalse();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "kong/kong.yml", "kong/kong-load-balanced.yml" })
	void kongRoutesOnlyToExistingRoutes(String file) throws IOException {
		Map<String, String> appRoutes = applicationRoutes();
		for (KongRoute route : kongRoutes(Path.of(file))) {
			assertThat(appRoutes.keySet().stream().anyMatch(route::matches))
				.as("Kong route %s (%s) in %s leads to no application route", route.name(), route.prefix(), file).isTrue();
			assertThat(appRoutes.entrySet().stream().filter(e -> route.matches(e.getKey())).map(Map.Entry::getValue))
				.as("Kong route %s must reach only module %s", route.name(), route.service()).containsOnly(route.service());
		}
	}

	/** Route pattern to module, for every controller of a module. */
	private Map<String, String> applicationRoutes() {
		Map<String, String> routes = new LinkedHashMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			String module = moduleOf(handler);
			if (module != null) {
				info.getPatternValues().forEach(pattern -> routes.put(pattern, module));
			}
		});
		return routes;
	}

	private static String moduleOf(HandlerMethod handler) {
		String name = handler.getBeanType().getPackageName();
		String base = BlogPlatformApplication.class.getPackageName() + ".";
		if (!name.startsWith(base)) {
			return null;
		}
		String module = name.substring(base.length()).split("\\.")[0];
		return Set.of("auth", "blog").contains(module) ? module : null;
	}

	record KongRoute(String name, String service, String prefix, boolean stripPath) {

		/** Kong's prefix match, or its anchored regex match for {@code ~} paths. */
		boolean matches(String path) {
			if (prefix.startsWith("~")) {
				return java.util.regex.Pattern.compile("^" + prefix.substring(1)).matcher(path).find();
			}
			return path.startsWith(prefix);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<KongRoute> kongRoutes(Path file) throws IOException {
		Map<String, Object> config;
		try (Reader reader = Files.newBufferedReader(file)) {
			config = new Yaml().load(reader);
		}
		List<KongRoute> routes = new ArrayList<>();
		for (Map<String, Object> service : (List<Map<String, Object>>) config.get("services")) {
			for (Map<String, Object> route : (List<Map<String, Object>>) service.getOrDefault("routes", List.of())) {
				boolean strip = (Boolean) route.getOrDefault("strip_path", Boolean.TRUE);
				for (String path : (List<String>) route.get("paths")) {
					routes.add(new KongRoute(String.valueOf(route.get("name")), String.valueOf(service.get("name")), path, strip));
				}
			}
		}
		Set<String> names = new TreeSet<>();
		routes.forEach(route -> names.add(route.service()));
		assertThat(names).as("services in " + file).containsExactlyInAnyOrder("auth", "blog");
		return routes;
	}
}
