package com.blogplatform.auth;

import java.util.Optional;

/**
 * The roles of the contract. Checks are exact membership: there is no hierarchy, and
 * {@link #ADMIN} grants nothing but the administration endpoints by itself.
 */
public enum Role {

	LEARNER, AUTHOR, EDITOR, ADMIN;

	/** The role with this code, if it is one of ours (unknown codes in the store are ignored). */
	public static Optional<Role> fromCode(String code) {
		for (Role role : values()) {
			if (role.name().equals(code)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
