package com.blogplatform.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.throttle.SmallLimitsApiTest;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every security event of the credential endpoints, sign-out and role changes becomes one
 * {@code security} log line and one audit row, with the user id or the e-mail's hash, the client
 * address and the request id, and never a password, token or plain e-mail.
 */
@SmallLimitsApiTest
class SecurityAuditTests {

	@LocalServer
	ApiClient api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditRetention retention;

	record Row(String action, String outcome, UUID userId, String account, String clientAddress, String detail) {
	}

	@Test
	void recordsSignUpAndATakenEmail(CapturedOutput output) throws InterruptedException {
		String address = SmallLimitsApiTest.Addresses.next();
		String id = requestId();
		var user = Users.signUp(client(address, id));
		String taken = requestId();
		client(address, taken).post("/auth/signup/basic",
				Map.of("email", user.email(), "password", "another-password", "name", "Someone"));

		assertRecorded(output, id, new Row("SIGN_UP", "SUCCESS", UUID.fromString(user.id()), null, address, null));
		assertRecorded(output, taken,
				new Row("SIGN_UP", "FAILURE", null, SecurityEvent.accountOf(user.email()), address, "email taken"));
		assertNoSecrets(output, user, "another-password");
	}

	@Test
	void recordsSignInSuccessAndFailureAndThrottling(CapturedOutput output) throws InterruptedException {
		String address = SmallLimitsApiTest.Addresses.next();
		var user = Users.signUp(client(address, requestId()));
		String success = requestId();
		client(address, success).post("/auth/signin/basic", Map.of("email", user.email(), "password", user.password()));
		String failure = requestId();
		for (int i = 0; i < 3; i++) {
			client(address, failure).post("/auth/signin/basic", Map.of("email", user.email(), "password", "wrong-password"));
		}
		String throttled = requestId();
		assertThat(client(address, throttled)
			.post("/auth/signin/basic", Map.of("email", user.email(), "password", "wrong-password")).status()).isEqualTo(429);
		String unknown = requestId();
		String unknownEmail = Users.uniqueEmail();
		client(address, unknown).post("/auth/signin/basic", Map.of("email", unknownEmail, "password", "wrong-password"));

		String account = SecurityEvent.accountOf(user.email());
		assertRecorded(output, success, new Row("SIGN_IN", "SUCCESS", UUID.fromString(user.id()), null, address, null));
		assertRecorded(output, failure, new Row("SIGN_IN", "FAILURE", null, account, address, "bad credentials"),
				new Row("SIGN_IN", "FAILURE", null, account, address, "bad credentials"),
				new Row("SIGN_IN", "FAILURE", null, account, address, "bad credentials"));
		assertRecorded(output, throttled, new Row("SIGN_IN", "THROTTLED", null, account, address, "rate limited"));
		assertRecorded(output, unknown,
				new Row("SIGN_IN", "FAILURE", null, SecurityEvent.accountOf(unknownEmail), address, "bad credentials"));
		assertNoSecrets(output, user, "wrong-password", unknownEmail);
	}

	@Test
	void recordsRefreshSuccessFailureAndThrottling(CapturedOutput output) throws InterruptedException {
		String address = SmallLimitsApiTest.Addresses.next();
		var user = Users.signUp(client(address, requestId()));
		String success = requestId();
		var refreshed = client(address, success).bearer(user.accessToken())
			.post("/auth/token/refresh", Map.of("refreshToken", user.refreshToken()));
		assertThat(refreshed.status()).isEqualTo(200);
		String failure = requestId();
		for (int i = 1; i < SmallLimitsApiTest.PER_ADDRESS; i++) {
			client(address, failure).bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", "forged"));
		}
		String throttled = requestId();
		client(address, throttled).bearer(user.accessToken()).post("/auth/token/refresh", Map.of("refreshToken", "forged"));

		assertRecorded(output, success, new Row("REFRESH", "SUCCESS", UUID.fromString(user.id()), null, address, null));
		Row denied = new Row("REFRESH", "FAILURE", null, null, address, "permission denied: invalid refresh token");
		assertRecorded(output, failure, Collections.nCopies(SmallLimitsApiTest.PER_ADDRESS - 1, denied).toArray(Row[]::new));
		assertRecorded(output, throttled, new Row("REFRESH", "THROTTLED", null, null, address, "rate limited"));
		assertNoSecrets(output, user, refreshed.data().path("accessToken").asString(),
				refreshed.data().path("refreshToken").asString());
	}

	@Test
	void recordsSignOut(CapturedOutput output) throws InterruptedException {
		String address = SmallLimitsApiTest.Addresses.next();
		var user = Users.signUp(client(address, requestId()));
		String id = requestId();

		assertThat(client(address, id).bearer(user.accessToken()).delete("/auth/signout").status()).isEqualTo(200);

		assertRecorded(output, id, new Row("SIGN_OUT", "SUCCESS", UUID.fromString(user.id()), null, address, null));
		assertNoSecrets(output, user);
	}

	@Test
	void recordsRoleChangesWithTheAdministrator(CapturedOutput output) throws InterruptedException {
		String address = SmallLimitsApiTest.Addresses.next();
		var admin = Users.admin(client(address, requestId()));
		var user = Users.signUp(client(address, requestId()));
		String id = requestId();
		String missing = requestId();
		UUID nobody = UUID.randomUUID();

		client(address, id).bearer(admin.accessToken())
			.put("/auth/admin/user/id/" + user.id() + "/roles", Map.of("roles", List.of("AUTHOR", "LEARNER")));
		client(address, missing).bearer(admin.accessToken())
			.put("/auth/admin/user/id/" + nobody + "/roles", Map.of("roles", List.of("EDITOR")));

		assertRecorded(output, id, new Row("ROLE_CHANGE", "SUCCESS", UUID.fromString(user.id()), null, address,
				"roles=LEARNER,AUTHOR by=" + admin.id()));
		assertRecorded(output, missing,
				new Row("ROLE_CHANGE", "FAILURE", nobody, null, address, "no such user roles=EDITOR by=" + admin.id()));
		assertNoSecrets(output, admin, Users.ADMIN_EMAIL);
	}

	@Test
	void deletesRowsOlderThanTheRetention() {
		String old = requestId();
		String recent = requestId();
		insertRow(old, Instant.now().minus(Duration.ofDays(91)));
		insertRow(recent, Instant.now().minus(Duration.ofDays(89)));

		assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc.queryForObject("SELECT count(*) FROM security_audit WHERE request_id = ?", Integer.class, old)).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM security_audit WHERE request_id = ?", Integer.class, recent))
			.isEqualTo(1);
	}

	private void insertRow(String requestId, Instant at) {
		jdbc.update(AuditTrail.INSERT, Timestamp.from(at), "SIGN_IN", "FAILURE", null, "x", "192.0.2.1", requestId, "test");
	}

	/** The rows of this request, in order, and as many WARN/INFO lines on the security logger. */
	private void assertRecorded(CapturedOutput output, String requestId, Row... expected) throws InterruptedException {
		assertThat(trail.flush(Duration.ofSeconds(10))).as("audit rows written").isTrue();
		List<Row> rows = jdbc.query("SELECT action, outcome, user_id, account, client_address, detail FROM security_audit"
				+ " WHERE request_id = ? ORDER BY id", (rs, n) -> new Row(rs.getString(1), rs.getString(2),
						rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)),
				requestId);
		assertThat(rows).containsExactly(expected);

		List<String> lines = securityLines(output).filter(line -> line.contains("request=" + requestId + " ")).toList();
		assertThat(lines).hasSize(expected.length);
		for (int i = 0; i < expected.length; i++) {
			Row row = expected[i];
			assertThat(lines.get(i)).contains(row.outcome().equals("SUCCESS") ? " INFO " : " WARN ")
				.contains("action=" + row.action() + " outcome=" + row.outcome())
				.contains("user=" + (row.userId() == null ? "-" : row.userId()))
				.contains("account=" + (row.account() == null ? "-" : row.account()))
				.contains("client=" + row.clientAddress())
				.contains("detail=" + (row.detail() == null ? "-" : "\"" + row.detail() + "\""));
		}
	}

	/**
	 * Neither a security line nor an audit row holds a password, token or plain e-mail (other loggers
	 * may name an e-mail: the bootstrap logs the administrator's at start-up).
	 */
	private void assertNoSecrets(CapturedOutput output, Users.TestUser user, String... more) {
		List<String> secrets = new ArrayList<>(List.of(user.email(), user.password(), user.accessToken(),
				user.refreshToken()));
		secrets.addAll(List.of(more));
		String table = String.join("\n", jdbc.queryForList(
				"SELECT concat_ws(' ', action, outcome, user_id, account, client_address, request_id, detail) FROM security_audit",
				String.class));
		String lines = String.join("\n", securityLines(output).toList());
		assertThat(lines).isNotEmpty();
		for (String secret : secrets) {
			assertThat(lines).doesNotContainIgnoringCase(secret);
			assertThat(table).doesNotContainIgnoringCase(secret);
		}
	}

	private static Stream<String> securityLines(CapturedOutput output) {
		return output.getOut().lines().filter(line -> line.contains(" " + SecurityLog.LOGGER + " "));
	}

	private ApiClient client(String address, String requestId) {
		return api.with("X-Forwarded-For", address).with("X-Request-ID", requestId);
	}

	private static String requestId() {
		return "audit-" + UUID.randomUUID();
	}
}
