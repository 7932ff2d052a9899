package com.blogplatform.auth.apikey;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An API key, known only by the SHA-256 of its value. */
@Table("api_keys")
record ApiKey(@Id UUID id, String keyHash, String description, boolean status, Instant createdAt) {

	ApiKey withId(UUID id) {
		return new ApiKey(id, keyHash, description, status, createdAt);
	}
}
