package com.blogplatform.auth.user;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user account: the aggregate root of users and their role assignments. The version guards
 * concurrent changes (a role grant and a password upgrade cannot overwrite each other).
 */
@Table("users")
record User(@Id UUID id, String email, String password, String name, String profilePicUrl, boolean verified,
		boolean status, @MappedCollection(idColumn = "user_id") Set<RoleAssignment> roles, @Version Long version,
		Instant createdAt, Instant updatedAt) {

	static User register(String email, String passwordHash, String name, String profilePicUrl, UUID learnerRoleId) {
		Instant now = Instant.now();
		return new User(null, email, passwordHash, name, profilePicUrl, false, true,
				Set.of(new RoleAssignment(learnerRoleId)), null, now, now);
	}

	User withId(UUID id) {
		return new User(id, email, password, name, profilePicUrl, verified, status, roles, version, createdAt, updatedAt);
	}

	User withVersion(Long version) {
		return new User(id, email, password, name, profilePicUrl, verified, status, roles, version, createdAt, updatedAt);
	}

	User withPassword(String passwordHash) {
		return new User(id, email, passwordHash, name, profilePicUrl, verified, status, roles, version, createdAt,
				Instant.now());
	}

	User withRoles(Set<UUID> roleIds) {
		Set<RoleAssignment> assignments = roleIds.stream().map(RoleAssignment::new).collect(Collectors.toSet());
		return new User(id, email, password, name, profilePicUrl, verified, status, assignments, version, createdAt,
				Instant.now());
	}

	Set<UUID> roleIds() {
		return roles.stream().map(RoleAssignment::roleId).collect(Collectors.toSet());
	}

	/** A row of {@code user_roles}. */
	@Table("user_roles")
	record RoleAssignment(UUID roleId) {
	}
}
