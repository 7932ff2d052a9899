package com.blogplatform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ServiceJar;
import com.blogplatform.testing.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One running single jar per data directory: a second one started on it is refused with the reason
 * and leaves the first one's embedded PostgreSQL running; after a crash (SIGKILL, its PostgreSQL left
 * behind) the next start takes the directory over and serves the same data.
 */
class DataDirectoryTests {

	@Test
	void aSecondInstanceIsRefusedAndACrashedOnesServerIsTakenOver() throws IOException {
		Path work = Files.createDirectories(Path.of("target", "data-directory", UUID.randomUUID().toString()).toAbsolutePath());
		Map<String, String> shared = Map.of("PLATFORM_DATA_DIR", work.resolve("data").toString());
		try (ServiceJar first = ServiceJar.of("blog-platform", work.resolve("first"), shared).start();
				ServiceJar second = ServiceJar.of("blog-platform", work.resolve("second"), shared).launch();
				ServiceJar third = ServiceJar.of("blog-platform", work.resolve("third"), shared)) {
			ApiClient api = new ApiClient(first.baseUrl());
			String email = Users.signUp(api).email();

			assertThat(second.awaitExit(Duration.ofSeconds(120))).isNotZero();
			assertThat(second.logText()).contains("is in use by another running instance of the application");
			assertThat(Users.signIn(api, email, "secret-password").accessToken()).as("the first one's database still answers").isNotBlank();

			first.kill();
			third.start();
			assertThat(third.logText()).contains("left running by an instance that was killed");
			assertThat(Users.signIn(new ApiClient(third.baseUrl()), email, "secret-password").accessToken()).isNotBlank();
		}
	}
}
