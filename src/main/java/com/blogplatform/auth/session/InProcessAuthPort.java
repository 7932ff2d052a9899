package com.blogplatform.auth.session;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthPortObservation;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.auth.user.Account;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.security.EnvelopeWriter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The port bound to a plain method call: used wherever the auth module runs in the same process
 * (the single jar, and the auth service itself, whose NATS responder delegates here). A failing
 * store is reported as {@link AuthResult.Unavailable}, never as a failed authentication. Every call
 * is observed as {@link AuthPortObservation} with binding {@value AuthPortObservation#IN_PROCESS}.
 */
@Component
@ConditionalOnProperty(name = "platform.auth-port.binding", havingValue = "in-process", matchIfMissing = true)
public class InProcessAuthPort implements AuthPort {

	private static final Logger log = LoggerFactory.getLogger(InProcessAuthPort.class);

	static final String UNAVAILABLE = "auth store unavailable";

	private final SessionManagement sessions;

	private final AccountManagement accounts;

	private final ObservationRegistry observations;

	private final Duration remoteReuse;

	InProcessAuthPort(SessionManagement sessions, AccountManagement accounts, SessionProperties properties,
			ObjectProvider<ObservationRegistry> observations) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.remoteReuse = properties.remoteReuse();
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
	}

	@Override
	public AuthResult authenticate(String authorizationHeader) {
		return observe(AuthPortObservation.AUTHENTICATE, () -> doAuthenticate(authorizationHeader));
	}

	/**
	 * {@link #authenticate} when memory alone decides (a malformed, expired or forged token, or a grant
	 * kept in memory, {@link SessionManagement#authenticateFromMemory}); empty when only the database can
	 * tell. The NATS responder answers with it on its dispatcher's thread, without handing the request
	 * to another. An answer is observed like {@link #authenticate}, from the moment it is known.
	 */
	@Override
	public Optional<AuthResult> authenticateWithoutBlocking(String authorizationHeader) {
		return sessions.authenticateFromMemory(authorizationHeader)
			.map(known -> observe(AuthPortObservation.AUTHENTICATE, () -> result(known)));
	}

	/**
	 * {@link SessionProperties#remoteReuse}, which {@link SessionGrants} makes every change of a grant
	 * outlast, or what is left of the token's acceptance if that is less.
	 */
	@Override
	public Duration authenticationReuse(String authorizationHeader) {
		if (!remoteReuse.isPositive()) {
			return Duration.ZERO;
		}
		Duration left = sessions.acceptedFor(authorizationHeader);
		return left.compareTo(remoteReuse) < 0 ? left : remoteReuse;
	}

	@Override
	public AuthResult authorize(UUID userId, Set<Role> anyOf) {
		return observe(AuthPortObservation.AUTHORIZE, () -> doAuthorize(userId, anyOf));
	}

	@Override
	public ProfileResult findProfile(UUID userId) {
		return observe(AuthPortObservation.FIND_PROFILE, () -> doFindProfile(userId));
	}

	private <T> T observe(String method, Supplier<T> call) {
		return AuthPortObservation.observe(observations, new Observation.Context(), AuthPortObservation.IN_PROCESS, method,
				context -> call.get());
	}

	private AuthResult doAuthenticate(String authorizationHeader) {
		try {
			return result(sessions.authenticate(authorizationHeader));
		}
		catch (DataAccessException ex) {
			log.warn("authenticate failed: {}", ex.toString());
			return new AuthResult.Unavailable(UNAVAILABLE);
		}
	}

	private static AuthResult result(SessionManagement.Authentication authentication) {
		return switch (authentication) {
			case SessionManagement.Authentication.Granted granted ->
				new AuthResult.Authenticated(granted.principal().account().toAuthenticatedUser());
			case SessionManagement.Authentication.Denied denied -> new AuthResult.Unauthenticated(denied.reason());
		};
	}

	private AuthResult doAuthorize(UUID userId, Set<Role> anyOf) {
		if (anyOf.isEmpty()) {
			return new AuthResult.Forbidden("permission denied: role missing");
		}
		try {
			Optional<Account> account = accounts.findActive(userId);
			if (account.isEmpty()) {
				return new AuthResult.Unauthenticated("permission denied: claims subject does not exists");
			}
			var user = account.get().toAuthenticatedUser();
			return user.hasAnyRole(anyOf) ? new AuthResult.Authenticated(user)
					: new AuthResult.Forbidden(EnvelopeWriter.MISSING_ROLE);
		}
		catch (DataAccessException ex) {
			log.warn("authorize failed: {}", ex.toString());
			return new AuthResult.Unavailable(UNAVAILABLE);
		}
	}

	private ProfileResult doFindProfile(UUID userId) {
		try {
			return accounts.findActive(userId)
				.<ProfileResult>map(account -> new ProfileResult.Found(account.toProfile()))
				.orElseGet(ProfileResult.NotFound::new);
		}
		catch (DataAccessException ex) {
			log.warn("findProfile failed: {}", ex.toString());
			return new ProfileResult.Unavailable(UNAVAILABLE);
		}
	}
}
