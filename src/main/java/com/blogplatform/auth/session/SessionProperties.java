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
 * @param remoteReuse how long another service may reuse an authentication this service answered (the
 * blog service, through the NATS responder's {@code Auth-Reuse-Millis} header) instead of asking
 * again; every change that ends or alters a grant is answered only once this long has passed after
 * every instance dropped it, so a signed-out or rotated token is still refused on the next request
 * everywhere. Zero (the single jar, where nothing remote asks): never reused, and no change waits
 */
@Validated
@ConfigurationProperties("auth.session")
record SessionProperties(@NotNull @DefaultValue("30s") Duration refreshGraceWindow,
		@NotNull @DefaultValue("30d") Duration absoluteLifetime, @NotNull @DefaultValue("0s") Duration remoteReuse) {

	/** At most what a caller honours ({@code AuthWire.MAX_REUSE} on the blog service's side): a bound on every wait. */
	static final Duration MAX_REMOTE_REUSE = Duration.ofSeconds(5);

	SessionProperties {
		if (remoteReuse != null && (remoteReuse.isNegative() || remoteReuse.compareTo(MAX_REMOTE_REUSE) > 0)) {
			throw new IllegalArgumentException("auth.session.remote-reuse must be between 0 and " + MAX_REMOTE_REUSE.toSeconds()
					+ "s (every sign-out waits this long): " + remoteReuse);
		}
	}
}
