package com.blogplatform.auth.bootstrap;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static com.blogplatform.testing.ApiAssertions.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.apikey.ApiKeyManagement;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.embedded.EmbeddedProperties;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The configured bootstrap key is stored at start when it is unknown, and only then: once revoked
 * through the API it stays revoked at every later start, whatever the configuration still says.
 */
@ApiTest
class RevokedBootstrapKeyTests {

	@Autowired
	ApiKeyManagement apiKeys;

	@Autowired
	AccountManagement accounts;

	@Autowired
	EmbeddedProperties embedded;

	@Autowired
	JdbcClient jdbc;

	@LocalServer
	ApiClient api;

	@Test
	void aRevokedBootstrapKeyStaysRevokedAtTheNextStart() throws Exception {
		String configured = "bootstrap-" + UUID.randomUUID();
		Bootstrap start = new Bootstrap(new BootstrapProperties(configured, null, null, null), apiKeys, accounts, embedded);
		start.afterSingletonsInstantiated();
		assertSuccess(api.with("x-api-key", configured).get("/auth/verify/apikey"), "success");
		UUID id = jdbc.sql("SELECT id FROM api_keys WHERE key_hash = :hash").param("hash", sha256(configured))
			.query(UUID.class).single();

		assertSuccess(api.bearer(Users.admin(api).accessToken()).delete("/auth/admin/apikeys/id/" + id), "api key revoked");
		start.afterSingletonsInstantiated();

		assertFailure(api.with("x-api-key", configured).get("/auth/verify/apikey"), 403, "permission denied: invalid x-api-key");
		assertThat(jdbc.sql("SELECT status FROM api_keys WHERE id = :id").param("id", id).query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE key_hash = :hash").param("hash", sha256(configured))
			.query(Integer.class).single()).as("not stored again either").isEqualTo(1);
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}
}
