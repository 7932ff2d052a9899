package com.blogplatform.auth.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Users extends ListCrudRepository<User, UUID> {

	/** E-mails are unique regardless of case (the reference treats {@code A@x.com} and {@code a@x.com} as two accounts). */
	@Query("SELECT * FROM users WHERE lower(email) = lower(:email)")
	Optional<User> findByEmailIgnoringCase(String email);

	Optional<User> findByIdAndStatusTrue(UUID id);
}
