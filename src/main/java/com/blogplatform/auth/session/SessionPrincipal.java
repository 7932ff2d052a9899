package com.blogplatform.auth.session;

import com.blogplatform.auth.user.Account;
import java.util.UUID;

/** An authenticated request inside auth: the account and the session it presented. */
public record SessionPrincipal(Account account, UUID sessionId, UUID familyId) {
}
