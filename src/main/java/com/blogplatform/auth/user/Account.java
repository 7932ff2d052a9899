package com.blogplatform.auth.user;

import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.Role;
import com.blogplatform.auth.UserProfile;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An active user as the rest of the module sees it: never the password hash, only active roles.
 */
public record Account(UUID id, String email, String name, String profilePicUrl, List<AssignedRole> roles) {

	/** A role as the API shows it: {@code {id, code}}. */
	public record AssignedRole(UUID id, String code) {
	}

	public AuthenticatedUser toAuthenticatedUser() {
		return new AuthenticatedUser(id, name, email, profilePicUrl,
				roles.stream().flatMap(role -> Role.fromCode(role.code()).stream()).collect(Collectors.toSet()));
	}

	public UserProfile toProfile() {
		return new UserProfile(id, name, profilePicUrl);
	}

	public List<String> roleCodes() {
		return roles.stream().map(AssignedRole::code).toList();
	}
}
