package com.blogplatform.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Sessions extends ListCrudRepository<Session, UUID> {

	/** The row of a refresh token, active or not: an inactive one means it was already used or revoked. */
	@Query("SELECT * FROM keystore WHERE user_id = :userId AND s_key = :refreshId")
	Optional<Session> findByRefreshId(UUID userId, String refreshId);

	/**
	 * Marks an active row as replaced; false when a concurrent refresh got there first. The row lock
	 * makes a concurrent caller wait until the winner's transaction (which links the successor) ends.
	 */
	@Modifying
	@Query("UPDATE keystore SET status = FALSE, rotated_at = :now, updated_at = now() WHERE id = :id AND status")
	boolean rotate(UUID id, Instant now);

	@Modifying
	@Query("UPDATE keystore SET successor_id = :successorId WHERE id = :id")
	void linkSuccessor(UUID id, UUID successorId);

	@Modifying
	@Query("UPDATE keystore SET status = FALSE, updated_at = now() WHERE family_id = :familyId AND status")
	int revokeFamily(UUID familyId);

	@Modifying
	@Query("UPDATE keystore SET status = FALSE, updated_at = now() WHERE user_id = :userId AND status")
	int revokeUser(UUID userId);

	@Modifying
	@Query("UPDATE keystore SET status = FALSE, updated_at = now() WHERE user_id = :userId AND family_id <> :keptFamilyId AND status")
	int revokeUserExcept(UUID userId, UUID keptFamilyId);

	@Modifying
	@Query("DELETE FROM keystore WHERE expires_at < :cutoff")
	int deleteExpiredBefore(Instant cutoff);
}
