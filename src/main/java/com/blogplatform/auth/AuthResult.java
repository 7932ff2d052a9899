package com.blogplatform.auth;

/**
 * The outcome of {@link AuthPort#authenticate} and {@link AuthPort#authorize}. Each variant maps to
 * one HTTP status: 200, 401, 403 and 503.
 */
public sealed interface AuthResult {

	/** The caller is the given user, with their active roles. */
	record Authenticated(AuthenticatedUser user) implements AuthResult {
	}

	/** The credentials are missing, malformed, expired, revoked or name no active user. */
	record Unauthenticated(String reason) implements AuthResult {
	}

	/** The user is known but holds none of the required roles. */
	record Forbidden(String reason) implements AuthResult {
	}

	/** Auth could not answer (store down, no responders, timeout): an infrastructure failure. */
	record Unavailable(String reason) implements AuthResult {
	}
}
