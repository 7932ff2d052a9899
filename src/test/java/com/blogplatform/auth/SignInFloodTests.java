package com.blogplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A flood of bad sign-ins (each a password hash, or the decoy hash for an unknown e-mail) must not
 * starve the rest of the API: hashing is bounded and holds no database connection, so the flood is
 * answered 401 or 429 (never 5xx) while API-key checks and public reads sent during it all succeed.
 */
@ApiTest
class SignInFloodTests {

	static final int BAD_SIGN_INS = 500;

	static final int OTHER_REQUESTS = 100;

	@LocalServer
	ApiClient api;

	@Test
	void badSignInsAreShedWithoutFailingOtherRequests() throws Exception {
		var victim = Users.signUp(api);
		var start = new CountDownLatch(1);
		List<Future<String>> signIns = new ArrayList<>();
		List<Future<String>> others = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < BAD_SIGN_INS; i++) {
				String email = i % 2 == 0 ? victim.email() : Users.uniqueEmail();
				signIns.add(submit(pool, start,
						() -> outcome(api.post("/auth/signin/basic", Map.of("email", email, "password", "not-the-password")))));
			}
			for (int i = 0; i < OTHER_REQUESTS; i++) {
				String path = i % 2 == 0 ? "/auth/verify/apikey" : "/blog/list/latest?page=1&limit=10";
				others.add(submit(pool, start, () -> outcome(api.get(path))));
			}
			start.countDown();
		}

		Map<String, Integer> signInStatuses = histogram(signIns);
		Map<String, Integer> otherStatuses = histogram(others);
		System.out.printf("[flood] %d concurrent bad sign-ins: %s; %d API-key checks and public reads during it: %s%n",
				BAD_SIGN_INS, signInStatuses, OTHER_REQUESTS, otherStatuses);
		assertThat(signInStatuses.keySet()).allSatisfy(outcome -> assertThat(outcome).matches("(401|429) .*"));
		assertThat(otherStatuses).containsOnlyKeys("200");
		assertThat(api.post("/auth/signin/basic", Map.of("email", Users.signUp(api).email(), "password", "secret-password"))
			.status()).isEqualTo(200);
	}

	private static Future<String> submit(ExecutorService pool, CountDownLatch start, Supplier<String> request) {
		return pool.submit(() -> {
			start.await();
			return request.get();
		});
	}

	/** The status, and for a failure its message: {@code 200}, {@code 429 too many requests, try again later}. */
	private static String outcome(ApiClient.Response response) {
		return response.status() == 200 ? "200" : response.status() + " " + response.message();
	}

	private static Map<String, Integer> histogram(List<Future<String>> results) throws Exception {
		Map<String, Integer> counts = new TreeMap<>();
		for (Future<String> result : results) {
			counts.merge(result.get(), 1, Integer::sum);
		}
		return counts;
	}
}
