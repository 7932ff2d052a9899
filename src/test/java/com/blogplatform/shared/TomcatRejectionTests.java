package com.blogplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat itself refuses, before the firewall and the application, are answered in the
 * envelope with Tomcat's 4xx status: JSON, no server name, no stack trace, not the refused input.
 * Sent as raw bytes over a socket, since an HTTP client refuses to send most of them.
 */
@ApiTest
class TomcatRejectionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/auth/health%zz", "/auth/health%2", "/auth/%00/health", "/auth/a%2Fb/health", "/auth/a|b",
			"/auth/{id}", "/auth/a\\b", "/auth/a^b", "/auth/a`b", "/blog/list/latest?page=1|2", "/blog/list/latest?q={}",
			"/auth/a b", "*", "auth/health" })
	void aRequestTargetTomcatRefusesIsA400InTheEnvelope(String target) throws IOException {
		Raw response = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");

		assertEnvelope(response, 400, "request rejected: the URL or a header is not valid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Big: %s\r\n", "X-Many-%s: x\r\n" })
	void headersTooLargeAreRefusedInTheEnvelope(String header) throws IOException {
		StringBuilder headers = new StringBuilder();
		if (header.startsWith("X-Big")) {
			headers.append(header.formatted("x".repeat(64 * 1024)));
		}
		else {
			for (int i = 0; i < 4000; i++) {
				headers.append(header.formatted(i));
			}
		}
		Raw response = send("GET /auth/health HTTP/1.1\r\nHost: localhost\r\n" + headers);

		// Tomcat answers 400 (not 431) for a head larger than server.max-http-request-header-size.
		assertEnvelope(response, 400, "request rejected: the URL or a header is not valid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Bad\u0001: x\r\n", "Bad Name: x\r\n", "Host: localhost\r\n" })
	void aMalformedHeaderIsA400InTheEnvelope(String header) throws IOException {
		Raw response = send("GET /auth/health HTTP/1.1\r\nHost: localhost\r\n" + header);

		assertEnvelope(response, 400, "request rejected: the URL or a header is not valid");
	}

	/** Tomcat passes these (obs-text); the firewall refuses a control character once the application reads the header. */
	@ParameterizedTest
	@ValueSource(strings = { "x-api-key: " + ApiClient.DEV_API_KEY + "\u0085\r\n", "x-api-key: " + ApiClient.DEV_API_KEY
			+ "\r\nAuthorization: Bearer a\u0085b\r\n" })
	void aControlCharacterInAHeaderValueIsA400InTheEnvelope(String headers) throws IOException {
		Raw response = send("GET /auth/profile/mine HTTP/1.1\r\nHost: localhost\r\n" + headers);

		assertEnvelope(response, 400, "request rejected: the URL or a header is not valid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blog/list/latest?page=%zz&limit=1", "/blog/list/latest?page=1&limit=1&%zz=1",
			"/blog/list/latest?page=1&limit=%" })
	void aBadlyEncodedQueryIsA400InTheEnvelope(String target) throws IOException {
		Raw response = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nx-api-key: " + ApiClient.DEV_API_KEY + "\r\n");

		assertEnvelope(response, 400, "request rejected: a parameter is not validly encoded");
	}

	private static void assertEnvelope(Raw response, int status, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("content-type")).as(response.toString()).isEqualTo("application/json");
		assertThat(response.header("server")).as(response.toString()).isNull();
		assertThat(response.body()).as(response.toString())
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContainIgnoringCase("apache")
			.doesNotContain("Exception")
			.doesNotContain("<html");
		JsonNode body = envelope(response);
		assertThat(body.path("code").asString()).as(response.toString()).isEqualTo("10001");
		assertThat(body.path("status").asInt()).as(response.toString()).isEqualTo(status);
		assertThat(body.path("message").asString()).as(response.toString()).isEqualTo(message);
		assertThat(body.has("data")).as(response.toString()).isFalse();
	}

	private static JsonNode envelope(Raw response) {
		return JSON.readTree(response.body());
	}

	/** Sends the request head as ISO-8859-1 bytes (each char one byte), closes the connection, reads the whole answer. */
	private Raw send(String head) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (IOException resetWhileSending) {
				// Tomcat may answer and close before reading all of an oversized head: read what it said.
			}
			return Raw.parse(readAll(socket.getInputStream()));
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (IOException reset) {
			// a reset after the answer: keep what arrived
		}
		return bytes.toByteArray();
	}

	/** A parsed HTTP/1.1 answer; a chunked body is joined. */
	record Raw(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		static Raw parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("an HTTP answer: " + text).isPositive();
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Raw(status, headers, body);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (true) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					return body.toString();
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
		}

		@Override
		public String toString() {
			return status + " " + headers + " " + body;
		}
	}
}
