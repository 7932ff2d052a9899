package com.blogplatform.shared.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * An expected failure of a request, carrying the status and the message the client sees. Thrown by
 * controllers and application services; {@link ApiExceptionHandler} renders it in the envelope.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	/** The message of every 429: the same whichever limit or busy resource caused it. */
	public static final String TOO_MANY_REQUESTS = "too many requests, try again later";

	private final Duration retryAfter;

	public ApiException(HttpStatus status, String message) {
		this(status, message, null);
	}

	/**
	 * @param retryAfter when the client may try again, sent as {@code Retry-After} (whole seconds, at
	 * least 1); {@code null} for none
	 */
	public ApiException(HttpStatus status, String message, Duration retryAfter) {
		super(message, null, false, false);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public HttpStatus status() {
		return status;
	}

	/** When the client may try again, if the failure says so. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	public static ApiException badRequest(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message);
	}

	public static ApiException unauthorized(String message) {
		return new ApiException(HttpStatus.UNAUTHORIZED, message);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(HttpStatus.FORBIDDEN, message);
	}

	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, message);
	}

	public static ApiException unavailable(String message) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message);
	}

	/**
	 * 429: a rate limit, or a resource the request must wait for (a busy pool), refused it; the
	 * client is told when to try again.
	 */
	public static ApiException tooManyRequests(String message, Duration retryAfter) {
		return new ApiException(HttpStatus.TOO_MANY_REQUESTS, message, Objects.requireNonNull(retryAfter));
	}
}
