package com.blogplatform.auth;

import java.util.UUID;

/**
 * What anyone may know about a user: never the email.
 * @param profilePicUrl {@code null} when the user has none
 */
public record UserProfile(UUID id, String name, String profilePicUrl) {
}
