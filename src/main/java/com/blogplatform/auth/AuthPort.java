package com.blogplatform.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules need from auth: who is calling, may they do this, and who is that user.
 * <p>
 * Every method answers with a typed outcome and never throws for an expected failure: an invalid
 * token, a missing role, an unknown user and auth being unreachable are different results, so a
 * caller can answer 401, 403, 404 and 503 respectively. Implementations are bound by packaging:
 * in-process when auth runs in the same application, over NATS request/reply otherwise.
 */
public interface AuthPort {

	/**
	 * Authenticates the value of an HTTP {@code Authorization} header ({@code "Bearer <jwt>"}).
	 * One call returns the user with their active roles, so a role check needs no second call.
	 * @param authorizationHeader the header value as received, possibly {@code null} or blank
	 * @return {@link AuthResult.Authenticated}, {@link AuthResult.Unauthenticated} or
	 * {@link AuthResult.Unavailable}
	 */
	AuthResult authenticate(String authorizationHeader);

	/**
	 * What {@link #authenticate} answers, when this binding can tell at once: without waiting for a
	 * store or the network. A caller on a thread that must not wait (the NATS responder's dispatcher)
	 * asks this first and hands the request to a thread of its own only when it is empty. By default,
	 * it never can.
	 * @param authorizationHeader the header value as received, possibly {@code null} or blank
	 * @return the answer {@link #authenticate} would give, or empty when only a store can tell
	 */
	default Optional<AuthResult> authenticateWithoutBlocking(String authorizationHeader) {
		return Optional.empty();
	}

	/**
	 * How long a caller in another process may reuse an {@link AuthResult.Authenticated} answer of
	 * {@link #authenticate} for this header, counted from the moment it asked, instead of asking again;
	 * never past the token's expiry. A binding that promises a reuse answers every change that ends or
	 * alters a grant (a sign-out, a rotation, a changed user or role) only once that long has passed
	 * after the change reached all of its instances, so that no reused answer outlives the change. By
	 * default, none: every call asks.
	 * @param authorizationHeader the header the answer was given for
	 */
	default Duration authenticationReuse(String authorizationHeader) {
		return Duration.ZERO;
	}

	/**
	 * Checks that a user is active and holds at least one of the given roles.
	 * @return {@link AuthResult.Authenticated} with the user re-read from the store,
	 * {@link AuthResult.Forbidden} when the role is missing, {@link AuthResult.Unauthenticated} when
	 * the user is unknown or inactive, or {@link AuthResult.Unavailable}
	 */
	AuthResult authorize(UUID userId, Set<Role> anyOf);

	/**
	 * Looks up the public profile (id, name, picture; never the email) of an active user.
	 */
	ProfileResult findProfile(UUID userId);
}
