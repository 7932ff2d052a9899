package com.blogplatform.auth.web;

import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

	AdminController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	/** Replaces the user's roles with the given set. */
	@PutMapping("/user/id/{id}/roles")
	ResponseEntity<ApiResponse<Views.UserPrivate>> assignRoles(
			@PathVariable @Pattern(regexp = ProfileController.UUID_PATTERN, message = "must be a valid UUID") String id,
			@Valid @RequestBody Requests.AssignRoles request) {
		return accounts.assignRoles(UUID.fromString(id), EnumSet.copyOf(request.roles()))
			.map(account -> ApiResponse.ok("roles updated", Views.UserPrivate.of(account)))
			.orElseThrow(() -> ApiException.notFound("user does not exists"));
	}
}
