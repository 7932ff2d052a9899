package com.blogplatform.auth.web;

import com.blogplatform.auth.audit.SecurityEvent;
import com.blogplatform.auth.session.SessionPrincipal;
import com.blogplatform.auth.throttle.CredentialThrottle;
import com.blogplatform.auth.throttle.CredentialThrottle.Operation;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.auth.user.AccountManagement.PasswordChange;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user changes their own password (the reference has no way to). The current
 * password is required even with a valid session, so a stolen access token cannot take over the
 * account; every other session of the user ends, the caller's keeps working.
 */
@RestController
class PasswordController {

	private final AccountManagement accounts;

	private final CredentialThrottle throttle;

	private final ApplicationEventPublisher events;

	PasswordController(AccountManagement accounts, CredentialThrottle throttle, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.events = events;
	}

	/**
	 * Throttled like a sign-in of the same account: a wrong current password counts as a failed
	 * sign-in (so a stolen session cannot be used to guess the password faster than sign-in allows).
	 */
	@PutMapping("/auth/password")
	ResponseEntity<ApiResponse<Void>> change(@AuthenticationPrincipal SessionPrincipal session,
			@Valid @RequestBody Requests.PasswordChange request, HttpServletRequest http) {
		if (request.newPassword().equals(request.currentPassword())) {
			throw ApiException.badRequest("newpassword must differ from currentpassword");
		}
		String email = session.account().email();
		if (throttle.checkAllowed(Operation.PASSWORD_CHANGE, email, http.getRemoteAddr())
				instanceof CredentialThrottle.Verdict.Limited limited) {
			publish(SecurityEvent.Outcome.THROTTLED, session, "rate limited");
			throw limited.exception();
		}
		var userId = session.account().id();
		return switch (accounts.changePassword(userId, request.currentPassword(), request.newPassword(), session.familyId())) {
			case PasswordChange.Changed changed -> {
				throttle.recordSuccess(email);
				publish(SecurityEvent.Outcome.SUCCESS, session, "password changed, other sessions signed out");
				yield ApiResponse.ok("password changed");
			}
			case PasswordChange.WrongPassword wrong -> {
				throttle.recordFailure(email);
				publish(SecurityEvent.Outcome.FAILURE, session, "wrong current password");
				throw ApiException.unauthorized(AuthController.BAD_CREDENTIALS);
			}
			case PasswordChange.Conflict conflict ->
				throw new ApiException(HttpStatus.CONFLICT, "the account changed meanwhile, try again");
			case PasswordChange.NoSuchUser gone -> throw ApiException.unauthorized("permission denied: claims subject does not exists");
		};
	}

	private void publish(SecurityEvent.Outcome outcome, SessionPrincipal session, String detail) {
		events.publishEvent(SecurityEvent.of(SecurityEvent.Action.PASSWORD_CHANGE, outcome, session.account().id(), detail));
	}
}
