package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * "Nothing to install", checked the hard way: {@code target/blog-platform.jar} started inside an
 * empty network namespace ({@code unshare -n}: no route anywhere, loopback down, no database or
 * broker reachable), then used from inside it: health, sign-up, a blog list.
 */
class NoNetworkTests {

	private static final boolean REQUIRED = Boolean.getBoolean("split.required");

	@Test
	void theSingleJarRunsInAnEmptyNetworkNamespace() throws Exception {
		Path jar = Path.of("target", "blog-platform.jar").toAbsolutePath();
		if (REQUIRED && !Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is not built (scripts/test.sh builds it)");
		}
		Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built: run 'mvn -DskipTests package' first");
		Assumptions.assumeTrue(canUnshareNetwork(), "this user cannot create a network namespace (unshare -n)");

		Path work = Files.createDirectories(Path.of("target", "no-network", UUID.randomUUID().toString()).toAbsolutePath());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String script = """
				ip -o link show lo 2>/dev/null | grep -q 'state DOWN' && echo 'loopback: down'
				PORT=18181 PLATFORM_DATA_DIR=%1$s/data %2$s -Xmx384m -XX:TieredStopAtLevel=1 -jar %3$s > %1$s/app.log 2>&1 &
				app=$!
				http() { # method path [body]
				  exec 3<>/dev/tcp/127.0.0.1/18181 || return 1
				  printf '%%s %%s HTTP/1.0\\r\\nx-api-key: 1D3F2DD1A5DE725DD4DF1D82BBB37\\r\\nContent-Type: application/json\\r\\nContent-Length: %%s\\r\\n\\r\\n%%s' "$1" "$2" "${#3}" "$3" >&3
				  cat <&3; exec 3<&-
				}
				for i in $(seq 1 120); do http GET /auth/health 2>/dev/null | grep -q '"status":"OK"' && break; sleep 1; done
				echo "health: $(http GET /auth/health | tail -1)"
				echo "signup: $(http POST /auth/signup/basic '{"email":"offline@example.com","password":"secret-password","name":"Offline"}' | head -1)"
				echo "latest: $(http GET '/blog/list/latest?page=1&limit=5' | tail -1)"
				kill $app; wait $app
				""".formatted(work, java, jar);
		Process process = new ProcessBuilder("unshare", "-n", "bash", "-c", script).redirectErrorStream(true).start();
		assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("finished").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(output).as(output + "\napp log: " + work.resolve("app.log"))
			.contains("health: {\"code\":\"10000\",\"status\":200")
			.contains("signup: HTTP/1.1 200")
			.contains("latest: {\"code\":\"10000\",\"status\":200,\"message\":\"success\",\"data\":[]}");
	}

	private static boolean canUnshareNetwork() throws InterruptedException {
		try {
			Process probe = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
			return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
		}
		catch (IOException noUnshare) {
			return false;
		}
	}
}
