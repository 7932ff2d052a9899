package com.blogplatform.auth.apikey;

import java.time.Instant;
import java.util.UUID;

/**
 * What administration may see of an API key: never the key, nor its hash.
 * @param status whether the key is active
 * @param revokedAt when it was revoked; {@code null} while active
 */
public record ApiKeySummary(UUID id, String description, boolean status, Instant createdAt, Instant revokedAt) {
}
