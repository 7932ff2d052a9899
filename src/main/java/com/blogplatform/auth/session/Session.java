package com.blogplatform.auth.session;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One issued token pair (a row of {@code keystore}). {@code pKey} and {@code sKey} are the ids of
 * the access and the refresh token. Rows of one sign-in share a family: a refresh deactivates its
 * row and adds the next one.
 */
@Table("keystore")
record Session(@Id UUID id, UUID userId, UUID familyId, String pKey, String sKey, boolean status, Instant expiresAt,
		Instant createdAt) {

	Session withId(UUID id) {
		return new Session(id, userId, familyId, pKey, sKey, status, expiresAt, createdAt);
	}
}
