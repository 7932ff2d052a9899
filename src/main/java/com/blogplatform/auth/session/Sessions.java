package com.blogplatform.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Sessions extends ListCrudRepository<Session, UUID> {

	/**
	 * The hot path of every protected request, one statement: the active user with its active roles
	 * (ordered by code) and, if still active and unexpired, the session of the access token id.
	 * Empty when there is no active user.
	 */
	@Query(value = """
			SELECT u.id, u.email, u.name, u.profile_pic_url, k.id AS session_id, k.family_id,
			       ARRAY(SELECT r.id FROM user_roles ur JOIN roles r ON r.id = ur.role_id AND r.status
			             WHERE ur.user_id = u.id ORDER BY r.code) AS role_ids,
			       ARRAY(SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id AND r.status
			             WHERE ur.user_id = u.id ORDER BY r.code) AS role_codes
			FROM users u
			LEFT JOIN keystore k ON k.user_id = u.id AND k.p_key = :accessId AND k.status AND k.expires_at > :now
			WHERE u.id = :userId AND u.status""", rowMapperClass = SessionGrant.Mapper.class)
	Optional<SessionGrant> findGrant(UUID userId, String accessId, Instant now);

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
