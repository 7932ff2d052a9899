package com.blogplatform.auth.web;

import com.blogplatform.auth.session.SessionPrincipal;
import com.blogplatform.auth.session.SessionManagement;
import com.blogplatform.auth.session.TokenPair;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
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
 * Sign-up, sign-in, token refresh, sign-out, the gateway's API-key check and health.
 */
@RestController
@RequestMapping("/auth")
class AuthController {

	/** One answer for an unknown e-mail and a wrong password, so accounts cannot be enumerated. */
	static final String BAD_CREDENTIALS = "wrong password";

	private final AccountManagement accounts;

	private final SessionManagement sessions;

	AuthController(AccountManagement accounts, SessionManagement sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
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
	ResponseEntity<ApiResponse<Views.UserAuth>> signUp(@Valid @RequestBody Requests.SignUp request) {
		return switch (accounts.register(request.email(), request.password(), request.name(), request.profilePicUrl())) {
			case AccountManagement.Registration.EmailTaken taken -> throw ApiException.badRequest("user already registered");
			case AccountManagement.Registration.Registered registered -> ApiResponse.ok("success",
					new Views.UserAuth(Views.UserPrivate.of(registered.account()), sessions.open(registered.account().id())));
		};
	}

	@PostMapping("/signin/basic")
	ResponseEntity<ApiResponse<Views.UserAuth>> signIn(@Valid @RequestBody Requests.SignIn request) {
		return accounts.authenticate(request.email(), request.password())
			.map(account -> ApiResponse.ok("success",
					new Views.UserAuth(Views.UserPrivate.of(account), sessions.open(account.id()))))
			.orElseThrow(() -> ApiException.unauthorized(BAD_CREDENTIALS));
	}

	@PostMapping("/token/refresh")
	ResponseEntity<ApiResponse<TokenPair>> refresh(@RequestHeader(name = "Authorization", required = false) String authorization,
			@Valid @RequestBody Requests.Refresh request) {
		return switch (sessions.refresh(authorization, request.refreshToken())) {
			case SessionManagement.Refresh.Refreshed refreshed -> ApiResponse.ok("success", refreshed.tokens());
			case SessionManagement.Refresh.Denied denied -> throw ApiException.unauthorized(denied.reason());
		};
	}

	@DeleteMapping("/signout")
	ResponseEntity<ApiResponse<Void>> signOut(@AuthenticationPrincipal SessionPrincipal session) {
		sessions.close(session);
		return ApiResponse.ok("signout success");
	}
}
