package com.blogplatform.auth.user;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The bootstrap administrator's password hash as last applied from configuration, by lower-cased e-mail. */
interface BootstrapCredentials extends Repository<User, java.util.UUID> {

	@Query("SELECT password_hash FROM bootstrap_credentials WHERE email = lower(:email)")
	Optional<String> findAppliedHash(String email);

	@Modifying
	@Query("""
			INSERT INTO bootstrap_credentials (email, password_hash) VALUES (lower(:email), :hash)
			ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, applied_at = now()""")
	void recordApplied(String email, String hash);
}
