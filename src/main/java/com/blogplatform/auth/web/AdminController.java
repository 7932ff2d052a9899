package com.blogplatform.auth.web;

import com.blogplatform.auth.audit.SecurityEvent;
import com.blogplatform.auth.session.SessionPrincipal;
import com.blogplatform.auth.user.Account;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Role administration, for ADMIN only: the reference has no way to make anyone an author or editor
 * short of editing the database.
 */
@RestController
@RequestMapping("/auth/admin")
class AdminController {

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	AdminController(AccountManagement accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
	}

	/** Replaces the user's roles with the given set; the change and the administrator are audited. */
	@PutMapping("/user/id/{id}/roles")
	ResponseEntity<ApiResponse<Views.UserPrivate>> assignRoles(
			@PathVariable @Pattern(regexp = ProfileController.UUID_PATTERN, message = "must be a valid UUID") String id,
			@Valid @RequestBody Requests.AssignRoles request, @AuthenticationPrincipal SessionPrincipal admin) {
		UUID userId = UUID.fromString(id);
		var roles = EnumSet.copyOf(request.roles());
		String detail = "roles=" + roles.stream().map(Enum::name).collect(Collectors.joining(",")) + " by="
				+ admin.account().id();
		Optional<Account> changed = accounts.assignRoles(userId, roles);
		events.publishEvent(SecurityEvent.of(SecurityEvent.Action.ROLE_CHANGE,
				changed.isPresent() ? SecurityEvent.Outcome.SUCCESS : SecurityEvent.Outcome.FAILURE, userId,
				changed.isPresent() ? detail : "no such user " + detail));
		return changed.map(account -> ApiResponse.ok("roles updated", Views.UserPrivate.of(account)))
			.orElseThrow(() -> ApiException.notFound("user does not exists"));
	}
}
