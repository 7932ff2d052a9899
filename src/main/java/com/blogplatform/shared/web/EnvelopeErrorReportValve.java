package com.blogplatform.shared.web;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report in the contract's envelope: the status Tomcat chose, a fixed message per
 * status, JSON. Tomcat's own message is not used, since it echoes the refused input (a request
 * target, a header) and names the server; neither it nor a stack trace is ever written.
 */
final class EnvelopeErrorReportValve extends ErrorReportValve {

	private final JsonMapper json;

	EnvelopeErrorReportValve(JsonMapper json) {
		this.json = json;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// As Tomcat's own report: only an error that nothing has answered yet, and only once.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			byte[] body = json.writeValueAsBytes(ApiResponse.failure(HttpStatusCode.valueOf(status), message(status)));
			// As every response of the API: application/json, no charset parameter (JSON is UTF-8).
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ignored) {
			// the client is gone, or the response was already written: nothing more can be said
		}
	}

	/** What each refusal means for the client, in the API's words. */
	static String message(int status) {
		return switch (status) {
			case 400 -> "request rejected: the URL or a header is not valid";
			case 404 -> "url not found";
			case 405 -> "method not allowed";
			case 413 -> "request body is too large";
			case 414 -> "request rejected: the URL is too long";
			case 431 -> "request rejected: the request headers are too large";
			case 500 -> ApiExceptionHandler.UNEXPECTED;
			default -> {
				HttpStatus known = HttpStatus.resolve(status);
				yield known == null ? "request rejected" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
			}
		};
	}
}
