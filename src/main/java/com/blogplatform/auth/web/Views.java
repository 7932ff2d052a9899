package com.blogplatform.auth.web;

import com.blogplatform.auth.session.TokenPair;
import com.blogplatform.auth.user.Account;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Response payloads of the auth API, in the reference's shapes. Absent optional fields are
 * omitted (the application-wide JSON inclusion is non-null).
 */
final class Views {

	private Views() {
	}

	record RoleView(UUID id, String code) {
	}

	record UserPrivate(UUID id, String email, String name, List<RoleView> roles, String profilePicUrl) {

		static UserPrivate of(Account account) {
			return new UserPrivate(account.id(), account.email(), account.name(),
					account.roles().stream().map(role -> new RoleView(role.id(), role.code())).toList(),
					account.profilePicUrl());
		}
	}

	record UserPublic(UUID id, String name, String profilePicUrl) {

		static UserPublic of(Account account) {
			return new UserPublic(account.id(), account.name(), account.profilePicUrl());
		}
	}

	record UserAuth(UserPrivate user, TokenPair tokens) {
	}

	record Health(Instant timestamp, String status) {

		static Health ok() {
			return new Health(Instant.now(), "OK");
		}
	}
}
