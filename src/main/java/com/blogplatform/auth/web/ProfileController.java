package com.blogplatform.auth.web;

import com.blogplatform.auth.session.SessionPrincipal;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public profiles (never the e-mail) and the caller's own profile.
 */
@RestController
@RequestMapping("/auth/profile")
class ProfileController {

	/** The canonical lower-case form the reference accepts. */
	static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

	private final AccountManagement accounts;

	ProfileController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/id/{id}")
	ResponseEntity<ApiResponse<Views.UserPublic>> profile(
			@PathVariable @Pattern(regexp = UUID_PATTERN, message = "must be a valid UUID") String id) {
		return accounts.findActive(UUID.fromString(id))
			.map(account -> ApiResponse.ok("success", Views.UserPublic.of(account)))
			.orElseThrow(() -> ApiException.notFound("user does not exists"));
	}

	@GetMapping("/mine")
	ResponseEntity<ApiResponse<Views.UserPrivate>> mine(@AuthenticationPrincipal SessionPrincipal session) {
		return ApiResponse.ok("success", Views.UserPrivate.of(session.account()));
	}
}
