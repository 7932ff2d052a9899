package com.blogplatform.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.user.Account;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users.TestUser;
import com.blogplatform.testing.Users;
import com.blogplatform.testing.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Two instances on one database: the application (its own {@link SessionGrants}), and a second
 * {@link SessionGrants} standing for another instance, whose reads of the database are counted. A
 * grant it kept is used without a query, and a change made through the application has dropped it
 * when the change is answered.
 */
@ApiTest
class SessionGrantsTests {

	@Autowired
	SessionGrants application;

	@Autowired
	TokenCodec codec;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	SessionProperties properties;

	@LocalServer
	ApiClient api;

	final AtomicInteger reads = new AtomicInteger();

	SessionGrants other;

	@BeforeEach
	void startAnotherInstance() {
		JdbcTemplate counted = new JdbcTemplate(dataSource) {
			@Override
			public <T> T query(String sql, ResultSetExtractor<T> extractor, Object... args) {
				reads.incrementAndGet();
				return super.query(sql, extractor, args);
			}
		};
		other = new SessionGrants(new SessionGrant.Query(counted), dataSource, database, properties);
		other.start();
		Waiting.until(Duration.ofSeconds(10), other::listening);
		Waiting.until(Duration.ofSeconds(10), application::listening);
	}

	@AfterEach
	void stopIt() {
		other.stop();
	}

	@Test
	void aKeptGrantIsUsedWithoutAQueryAndASignOutElsewhereHasEndedItWhenItIsAnswered() {
		TestUser user = Users.signUp(api);
		assertThat(grantOf(user).map(SessionGrant::sessionActive)).contains(true);
		assertThat(grantOf(user).map(SessionGrant::sessionActive)).contains(true);
		assertThat(reads).as("the second authentication is the kept grant's").hasValue(1);

		assertThat(api.bearer(user.accessToken()).delete("/auth/signout").status()).isEqualTo(200);

		assertThat(grantOf(user).map(SessionGrant::sessionActive)).as("signed out through the other instance").contains(false);
		assertThat(reads).hasValue(2);
	}

	@Test
	void rolesAssignedElsewhereAreSeenOnTheNextRequest() {
		TestUser admin = Users.admin(api);
		TestUser user = Users.withRoles(api, admin, "AUTHOR");
		assertThat(roleCodes(user)).containsExactly("AUTHOR");
		assertThat(roleCodes(user)).containsExactly("AUTHOR");

		var assigned = api.bearer(admin.accessToken())
			.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", List.of("AUTHOR", "EDITOR")));
		assertThat(assigned.status()).isEqualTo(200);

		assertThat(roleCodes(user)).containsExactly("AUTHOR", "EDITOR");
	}

	@Test
	void aRotatedAccessTokenIsRefusedElsewhereOnTheNextRequest() {
		TestUser user = Users.signUp(api);
		assertThat(grantOf(user).map(SessionGrant::sessionActive)).contains(true);

		var refreshed = api.bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));
		assertThat(refreshed.status()).isEqualTo(200);

		assertThat(grantOf(user).map(SessionGrant::sessionActive)).contains(false);
	}

	@Test
	void onlyATransactionThatChangedAGrantWaitsForConfirmations() {
		TestUser user = Users.signUp(api);
		long asked = application.confirmationRequests();

		Users.signIn(api, user.email(), user.password()); // a new session: nothing kept changes

		assertThat(application.confirmationRequests()).isEqualTo(asked);
		assertThat(api.bearer(user.accessToken()).delete("/auth/signout").status()).isEqualTo(200);
		assertThat(application.confirmationRequests()).isEqualTo(asked + 1);
	}

	@Test
	void everyListeningInstanceConfirmsAChange() {
		SessionGrants.Confirmed confirmed = application.awaitConfirmations();

		assertThat(confirmed.listening()).as("the application, the other instance and any other listening").isGreaterThanOrEqualTo(2);
		assertThat(confirmed.confirmed()).isEqualTo(confirmed.listening());
	}

	@Test
	void anInstanceThatIsNotListeningReadsEveryGrant() {
		TestUser user = Users.signUp(api);
		grantOf(user);
		grantOf(user);
		assertThat(reads).hasValue(1);

		other.stop();

		assertThat(other.listening()).isFalse();
		assertThat(grantOf(user).map(SessionGrant::sessionActive)).contains(true);
		assertThat(reads).hasValue(2);
	}

	private Optional<SessionGrant> grantOf(TestUser user) {
		var claims = ((TokenCodec.Verification.Valid) codec.verify(user.accessToken(), TokenCodec.Use.ACCESS)).claims();
		return other.find(claims.subject(), claims.id(), Instant.now());
	}

	private List<String> roleCodes(TestUser user) {
		return grantOf(user).orElseThrow().account().roles().stream().map(Account.AssignedRole::code).toList();
	}
}
