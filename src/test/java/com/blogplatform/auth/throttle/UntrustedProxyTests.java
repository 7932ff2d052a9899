package com.blogplatform.auth.throttle;

import static com.blogplatform.testing.ApiAssertions.assertFailure;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.LocalServerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Where loopback is not a trusted proxy, {@code X-Forwarded-For} from it is ignored: the client is
 * the socket's address, so made-up forwarded addresses share one bucket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "platform.trusted-proxies=192\\.0\\.2\\.1", "auth.throttle.per-address.capacity=2",
				"auth.throttle.per-address.period=1h" })
@ActiveProfiles("test")
@ExtendWith(LocalServerExtension.class)
class UntrustedProxyTests {

	@LocalServer
	ApiClient api;

	@Test
	void ignoresForwardedAddressesFromAnUntrustedPeer() {
		var forged = Map.of("refreshToken", "forged");
		assertFailure(api.with("X-Forwarded-For", "203.0.113.1").post("/auth/token/refresh", forged), 401,
				"permission denied: invalid Authorization");
		assertFailure(api.with("X-Forwarded-For", "203.0.113.2").post("/auth/token/refresh", forged), 401,
				"permission denied: invalid Authorization");

		RateLimitTests.assertLimited(api.with("X-Forwarded-For", "203.0.113.3").post("/auth/token/refresh", forged));
	}
}
