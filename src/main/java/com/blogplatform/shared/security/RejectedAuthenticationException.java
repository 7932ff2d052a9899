package com.blogplatform.shared.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * An authentication failure that knows the status and message the client must see: 401 for bad
 * credentials, 403 for an invalid API key, 503 when the authority could not be asked.
 */
public class RejectedAuthenticationException extends AuthenticationException {

	private final HttpStatus status;

	public RejectedAuthenticationException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}
}
