package com.blogplatform;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many authenticated requests at once, several times the connection pool's size, as virtual
 * threads make easy: each must be answered, none may wait for a connection it can never get.
 */
@ApiTest
class ConcurrentRequestsTests {

	private static final int REQUESTS = 60;

	@LocalServer
	ApiClient api;

	@Test
	void authenticatedAuthRequestsAllSucceed() throws Exception {
		ApiClient user = api.bearer(Users.signUp(api).accessToken());

		assertThat(concurrently(() -> user.get("/auth/profile/mine").status())).containsOnly(200);
	}

	@Test
	void protectedBlogRequestsAllSucceed() throws Exception {
		ApiClient author = Users.clientWithRoles(api, "AUTHOR");

		assertThat(concurrently(() -> author.get("/blog/author/drafts?page=1&limit=10").status())).containsOnly(200);
	}

	private static List<Integer> concurrently(java.util.concurrent.Callable<Integer> request) throws Exception {
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < REQUESTS; i++) {
				answers.add(clients.submit(request));
			}
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		return statuses;
	}
}
