package com.blogplatform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A black-box HTTP client for the API, as an external client sees it: real HTTP, raw JSON, and the
 * contract's headers. Works the same against the single jar and the split services.
 */
public final class ApiClient {

	public static final String DEV_API_KEY = "1D3F2DD1A5DE725DD4DF1D82BBB37";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
		headers.put("x-api-key", DEV_API_KEY);
	}

	private ApiClient(String baseUrl, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.headers.putAll(headers);
	}

	/** A copy that sends this header (a {@code null} value removes it). */
	public ApiClient with(String name, String value) {
		ApiClient copy = new ApiClient(baseUrl, headers);
		if (value == null) {
			copy.headers.remove(name);
		}
		else {
			copy.headers.put(name, value);
		}
		return copy;
	}

	public ApiClient bearer(String accessToken) {
		return with("Authorization", "Bearer " + accessToken);
	}

	public ApiClient withoutApiKey() {
		return with("x-api-key", null);
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	/** Sends {@code body} as JSON: a {@link String} is sent verbatim, anything else is serialized. */
	public Response send(String method, String path, Object body) {
		String text = body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
		if (text != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, raw body and the body as JSON. */
	public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String message() {
			return json().path("message").asString();
		}

		public JsonNode data() {
			return json().path("data");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
