package com.blogplatform.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One issued token pair (a row of {@code keystore}). {@code pKey} and {@code sKey} are the ids of
 * the access and the refresh token. Rows of one sign-in share a family: a refresh deactivates its
 * row, records when ({@code rotatedAt}) and by which row ({@code successorId}), and adds that row.
 */
@Table("keystore")
record Session(@Id UUID id, UUID userId, UUID familyId, String pKey, String sKey, boolean status, Instant expiresAt,
		Instant createdAt, Instant familyStartedAt, Instant rotatedAt, UUID successorId) {

	static Session issued(UUID userId, UUID familyId, Instant familyStartedAt, String accessId, String refreshId,
			Instant expiresAt, Instant now) {
		return new Session(null, userId, familyId, accessId, refreshId, true, expiresAt, now, familyStartedAt, null, null);
	}

	Session withId(UUID id) {
		return new Session(id, userId, familyId, pKey, sKey, status, expiresAt, createdAt, familyStartedAt, rotatedAt,
				successorId);
	}

	/** Replaced by a refresh less than {@code grace} ago: presenting it again is a race, not a replay. */
	boolean rotatedWithin(Duration grace, Instant now) {
		return !status && rotatedAt != null && successorId != null && now.isBefore(rotatedAt.plus(grace));
	}
}
