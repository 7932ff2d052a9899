package com.blogplatform.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Sessions extends ListCrudRepository<Session, UUID> {

	@Query("SELECT * FROM keystore WHERE user_id = :userId AND p_key = :accessId AND status AND expires_at > :now")
	Optional<Session> findActiveByAccessId(UUID userId, String accessId, Instant now);

	/** The row of a token pair, active or not: an inactive one means the refresh token was already used. */
	@Query("SELECT * FROM keystore WHERE user_id = :userId AND p_key = :accessId AND s_key = :refreshId")
	Optional<Session> findByTokenIds(UUID userId, String accessId, String refreshId);

	/** Deactivates a row if it still is active; false when a concurrent refresh got there first. */
	@Modifying
	@Query("UPDATE keystore SET status = FALSE, updated_at = now() WHERE id = :id AND status")
	boolean deactivate(UUID id);

	@Modifying
	@Query("UPDATE keystore SET status = FALSE, updated_at = now() WHERE family_id = :familyId AND status")
	int revokeFamily(UUID familyId);

	@Modifying
	@Query("UPDATE keystore SET status = FALSE, updated_at = now() WHERE user_id = :userId AND status")
	int revokeUser(UUID userId);

	@Modifying
	@Query("DELETE FROM keystore WHERE expires_at < :cutoff")
	int deleteExpiredBefore(Instant cutoff);
}
