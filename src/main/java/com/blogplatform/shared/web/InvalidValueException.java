package com.blogplatform.shared.web;

/**
 * A request parameter's value that breaks a rule, thrown by the {@code Converter} or
 * {@code Formatter} that binds it: {@link ApiExceptionHandler} answers 400
 * {@code "<parameter> <rule>"}, e.g. {@code "id is invalid"}.
 */
public class InvalidValueException extends IllegalArgumentException {

	/** @param rule what the value breaks, as the message says it: {@code "is invalid"} */
	public InvalidValueException(String rule) {
		super(rule);
	}
}
