package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * When auth cannot answer, blog says so: 503, never a 401 that would send a user to sign in again.
 */
@ApiTest
class AuthOutageTests {

	@TestConfiguration
	static class UnreachableAuth {

		@Bean
		@Primary
		AuthPort unreachableAuth() {
			return new AuthPort() {

				@Override
				public AuthResult authenticate(String authorizationHeader) {
					return new AuthResult.Unavailable("auth service unavailable: no responders");
				}

				@Override
				public AuthResult authorize(UUID userId, Set<Role> anyOf) {
					return new AuthResult.Unavailable("auth service unavailable: no responders");
				}

				@Override
				public ProfileResult findProfile(UUID userId) {
					return new ProfileResult.Unavailable("auth service unavailable: no responders");
				}
			};
		}
	}

	@LocalServer
	ApiClient client;

	@Test
	void protectedRoutesAnswer503() {
		var api = client.with("Authorization", "Bearer some.token.value");

		assertFailure(api.get("/blog/author/drafts?page=1&limit=1"), 503, "authentication service unavailable, try again later");
		assertFailure(api.put("/blog/editor/publish/id/0123456789abcdef01234567", null), 503,
				"authentication service unavailable, try again later");
	}
}
