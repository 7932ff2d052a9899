package com.blogplatform.auth.apikey;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An API key, known only by the SHA-256 of its value.
 * @param status whether it is active; a revoked key keeps its row with {@code false}
 * @param createdBy the administrator who created it; {@code null} for the bootstrap key
 */
@Table("api_keys")
record ApiKey(@Id UUID id, String keyHash, String description, boolean status, Instant createdAt, UUID createdBy,
		Instant revokedAt, UUID revokedBy) {

	static ApiKey issue(String keyHash, String description, UUID createdBy, Instant now) {
		return new ApiKey(null, keyHash, description, true, now, createdBy, null, null);
	}

	ApiKey withId(UUID id) {
		return new ApiKey(id, keyHash, description, status, createdAt, createdBy, revokedAt, revokedBy);
	}

	ApiKeySummary summary() {
		return new ApiKeySummary(id, description, status, createdAt, revokedAt);
	}
}
