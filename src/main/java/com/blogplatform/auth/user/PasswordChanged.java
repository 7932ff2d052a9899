package com.blogplatform.auth.user;

import java.util.UUID;

/**
 * Published in the transaction that changed a user's password: the user's sessions end with it.
 * @param keptFamilyId the session family that changed it and keeps working ({@code null}: none, e.g.
 * the operator applied a configured password)
 */
public record PasswordChanged(UUID userId, UUID keptFamilyId) {
}
