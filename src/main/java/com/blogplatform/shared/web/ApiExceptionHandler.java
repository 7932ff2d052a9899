package com.blogplatform.shared.web;

import jakarta.validation.ConstraintViolation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become the contract's envelope. Expected failures carry their own
 * status and message ({@link ApiException}); framework failures of a bad request become clear 4xx
 * messages; anything else is a 500 whose details stay in the log, never in the response.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static final String UNEXPECTED = "An unexpected error occurred. Please try again later.";

	static final String STORE_UNAVAILABLE = "service unavailable, try again later";

	/** Jackson's message for a repeated key with {@code STRICT_DUPLICATE_DETECTION}. */
	private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"([^\"]{0,100})\"");

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiResponse<Void>> api(ApiException ex) {
		var response = ResponseEntity.status(ex.status());
		ex.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(wait))));
		return response.body(ApiResponse.failure(ex.status(), ex.getMessage()));
	}

	/** Whole seconds, rounded up and at least 1: {@code Retry-After: 0} would invite an immediate retry. */
	static long retryAfterSeconds(Duration wait) {
		long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiResponse<Void>> invalidBody(MethodArgumentNotValidException ex) {
		var result = ex.getBindingResult();
		return failure(HttpStatus.BAD_REQUEST, ValidationMessages.ofFieldErrors(result.getFieldErrors(), result.getTarget()));
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiResponse<Void>> invalidParameters(HandlerMethodValidationException ex) {
		String message = ex.getParameterValidationResults().stream()
			.flatMap(result -> result instanceof ParameterErrors bean
					? java.util.stream.Stream.of(ValidationMessages.ofFieldErrors(bean.getFieldErrors(), bean.getArgument()))
					: result.getResolvableErrors().stream().map(error -> parameterMessage(result, error)))
			.distinct()
			.collect(Collectors.joining(", "));
		return failure(HttpStatus.BAD_REQUEST, message.isEmpty() ? "invalid request" : message);
	}

	private static String parameterMessage(ParameterValidationResult result,
			org.springframework.context.MessageSourceResolvable error) {
		String name = result.getMethodParameter().getParameterName();
		ConstraintViolation<?> violation = result.unwrap(error, ConstraintViolation.class);
		return name.toLowerCase(Locale.ROOT) + " " + ValidationMessages.rule(violation);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException ex) {
		return failure(HttpStatus.BAD_REQUEST, ex.getParameterName() + " is required");
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiResponse<Void>> missingHeader(MissingRequestHeaderException ex) {
		return failure(HttpStatus.BAD_REQUEST, ex.getHeaderName() + " header is required");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getMostSpecificCause() instanceof InvalidValueException invalid) {
			return failure(HttpStatus.BAD_REQUEST, ex.getName() + " " + invalid.getMessage());
		}
		String expected = ex.getRequiredType() == null ? "value" : switch (ex.getRequiredType().getSimpleName()) {
			case "int", "Integer", "long", "Long" -> "an integer";
			default -> "a valid value";
		};
		return failure(HttpStatus.BAD_REQUEST, ex.getName() + " must be " + expected);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof StreamConstraintsException) {
			return failure(HttpStatus.CONTENT_TOO_LARGE, "request body is too large");
		}
		return failure(HttpStatus.BAD_REQUEST, unreadableMessage(ex.getMostSpecificCause()));
	}

	private static String unreadableMessage(Throwable cause) {
		return switch (cause) {
			case UnrecognizedPropertyException unknown -> "unknown field: " + unknown.getPropertyName();
			case StreamReadException duplicate when duplicateField(duplicate) != null ->
				"duplicate field: " + duplicateField(duplicate);
			case StrictJson.PlainText.ControlCharacter control when !control.getPath().isEmpty() ->
				path(control.getPath()) + (control.layout() ? " must not contain tabs or line breaks"
						: " must not contain control characters");
			case InvalidFormatException invalid when !invalid.getPath().isEmpty() && invalid.getTargetType() != null
					&& invalid.getTargetType().isEnum() ->
				path(invalid.getPath()) + " has an invalid value";
			case MismatchedInputException mismatch when !mismatch.getPath().isEmpty() ->
				path(mismatch.getPath()) + " has an invalid type";
			case MismatchedInputException ignored -> "request body must be a JSON object";
			case JacksonException ignored -> "request body is not valid JSON";
			default -> "request body is missing or not valid JSON";
		};
	}

	/** The repeated key of a {@code STRICT_DUPLICATE_DETECTION} failure, or {@code null} for any other read error. */
	private static String duplicateField(StreamReadException ex) {
		Matcher matcher = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String path(List<JacksonException.Reference> path) {
		StringBuilder name = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				name.append(name.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				name.append('[').append(reference.getIndex()).append(']');
			}
		}
		return name.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * A query string (or form body) Tomcat cannot decode ({@code ?page=%zz}), found when a parameter is
	 * first read: Tomcat's status (400) in the envelope. Its message echoes the input, so it is not used.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ApiResponse<Void>> invalidParameters(InvalidParameterException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
		if (status == null || !status.is4xxClientError()) {
			status = HttpStatus.BAD_REQUEST;
		}
		return failure(status, status == HttpStatus.BAD_REQUEST ? "request rejected: a parameter is not validly encoded"
				: EnvelopeErrorReportValve.message(status.value()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return failure(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type must be application/json");
	}

	/**
	 * An {@code Accept} that JSON cannot satisfy (e.g. only {@code application/xml}): 406 without a
	 * body, since the envelope is JSON too; a client's choice, so nothing above debug is logged.
	 */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Void> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		log.debug("Not acceptable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiResponse<Void>> tooLarge(MaxUploadSizeExceededException ex) {
		return failure(HttpStatus.CONTENT_TOO_LARGE, "request body is too large");
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ApiResponse<Void>> notFound(Exception ex) {
		return failure(HttpStatus.NOT_FOUND, "url not found");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException ex) {
		return failure(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed");
	}

	/**
	 * A store that cannot be reached (no connection within its timeout, the server gone): 503 at
	 * once, so the client retries later; the instance recovers by itself when the store is back.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	ResponseEntity<ApiResponse<Void>> storeUnavailable(DataAccessException ex) {
		log.warn("A data store is unavailable: {}", ex.getMostSpecificCause().toString());
		return failure(HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE);
	}

	/** No connection for a transaction within the pool's timeout: the same as a store that is down. */
	@ExceptionHandler(CannotCreateTransactionException.class)
	ResponseEntity<ApiResponse<Void>> noConnection(CannotCreateTransactionException ex) {
		log.warn("No database connection for a transaction: {}", ex.getMostSpecificCause().toString());
		return failure(HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse<Void>> unexpected(Exception ex) {
		log.error("Unhandled failure", ex);
		return failure(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED);
	}

	static ResponseEntity<ApiResponse<Void>> failure(HttpStatusCode status, String message) {
		return ResponseEntity.status(status).body(ApiResponse.failure(status, message));
	}
}
