package com.blogplatform.auth.web;

import com.blogplatform.auth.throttle.CredentialThrottle;
import com.blogplatform.auth.user.PasswordHashing;
import com.blogplatform.shared.web.ApiResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What auth's services refuse for lack of capacity, in the envelope. Only for auth's controllers,
 * and ahead of the shared handler, which answers everything else.
 */
@RestControllerAdvice(basePackageClasses = AuthFailureHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthFailureHandler {

	/**
	 * Every password-hashing slot is taken: 429 rather than 503, since the client's own traffic (or a
	 * flood it is part of) is the cause and retrying a second later is the remedy.
	 */
	@ExceptionHandler(PasswordHashing.HashingBusyException.class)
	ResponseEntity<ApiResponse<Void>> hashingBusy() {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(ApiResponse.failure(HttpStatus.TOO_MANY_REQUESTS, CredentialThrottle.TOO_MANY_REQUESTS));
	}
}
