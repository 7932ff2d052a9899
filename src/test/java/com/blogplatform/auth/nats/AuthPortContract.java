package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every binding of {@link AuthPort} must do, whatever carries the call. Subclasses provide the
 * binding; users and tokens are real, made through the public API of a running application.
 */
abstract class AuthPortContract {

	@LocalServer
	ApiClient api;

	/** The binding under test. */
	abstract AuthPort port();

	@Test
	void authenticatesAValidTokenWithTheUsersRolesInOneCall() {
		var author = Users.withRoles(api, "AUTHOR", "LEARNER");

		AuthResult result = port().authenticate("Bearer " + author.accessToken());

		assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class, authenticated -> {
			assertThat(authenticated.user().id()).isEqualTo(UUID.fromString(author.id()));
			assertThat(authenticated.user().email()).isEqualTo(author.email());
			assertThat(authenticated.user().name()).isEqualTo("Test User");
			assertThat(authenticated.user().roles()).containsExactlyInAnyOrder(Role.AUTHOR, Role.LEARNER);
		});
	}

	@Test
	void rejectsAMissingHeader() {
		assertThat(port().authenticate(null)).isEqualTo(new AuthResult.Unauthenticated("permission denied: missing Authorization"));
		assertThat(port().authenticate("")).isEqualTo(new AuthResult.Unauthenticated("permission denied: missing Authorization"));
	}

	@Test
	void rejectsAMalformedHeader() {
		assertThat(port().authenticate("Token abc")).isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid Authorization"));
	}

	@Test
	void rejectsATamperedToken() {
		var user = Users.signUp(api);

		assertThat(port().authenticate("Bearer " + user.accessToken() + "x"))
			.isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid access token"));
	}

	@Test
	void rejectsARevokedToken() {
		var user = Users.signUp(api);
		api.bearer(user.accessToken()).delete("/auth/signout");

		assertThat(port().authenticate("Bearer " + user.accessToken()))
			.isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid access token"));
	}

	@Test
	void rejectsATokenSignedOutAfterItWasAuthenticatedFromMemory() {
		var user = Users.signUp(api);
		String header = "Bearer " + user.accessToken();
		assertThat(port().authenticate(header)).isInstanceOf(AuthResult.Authenticated.class);
		assertThat(port().authenticate(header)).as("now from the grant kept in memory").isInstanceOf(AuthResult.Authenticated.class);

		assertThat(api.bearer(user.accessToken()).delete("/auth/signout").status()).isEqualTo(200);

		assertThat(port().authenticate(header)).isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid access token"));
	}

	@Test
	void rejectsAnAccessTokenRotatedAfterItWasAuthenticated() {
		var user = Users.signUp(api);
		String header = "Bearer " + user.accessToken();
		assertThat(port().authenticate(header)).isInstanceOf(AuthResult.Authenticated.class);
		assertThat(port().authenticate(header)).isInstanceOf(AuthResult.Authenticated.class);

		assertThat(api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken())).status())
			.isEqualTo(200);

		assertThat(port().authenticate(header)).isEqualTo(new AuthResult.Unauthenticated("permission denied: invalid access token"));
	}

	@Test
	void rejectsARefreshTokenUsedAsAccessToken() {
		var user = Users.signUp(api);

		assertThat(port().authenticate("Bearer " + user.refreshToken())).isInstanceOf(AuthResult.Unauthenticated.class);
	}

	@Test
	void authorizesAUserHoldingOneOfTheRoles() {
		var editor = Users.withRoles(api, "EDITOR");

		AuthResult result = port().authorize(UUID.fromString(editor.id()), EnumSet.of(Role.AUTHOR, Role.EDITOR));

		assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class,
				authenticated -> assertThat(authenticated.user().roles()).containsExactly(Role.EDITOR));
	}

	@Test
	void forbidsAUserWithoutTheRole() {
		var learner = Users.signUp(api);

		assertThat(port().authorize(UUID.fromString(learner.id()), Set.of(Role.EDITOR)))
			.isEqualTo(new AuthResult.Forbidden("permission denied: does not have suffient role"));
	}

	@Test
	void doesNotAuthorizeAnUnknownUser() {
		assertThat(port().authorize(UUID.randomUUID(), Set.of(Role.EDITOR))).isInstanceOf(AuthResult.Unauthenticated.class);
	}

	@Test
	void findsAPublicProfileWithoutTheEmail() {
		var user = Users.signUp(api);

		ProfileResult result = port().findProfile(UUID.fromString(user.id()));

		assertThat(result).isInstanceOfSatisfying(ProfileResult.Found.class, found -> {
			assertThat(found.profile().id()).isEqualTo(UUID.fromString(user.id()));
			assertThat(found.profile().name()).isEqualTo("Test User");
		});
	}

	@Test
	void findsNoProfileForAnUnknownUser() {
		assertThat(port().findProfile(UUID.randomUUID())).isInstanceOf(ProfileResult.NotFound.class);
	}

	static String jti(String token) {
		return JWT.decode(token).getId();
	}
}
