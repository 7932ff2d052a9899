package com.blogplatform.shared.security;

import com.blogplatform.shared.web.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes security failures in the contract's envelope, so a rejected request looks like any other
 * failure of the API. Serves as entry point, failure handler and access-denied handler.
 */
@Component
public class EnvelopeWriter
		implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler, RequestRejectedHandler {

	/** The reference's message for a missing role, kept verbatim (typo included) for clients that match on it. */
	public static final String MISSING_ROLE = "permission denied: does not have suffient role";

	private final JsonMapper json;

	EnvelopeWriter(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (ex instanceof RejectedAuthenticationException rejected) {
			write(response, rejected.status(), rejected.getMessage());
		}
		else {
			write(response, HttpStatus.UNAUTHORIZED, "permission denied: missing Authorization");
		}
	}

	@Override
	public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		commence(request, response, ex);
	}

	@Override
	public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException ex) throws IOException {
		write(response, HttpStatus.FORBIDDEN, MISSING_ROLE);
	}

	/**
	 * A URL the firewall refuses ({@code ;}, {@code //}, an encoded {@code .} or {@code /}, ...) or a header
	 * value it refuses (a control character): 400 in the envelope instead of Boot's default error page,
	 * with the message of what Tomcat itself refuses, echoing nothing.
	 */
	@Override
	public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException rejected) throws IOException {
		write(response, HttpStatus.BAD_REQUEST, "request rejected: the URL or a header is not valid");
	}

	public void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		// application/json without a charset parameter, as the controllers' responses: JSON is UTF-8.
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ApiResponse.failure(status, message));
	}
}
