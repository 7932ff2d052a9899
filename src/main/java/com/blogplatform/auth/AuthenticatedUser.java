package com.blogplatform.auth;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * An authenticated, active user with their active roles.
 * @param profilePicUrl {@code null} when the user has none
 */
public record AuthenticatedUser(UUID id, String name, String email, String profilePicUrl, Set<Role> roles) {

	public AuthenticatedUser {
		roles = roles == null ? Set.of() : Collections.unmodifiableSet(Set.copyOf(roles));
	}

	public boolean hasAnyRole(Role... required) {
		return Arrays.stream(required).anyMatch(roles::contains);
	}

	public boolean hasAnyRole(Set<Role> required) {
		return required.stream().anyMatch(roles::contains);
	}

	public UserProfile profile() {
		return new UserProfile(id, name, profilePicUrl);
	}
}
