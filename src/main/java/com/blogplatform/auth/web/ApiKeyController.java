package com.blogplatform.auth.web;

import com.blogplatform.auth.apikey.ApiKeyManagement;
import com.blogplatform.auth.apikey.ApiKeyManagement.Revocation;
import com.blogplatform.auth.apikey.ApiKeySummary;
import com.blogplatform.auth.session.SessionPrincipal;
import com.blogplatform.shared.security.ApiSecurity;
import com.blogplatform.shared.web.ApiException;
import com.blogplatform.shared.web.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * API-key administration, for ADMIN only (bearer and API key, as all of {@code /auth/admin/**}).
 * A new key is shown once, in the answer that creates it; lists never show a key or its hash.
 * A key cannot be revoked with itself, nor when it is the last active one, so the API can never
 * lock everyone out.
 */
@RestController
@RequestMapping("/auth/admin/apikeys")
class ApiKeyController {

	/** Keys are few (one per client application); a page of 100 shows them all in practice. */
	static final int MAX_LIMIT = 100;

	private final ApiKeyManagement apiKeys;

	ApiKeyController(ApiKeyManagement apiKeys) {
		this.apiKeys = apiKeys;
	}

	@PostMapping
	ResponseEntity<ApiResponse<NewApiKey>> create(@Valid @RequestBody ApiKeyRequests.CreateApiKey request,
			@AuthenticationPrincipal SessionPrincipal admin) {
		var issued = apiKeys.create(request.description(), admin.account().id());
		return ApiResponse.ok("api key created", NewApiKey.of(issued));
	}

	/** Newest first, {@code ?page=} (from 1, default 1) and {@code ?limit=} (1 to 100, default 100). */
	@GetMapping
	ResponseEntity<ApiResponse<List<ApiKeyView>>> list(
			@RequestParam(defaultValue = "1") @Min(value = 1, message = "must be at least 1") int page,
			@RequestParam(defaultValue = "" + MAX_LIMIT) @Min(value = 1, message = "must be at least 1")
			@Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT) int limit) {
		return ApiResponse.ok("success", apiKeys.list(page, limit).stream().map(ApiKeyView::of).toList());
	}

	@DeleteMapping("/id/{id}")
	ResponseEntity<ApiResponse<ApiKeyView>> revoke(
			@PathVariable @Pattern(regexp = ProfileController.UUID_PATTERN, message = "must be a valid UUID") String id,
			@RequestHeader(ApiSecurity.API_KEY_HEADER) String presentedKey, @AuthenticationPrincipal SessionPrincipal admin) {
		return switch (apiKeys.revoke(UUID.fromString(id), presentedKey, admin.account().id())) {
			case Revocation.Revoked revoked -> ApiResponse.ok("api key revoked", ApiKeyView.of(revoked.key()));
			case Revocation.AlreadyRevoked already -> ApiResponse.ok("api key already revoked", ApiKeyView.of(already.key()));
			case Revocation.NotFound notFound -> throw ApiException.notFound("api key not found");
			case Revocation.InUse inUse -> throw new ApiException(HttpStatus.CONFLICT,
					"api key is used by this request: revoke it with another key");
			case Revocation.LastActiveKey last -> throw new ApiException(HttpStatus.CONFLICT,
					"api key is the last active one: create another key first");
		};
	}

	/** A key as administration lists it; {@code revokedAt} only once revoked. */
	record ApiKeyView(UUID id, String description, boolean status, Instant createdAt, Instant revokedAt) {

		static ApiKeyView of(ApiKeySummary key) {
			return new ApiKeyView(key.id(), key.description(), key.status(), key.createdAt(), key.revokedAt());
		}
	}

	/** The answer to a creation, the only one that ever carries the key. */
	record NewApiKey(UUID id, String key, String description, boolean status, Instant createdAt) {

		static NewApiKey of(ApiKeyManagement.IssuedKey issued) {
			var summary = issued.summary();
			return new NewApiKey(summary.id(), issued.key(), summary.description(), summary.status(), summary.createdAt());
		}

		@Override
		public String toString() {
			return "NewApiKey[id=" + id + ", key=******]";
		}
	}
}
