package com.blogplatform.auth.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface ApiKeys extends ListCrudRepository<ApiKey, UUID> {

	/**
	 * The lookup behind an {@code x-api-key} check on a cache miss: one column through the unique
	 * index, written out so nothing is derived per call, and in no transaction of its own (one
	 * statement needs none; a caller's transaction is joined).
	 */
	@Query("SELECT status FROM api_keys WHERE key_hash = :keyHash")
	@Transactional(propagation = Propagation.SUPPORTS)
	Optional<Boolean> findStatusByKeyHash(String keyHash);

	/** Newest first; {@code id} breaks ties so pages neither overlap nor skip. */
	@Query("SELECT * FROM api_keys ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
	List<ApiKey> findPage(int limit, long offset);

	/**
	 * Locks the active keys until the caller's transaction ends, so two revocations running at once
	 * cannot each leave the other's key as the last one and then revoke it too.
	 */
	@Query("SELECT id FROM api_keys WHERE status FOR UPDATE")
	@Transactional(propagation = Propagation.MANDATORY)
	List<UUID> lockActive();

	@Modifying
	@Query("UPDATE api_keys SET status = FALSE, revoked_at = :at, revoked_by = :by, updated_at = :at WHERE id = :id AND status")
	boolean revoke(UUID id, UUID by, Instant at);
}
