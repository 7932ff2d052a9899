package com.blogplatform.auth.audit;

import com.blogplatform.shared.tracing.RequestId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Something security-relevant happened to an account, a session or an API key: published as an
 * application event wherever it happens, written as a security log line and an audit row by the
 * audit listener. Carries who (the user id when known, else a hash of the e-mail), from where (the
 * client address as the application sees it, i.e. after the gateway's forwarded headers) and the
 * request id; never a password, token or key.
 * @param userId the account concerned, when known
 * @param account a hash of the e-mail given (see {@link #accountOf}), when the user id is not known
 * @param detail a short, fixed reason (e.g. {@code wrong password}, {@code throttled}); never input
 */
public record SecurityEvent(Action action, Outcome outcome, UUID userId, String account, String clientAddress,
		String requestId, String detail, Instant at) {

	public enum Action {
		SIGN_UP, SIGN_IN, REFRESH, REFRESH_REUSE, SIGN_OUT, PASSWORD_CHANGE, ROLE_CHANGE, API_KEY_CREATE, API_KEY_REVOKE
	}

	public enum Outcome {
		/** It was done. */
		SUCCESS,
		/** It was refused: wrong credentials, an invalid or replayed token. */
		FAILURE,
		/** It was not attempted: a rate limit or a busy hashing pool. */
		THROTTLED
	}

	/** An event about a known user, from the request being handled on this thread (if any). */
	public static SecurityEvent of(Action action, Outcome outcome, UUID userId, String detail) {
		return new SecurityEvent(action, outcome, userId, null, currentClientAddress(), RequestId.current(), detail,
				Instant.now());
	}

	/** An event about an account known only by the e-mail given, which is recorded as a hash. */
	public static SecurityEvent ofEmail(Action action, Outcome outcome, String email, String detail) {
		return new SecurityEvent(action, outcome, null, accountOf(email), currentClientAddress(), RequestId.current(),
				detail, Instant.now());
	}

	/**
	 * The first 16 bytes of the SHA-256 of the lower-cased e-mail, in hex: the same account gives the
	 * same value across lines and instances, and a log reader does not see the address.
	 */
	public static String accountOf(String email) {
		if (email == null) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String currentClientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : null;
	}
}
