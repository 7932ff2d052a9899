package com.blogplatform.auth;

/**
 * The outcome of {@link AuthPort#findProfile}.
 */
public sealed interface ProfileResult {

	record Found(UserProfile profile) implements ProfileResult {
	}

	record NotFound() implements ProfileResult {
	}

	record Unavailable(String reason) implements ProfileResult {
	}
}
