package com.blogplatform.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * The contract's envelope: {@code {"code", "status", "message", "data"}}. {@code code} is
 * {@value #SUCCESS} on success and {@value #FAILURE} on failure; {@code data} is omitted when empty.
 */
@JsonPropertyOrder({ "code", "status", "message", "data" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(String code, int status, String message, T data) {

	public static final String SUCCESS = "10000";
	public static final String FAILURE = "10001";

	public static <T> ResponseEntity<ApiResponse<T>> ok(String message, T data) {
		return ResponseEntity.ok(new ApiResponse<>(SUCCESS, 200, message, data));
	}

	public static ResponseEntity<ApiResponse<Void>> ok(String message) {
		return ok(message, null);
	}

	public static ApiResponse<Void> failure(HttpStatusCode status, String message) {
		return new ApiResponse<>(FAILURE, status.value(), message, null);
	}
}
