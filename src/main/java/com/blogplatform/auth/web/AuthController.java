package com.blogplatform.auth.web;

import com.auth0.jwt.JWT;
import com.blogplatform.auth.audit.SecurityEvent;
import com.blogplatform.auth.audit.SecurityEvent.Action;
import com.blogplatform.auth.audit.SecurityEvent.Outcome;
import com.blogplatform.auth.session.SessionPrincipal;
import com.blogplatform.auth.session.SessionManagement;
import com.blogplatform.auth.session.TokenPair;
import com.blogplatform.auth.throttle.CredentialThrottle;
import com.blogplatform.auth.throttle.CredentialThrottle.Operation;
import com.blogplatform.auth.user.Account;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in, token refresh, sign-out, the gateway's API-key check and health. The credential
 * operations pass the {@link CredentialThrottle} first (429 when limited), and each outcome is
 * published as a {@link SecurityEvent} (a security log line and an audit row).
 */
@RestController
@RequestMapping("/auth")
class AuthController {

	/** One answer for an unknown e-mail and a wrong password, so accounts cannot be enumerated. */
	static final String BAD_CREDENTIALS = "wrong password";

	private final AccountManagement accounts;

	private final SessionManagement sessions;

	private final CredentialThrottle throttle;

	private final ApplicationEventPublisher events;

	AuthController(AccountManagement accounts, SessionManagement sessions, CredentialThrottle throttle,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.events = events;
	}

	@GetMapping("/health")
	ResponseEntity<ApiResponse<Views.Health>> health() {
		return ApiResponse.ok("success", Views.Health.ok());
	}

	/** The x-api-key was already verified by the security chain; reaching here means it is valid. */
	@GetMapping("/verify/apikey")
	ResponseEntity<ApiResponse<Void>> verifyApiKey() {
		return ApiResponse.ok("success");
	}

	@PostMapping("/signup/basic")
	ResponseEntity<ApiResponse<Views.UserAuth>> signUp(@Valid @RequestBody Requests.SignUp request, HttpServletRequest http) {
		admit(Operation.SIGN_UP, Action.SIGN_UP, request.email(), http);
		return switch (accounts.register(request.email(), request.password(), request.name(), request.profilePicUrl())) {
			case AccountManagement.Registration.EmailTaken taken -> {
				events.publishEvent(SecurityEvent.ofEmail(Action.SIGN_UP, Outcome.FAILURE, request.email(), "email taken"));
				throw ApiException.badRequest("user already registered");
			}
			case AccountManagement.Registration.Registered registered -> {
				events.publishEvent(SecurityEvent.of(Action.SIGN_UP, Outcome.SUCCESS, registered.account().id(), null));
				yield ApiResponse.ok("success",
						new Views.UserAuth(Views.UserPrivate.of(registered.account()), sessions.open(registered.account().id())));
			}
		};
	}

	/** A wrong password and an unknown e-mail count alike, for the throttle as for the client. */
	@PostMapping("/signin/basic")
	ResponseEntity<ApiResponse<Views.UserAuth>> signIn(@Valid @RequestBody Requests.SignIn request, HttpServletRequest http) {
		admit(Operation.SIGN_IN, Action.SIGN_IN, request.email(), http);
		Optional<Account> authenticated = accounts.authenticate(request.email(), request.password());
		if (authenticated.isEmpty()) {
			throttle.recordFailure(request.email());
			events.publishEvent(SecurityEvent.ofEmail(Action.SIGN_IN, Outcome.FAILURE, request.email(), "bad credentials"));
			throw ApiException.unauthorized(BAD_CREDENTIALS);
		}
		Account account = authenticated.get();
		throttle.recordSuccess(request.email());
		events.publishEvent(SecurityEvent.of(Action.SIGN_IN, Outcome.SUCCESS, account.id(), null));
		return ApiResponse.ok("success", new Views.UserAuth(Views.UserPrivate.of(account), sessions.open(account.id())));
	}

	/**
	 * Limited per client address only: the account a refresh names is a claim of a token not yet
	 * verified, and charging it would let anyone exhaust a victim's budget; a refresh token cannot
	 * be guessed, so there is no per-account guessing to slow down.
	 */
	@PostMapping("/token/refresh")
	ResponseEntity<ApiResponse<TokenPair>> refresh(@RequestHeader(name = "Authorization", required = false) String authorization,
			@Valid @RequestBody Requests.Refresh request, HttpServletRequest http) {
		admit(Operation.REFRESH, Action.REFRESH, null, http);
		return switch (sessions.refresh(authorization, request.refreshToken())) {
			case SessionManagement.Refresh.Refreshed refreshed -> {
				events.publishEvent(SecurityEvent.of(Action.REFRESH, Outcome.SUCCESS, subjectOf(refreshed.tokens()), null));
				yield ApiResponse.ok("success", refreshed.tokens());
			}
			case SessionManagement.Refresh.Denied denied -> {
				events.publishEvent(SecurityEvent.of(Action.REFRESH, Outcome.FAILURE, null, denied.reason()));
				throw ApiException.unauthorized(denied.reason());
			}
		};
	}

	@DeleteMapping("/signout")
	ResponseEntity<ApiResponse<Void>> signOut(@AuthenticationPrincipal SessionPrincipal session) {
		sessions.close(session);
		events.publishEvent(SecurityEvent.of(Action.SIGN_OUT, Outcome.SUCCESS, session.account().id(), null));
		return ApiResponse.ok("signout success");
	}

	/** 429 (and a THROTTLED event) when a limit refuses the attempt. */
	private void admit(Operation operation, Action action, String email, HttpServletRequest http) {
		if (throttle.checkAllowed(operation, email, http.getRemoteAddr()) instanceof CredentialThrottle.Verdict.Limited limited) {
			events.publishEvent(email == null ? SecurityEvent.of(action, Outcome.THROTTLED, null, "rate limited")
					: SecurityEvent.ofEmail(action, Outcome.THROTTLED, email, "rate limited"));
			throw limited.exception();
		}
	}

	/** The user of a pair this instance has just signed: read, not verified again. */
	private static UUID subjectOf(TokenPair tokens) {
		return UUID.fromString(JWT.decode(tokens.accessToken()).getSubject());
	}
}
