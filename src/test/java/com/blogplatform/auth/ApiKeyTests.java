package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every route but health needs an active API key, as at the gateway.
 */
@ApiTest
class ApiKeyTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServer
	ApiClient api;

	@Test
	void healthNeedsNoKey() {
		var response = api.withoutApiKey().get("/auth/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.data().path("status").asString()).isEqualTo("OK");
	}

	@Test
	void verifiesAValidKey() {
		var response = api.get("/auth/verify/apikey");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.message()).isEqualTo("success");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void rejectsAMissingKey() {
		assertFailure(api.withoutApiKey().get("/auth/verify/apikey"), 401, "x-api-key header is missing");
		assertFailure(api.withoutApiKey().post("/auth/signin/basic", "{}"), 401, "x-api-key header is missing");
		assertFailure(api.with("x-api-key", "").get("/auth/profile/mine"), 401, "x-api-key header is missing");
	}

	@Test
	void rejectsAnUnknownKey() {
		assertFailure(api.with("x-api-key", "not-a-key").get("/auth/verify/apikey"), 403, "permission denied: invalid x-api-key");
		assertFailure(api.with("x-api-key", ApiClient.DEV_API_KEY.toLowerCase()).get("/auth/verify/apikey"), 403,
				"permission denied: invalid x-api-key");
	}

	@Test
	void rejectsADisabledKey() throws Exception {
		String key = "disabled-" + System.nanoTime();
		jdbc.sql("INSERT INTO api_keys (key_hash, status) VALUES (:hash, FALSE)").param("hash", sha256(key)).update();

		assertFailure(api.with("x-api-key", key).get("/auth/verify/apikey"), 403, "permission denied: invalid x-api-key");
	}

	@Test
	void storesKeysOnlyAsHashes() throws Exception {
		var stored = jdbc.sql("SELECT key_hash FROM api_keys").query(String.class).list();

		assertThat(stored).contains(sha256(ApiClient.DEV_API_KEY)).doesNotContain(ApiClient.DEV_API_KEY);
	}

	@Test
	void checksTheKeyBeforeAnythingElse() {
		assertFailure(api.withoutApiKey().get("/auth/no/such/route"), 401, "x-api-key header is missing");
		assertFailure(api.get("/auth/no/such/route"), 404, "url not found");
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}
}
