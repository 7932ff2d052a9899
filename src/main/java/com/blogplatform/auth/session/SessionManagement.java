package com.blogplatform.auth.session;

import com.blogplatform.auth.audit.SecurityEvent;
import com.blogplatform.auth.user.Account;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.auth.user.PasswordChanged;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing token pairs, authenticating access tokens, refresh-token rotation with reuse detection, a
 * grace window for concurrent refreshes and an absolute family lifetime, and sign-out. Messages are the reference's where it has one.
 */
@Service
public class SessionManagement {

	private static final Logger log = LoggerFactory.getLogger(SessionManagement.class);

	static final String BEARER = "Bearer ";

	static final String SESSION_EXPIRED = "permission denied: session expired, sign in again";

	private final Sessions sessions;

	private final AccountManagement accounts;

	private final TokenCodec tokens;

	private final Clock clock;

	private final SessionProperties properties;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	private final SessionGrants grants;

	SessionManagement(Sessions sessions, SessionGrants grants, AccountManagement accounts, TokenCodec tokens, Clock clock,
			SessionProperties properties, ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.grants = grants;
		this.accounts = accounts;
		this.tokens = tokens;
		this.clock = clock;
		this.properties = properties;
		this.events = events;
	}

	/** The outcome of {@link #authenticate}. */
	public sealed interface Authentication {

		record Granted(SessionPrincipal principal) implements Authentication {
		}

		record Denied(String reason) implements Authentication {
		}
	}

	/** The outcome of {@link #refresh}. */
	public sealed interface Refresh {

		record Refreshed(TokenPair tokens) implements Refresh {
		}

		record Denied(String reason) implements Refresh {
		}
	}

	/** Opens a new session (a new token family) for an account that just proved who it is. */
	@Transactional
	public TokenPair open(UUID userId) {
		Instant now = clock.instant();
		return pairOf(issue(userId, UUID.randomUUID(), now, now), now);
	}

	/**
	 * Authenticates an {@code Authorization} header value. Data-access failures propagate: they are
	 * not an authentication failure, and callers answer them as "unavailable". Once the token's
	 * signature is verified, the user, its roles and the session come from memory ({@link SessionGrants},
	 * dropped on every instance before a change of them is answered) or from one query
	 * ({@link SessionGrant.Query}: no transaction, one connection borrowed once), so a signed-out or
	 * rotated token is refused on the next request on every instance.
	 */
	public Authentication authenticate(String authorizationHeader) {
		return authenticate(authorizationHeader, false).orElseThrow();
	}

	/**
	 * {@link #authenticate} from memory alone: the answer when the header, the token's signature and
	 * expiry, or the grant {@link SessionGrants} keeps for it decide; empty when only the database can
	 * tell. Never blocks, so a caller may answer on a thread that must not wait (the NATS responder's).
	 */
	public Optional<Authentication> authenticateFromMemory(String authorizationHeader) {
		return authenticate(authorizationHeader, true);
	}

	/**
	 * How much longer the access token in this header is accepted (its expiry, plus the clock skew
	 * allowed); zero when it is not a valid access token. Never blocks.
	 */
	public Duration acceptedFor(String authorizationHeader) {
		Optional<String> token = authorizationHeader == null ? Optional.empty() : bearerToken(authorizationHeader);
		if (token.isPresent() && tokens.verify(token.get(), TokenCodec.Use.ACCESS) instanceof TokenCodec.Verification.Valid(
				TokenCodec.Claims claims)) {
			return tokens.acceptedFor(claims);
		}
		return Duration.ZERO;
	}

	/** With {@code memoryOnly}, empty when the grant is not kept in memory; else always an answer. */
	private Optional<Authentication> authenticate(String authorizationHeader, boolean memoryOnly) {
		if (authorizationHeader == null || authorizationHeader.isEmpty()) {
			return Optional.of(new Authentication.Denied("permission denied: missing Authorization"));
		}
		Optional<String> token = bearerToken(authorizationHeader);
		if (token.isEmpty()) {
			return Optional.of(new Authentication.Denied("permission denied: invalid Authorization"));
		}
		return switch (tokens.verify(token.get(), TokenCodec.Use.ACCESS)) {
			case TokenCodec.Verification.Expired expired -> Optional.of(new Authentication.Denied("permission denied: token is expired"));
			case TokenCodec.Verification.Invalid invalid -> Optional.of(new Authentication.Denied("permission denied: invalid access token"));
			case TokenCodec.Verification.Valid(TokenCodec.Claims claims) -> {
				Instant now = clock.instant();
				Optional<SessionGrant> grant = memoryOnly ? grants.findKept(claims.subject(), claims.id(), now)
						: grants.find(claims.subject(), claims.id(), now);
				yield memoryOnly && grant.isEmpty() ? Optional.empty() : Optional.of(grant(grant));
			}
		};
	}

	private Authentication grant(Optional<SessionGrant> grant) {
		if (grant.isEmpty()) {
			return new Authentication.Denied("permission denied: claims subject does not exists");
		}
		if (!grant.get().sessionActive()) {
			return new Authentication.Denied("permission denied: invalid access token");
		}
		return new Authentication.Granted(new SessionPrincipal(grant.get().account(), grant.get().sessionId(),
				grant.get().familyId()));
	}

	/**
	 * Rotates a session: the access token (its signature checked, expiry tolerated) and the refresh
	 * token must belong to the same row. An active row is replaced by a new one in its family.
	 * <p>
	 * A row already replaced less than {@link SessionProperties#refreshGraceWindow()} ago, presented
	 * with its own access token, is a benign race (two tabs, a retry after a lost response): it is
	 * answered with the pair that replaced it, freshly signed, and nothing is revoked. Any other
	 * presentation of an inactive row is reuse: the whole family is revoked, so a thief holding the
	 * newer tokens is signed out too. No refresh is granted once the family is older than
	 * {@link SessionProperties#absoluteLifetime()}.
	 */
	@Transactional
	public Refresh refresh(String authorizationHeader, String refreshToken) {
		Optional<String> accessToken = authorizationHeader == null ? Optional.empty() : bearerToken(authorizationHeader);
		if (accessToken.isEmpty()) {
			return new Refresh.Denied("permission denied: invalid Authorization");
		}
		if (!(tokens.verifyIgnoringExpiry(accessToken.get(), TokenCodec.Use.ACCESS)
				instanceof TokenCodec.Verification.Valid(TokenCodec.Claims access))) {
			return new Refresh.Denied("permission denied: invalid access claims");
		}
		if (!(tokens.verify(refreshToken, TokenCodec.Use.REFRESH)
				instanceof TokenCodec.Verification.Valid(TokenCodec.Claims refresh))) {
			return new Refresh.Denied("permission denied: invalid refresh token");
		}
		if (!access.subject().equals(refresh.subject())) {
			return new Refresh.Denied("permission denied: access and refresh claims mismatch");
		}
		if (accounts.findActive(refresh.subject()).isEmpty()) {
			return new Refresh.Denied("permission denied: invalid refresh claims subject");
		}
		Optional<Session> found = sessions.findByRefreshId(refresh.subject(), refresh.id());
		if (found.isEmpty()) {
			return new Refresh.Denied("permission denied: claims ids");
		}
		Session session = found.get();
		boolean samePair = session.pKey().equals(access.id());
		if (session.status() && !samePair) {
			return new Refresh.Denied("permission denied: claims ids");
		}
		Instant now = clock.instant();
		if (session.status()) {
			if (!now.isBefore(familyEnd(session))) {
				sessions.revokeFamily(session.familyId());
				return new Refresh.Denied(SESSION_EXPIRED);
			}
			if (sessions.rotate(session.id(), now)) {
				Session successor = issue(session.userId(), session.familyId(), session.familyStartedAt(), now);
				sessions.linkSuccessor(session.id(), successor.id());
				return new Refresh.Refreshed(pairOf(successor, now));
			}
			// A concurrent refresh replaced it while this one waited for the row: read what it left.
			session = sessions.findById(session.id()).orElse(session);
		}
		if (samePair && session.rotatedWithin(properties.refreshGraceWindow(), now)) {
			Optional<Session> successor = sessions.findById(session.successorId()).filter(Session::status);
			if (successor.isPresent()) {
				log.info("Refresh race for user {}: answered with the pair that replaced session {}", session.userId(),
						session.id());
				return new Refresh.Refreshed(pairOf(successor.get(), now));
			}
		}
		int revoked = sessions.revokeFamily(session.familyId());
		log.warn("Refresh token reuse for user {}: revoked {} session(s) of family {}", session.userId(), revoked,
				session.familyId());
		events.publishEvent(SecurityEvent.of(SecurityEvent.Action.REFRESH_REUSE, SecurityEvent.Outcome.FAILURE,
				session.userId(), "refresh token reuse, family revoked"));
		return new Refresh.Denied("permission denied: refresh token reuse detected, session revoked");
	}

	/** Signs out: every token of the session's family stops working at once. */
	@Transactional
	public void close(SessionPrincipal principal) {
		sessions.revokeFamily(principal.familyId());
	}

	/**
	 * A changed password ends the user's sessions (in the transaction that changed it), but for the
	 * one that changed it, if it did so through the API.
	 */
	@EventListener
	void onPasswordChanged(PasswordChanged changed) {
		int revoked = changed.keptFamilyId() == null ? sessions.revokeUser(changed.userId())
				: sessions.revokeUserExcept(changed.userId(), changed.keptFamilyId());
		log.info("Signed out {} session(s) of user {} after a password change", revoked, changed.userId());
	}

	/** Rows are kept past their expiry for a while so late reuse is still recognised, then dropped. */
	@Scheduled(fixedDelayString = "${auth.session.cleanup-interval:PT1H}", initialDelayString = "PT1M")
	@Transactional
	public void deleteExpired() {
		int deleted = sessions.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
		if (deleted > 0) {
			log.info("Deleted {} expired session row(s)", deleted);
		}
	}

	private Session issue(UUID userId, UUID familyId, Instant familyStartedAt, Instant now) {
		Instant expiresAt = tokens.expiryOf(TokenCodec.Use.REFRESH, now);
		Instant familyEnd = familyStartedAt.plus(properties.absoluteLifetime());
		return sessions.save(Session.issued(userId, familyId, familyStartedAt, randomKey(), randomKey(),
				expiresAt.isBefore(familyEnd) ? expiresAt : familyEnd, now));
	}

	/** The row's pair, signed now; neither token outlives the row. */
	private TokenPair pairOf(Session session, Instant now) {
		return new TokenPair(tokens.sign(session.userId(), session.pKey(), TokenCodec.Use.ACCESS, now, session.expiresAt()),
				tokens.sign(session.userId(), session.sKey(), TokenCodec.Use.REFRESH, now, session.expiresAt()));
	}

	private Instant familyEnd(Session session) {
		return session.familyStartedAt().plus(properties.absoluteLifetime());
	}

	/** 32 random bytes as 64 hex characters, like the reference's keystore keys. */
	private String randomKey() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** {@code "Bearer <token>"}, case-sensitive with one space, as the reference requires. */
	static Optional<String> bearerToken(String header) {
		if (!header.startsWith(BEARER) || header.length() == BEARER.length()) {
			return Optional.empty();
		}
		String token = header.substring(BEARER.length());
		return token.isBlank() || token.contains(" ") ? Optional.empty() : Optional.of(token);
	}
}
