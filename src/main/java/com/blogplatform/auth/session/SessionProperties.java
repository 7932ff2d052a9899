package com.blogplatform.auth.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session lifecycle settings ({@code auth.session.*}).
 * @param refreshGraceWindow how long after a refresh its refresh token, presented again with the same
 * access token, is taken for a benign race (two tabs, a retry after a lost response) and answered
 * with the pair that replaced it, instead of revoking the family as a replay
 * @param absoluteLifetime how long a family (one sign-in and all its refreshes) may live: no refresh
 * is granted past it, so a stolen pair cannot be kept alive forever
 */
@Validated
@ConfigurationProperties("auth.session")
record SessionProperties(@NotNull @DefaultValue("30s") Duration refreshGraceWindow,
		@NotNull @DefaultValue("30d") Duration absoluteLifetime) {
}
