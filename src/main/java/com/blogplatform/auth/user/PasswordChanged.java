package com.blogplatform.auth.user;

import java.util.UUID;

/** Published in the transaction that changed a user's password: the user's sessions end with it. */
public record PasswordChanged(UUID userId) {
}
