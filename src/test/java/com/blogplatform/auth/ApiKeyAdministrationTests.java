package com.blogplatform.auth;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static com.blogplatform.testing.ApiAssertions.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * API-key administration through HTTP: a key is created and shown once, listed without its value
 * or hash, and revoked with effect on the next request; only an administrator may do any of it,
 * and never so that the caller or everyone is locked out.
 */
@ApiTest
class ApiKeyAdministrationTests {

	private static final String KEYS = "/auth/admin/apikeys";

	@Autowired
	JdbcClient jdbc;

	@LocalServer
	ApiClient api;

	ApiClient admin;

	@BeforeEach
	void signInAsAdmin() {
		admin = api.bearer(Users.admin(api).accessToken());
	}

	@Test
	void createsAKeyShownOnceThatWorksAtOnce() {
		var response = admin.post(KEYS, Map.of("description", "mobile app"));

		assertSuccess(response, "api key created");
		JsonNode data = response.data();
		String key = data.path("key").asString();
		assertThat(key).matches("[0-9A-F]{64}");
		assertThat(UUID.fromString(data.path("id").asString())).isNotNull();
		assertThat(data.path("description").asString()).isEqualTo("mobile app");
		assertThat(data.path("status").asBoolean()).isTrue();
		assertThat(data.path("createdAt").asString()).isNotBlank();
		assertSuccess(api.with("x-api-key", key).get("/auth/verify/apikey"), "success");
		assertThat(jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id").param("id", UUID.fromString(data.path("id").asString()))
			.query(String.class).single()).isEqualTo(sha256(key));
		assertThat(admin.post(KEYS, Map.of("description", "mobile app")).data().path("key").asString())
			.as("every key is new").isNotEqualTo(key);
	}

	@Test
	void listsKeysNewestFirstWithoutTheKeyOrItsHash() {
		var first = admin.post(KEYS, Map.of("description", "listed first")).data();
		var second = admin.post(KEYS, Map.of("description", "listed second")).data();

		var response = admin.get(KEYS);

		assertSuccess(response, "success");
		var ids = StreamSupport.stream(response.data().spliterator(), false).map(key -> key.path("id").asString()).toList();
		assertThat(ids).containsSubsequence(second.path("id").asString(), first.path("id").asString());
		for (JsonNode key : response.data()) {
			assertThat(key.propertyNames()).as(key.toString())
				.contains("id", "status", "createdAt")
				.isSubsetOf("id", "description", "status", "createdAt", "revokedAt");
		}
		String key = first.path("key").asString();
		assertThat(response.body()).doesNotContain(key).doesNotContain(sha256(key)).doesNotContain(sha256(key).toUpperCase());
		assertThat(admin.get(KEYS + "?page=1&limit=1").data()).hasSize(1);
		assertThat(admin.get(KEYS + "?page=1&limit=1").data().get(0).path("id").asString())
			.isEqualTo(ids.getFirst());
		assertThat(admin.get(KEYS + "?page=2&limit=1").data().get(0).path("id").asString()).isEqualTo(ids.get(1));
	}

	@Test
	void aRevokedKeyIsRefusedOnTheNextRequest() {
		var created = admin.post(KEYS, Map.of("description", "to revoke")).data();
		String key = created.path("key").asString();
		String id = created.path("id").asString();
		assertSuccess(api.with("x-api-key", key).get("/auth/verify/apikey"), "success");

		var response = admin.delete(KEYS + "/id/" + id);

		assertSuccess(response, "api key revoked");
		assertThat(response.data().path("status").asBoolean()).isFalse();
		assertThat(response.data().path("revokedAt").asString()).isNotBlank();
		assertFailure(api.with("x-api-key", key).get("/auth/verify/apikey"), 403, "permission denied: invalid x-api-key");
		assertFailure(api.with("x-api-key", key).get("/auth/profile/mine"), 403, "permission denied: invalid x-api-key");
		var listed = StreamSupport.stream(admin.get(KEYS).data().spliterator(), false)
			.filter(item -> item.path("id").asString().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("status").asBoolean()).isFalse();
		assertThat(listed.path("revokedAt").asString()).isNotBlank();
		assertSuccess(admin.delete(KEYS + "/id/" + id), "api key already revoked");
	}

	@Test
	void refusesToRevokeTheKeyTheRequestIsSentWith() {
		var created = admin.post(KEYS, Map.of("description", "the caller's own")).data();
		String key = created.path("key").asString();

		assertFailure(admin.with("x-api-key", key).delete(KEYS + "/id/" + created.path("id").asString()), 409,
				"api key is used by this request: revoke it with another key");

		assertSuccess(api.with("x-api-key", key).get("/auth/verify/apikey"), "success");
	}

	@Test
	void onlyAnAdministratorManagesKeys() {
		var user = api.bearer(Users.signUp(api).accessToken());
		String id = admin.post(KEYS, Map.of("description", "not for users")).data().path("id").asString();

		assertFailure(user.post(KEYS, Map.of("description", "mine")), 403, "permission denied: does not have suffient role");
		assertFailure(user.get(KEYS), 403, "permission denied: does not have suffient role");
		assertFailure(user.delete(KEYS + "/id/" + id), 403, "permission denied: does not have suffient role");
		assertFailure(api.post(KEYS, Map.of("description", "mine")), 401, "permission denied: missing Authorization");
		assertFailure(api.get(KEYS), 401, "permission denied: missing Authorization");
		assertFailure(api.delete(KEYS + "/id/" + id), 401, "permission denied: missing Authorization");
		assertFailure(admin.withoutApiKey().get(KEYS), 401, "x-api-key header is missing");
		assertSuccess(api.get("/auth/verify/apikey"), "success");
	}

	@Test
	void answersUnknownAndMalformedIds() {
		assertFailure(admin.delete(KEYS + "/id/" + UUID.randomUUID()), 404, "api key not found");
		assertFailure(admin.delete(KEYS + "/id/not-a-uuid"), 400, "id must be a valid UUID");
	}

	@Test
	void validatesTheDescription() {
		assertFailure(admin.post(KEYS, Map.of()), 400, "description is required");
		assertFailure(admin.post(KEYS, Map.of("description", "  ")), 400, "description is required");
		assertFailure(admin.post(KEYS, Map.of("description", "x".repeat(201))), 400,
				"description must be at most 200 characters");
		assertFailure(admin.post(KEYS, "{\"description\":\"a\\u0000b\"}"), 400, "description must not contain control characters");
		assertFailure(admin.post(KEYS, Map.of("description", "two\nlines")), 400,
				"description must not contain tabs or line breaks");
		assertFailure(admin.post(KEYS, Map.of("description", "a\tb")), 400, "description must not contain tabs or line breaks");
		assertFailure(admin.post(KEYS, "{\"description\":7}"), 400, "description has an invalid type");
		assertFailure(admin.post(KEYS, "{\"description\":\"a\",\"key\":\"chosen\"}"), 400, "unknown field: key");
		assertSuccess(admin.post(KEYS, Map.of("description", "x".repeat(200))), "api key created");
	}

	@Test
	void validatesPaging() {
		assertFailure(admin.get(KEYS + "?page=0"), 400, "page must be at least 1");
		assertFailure(admin.get(KEYS + "?limit=101"), 400, "limit must be at most 100");
		assertFailure(admin.get(KEYS + "?limit=0"), 400, "limit must be at least 1");
		assertFailure(admin.get(KEYS + "?page=x"), 400, "page must be an integer");
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
