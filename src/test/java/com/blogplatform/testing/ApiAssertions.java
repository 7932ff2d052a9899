package com.blogplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the contract's envelope. */
public final class ApiAssertions {

	private ApiAssertions() {
	}

	/** A failure: the status, {@code code "10001"}, the status repeated in the body, the message, and no data. */
	public static void assertFailure(ApiClient.Response response, int status, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		var body = response.json();
		assertThat(body.path("code").asString()).as(response.toString()).isEqualTo("10001");
		assertThat(body.path("status").asInt()).as(response.toString()).isEqualTo(status);
		assertThat(body.path("message").asString()).as(response.toString()).isEqualTo(message);
		assertThat(body.has("data")).as(response.toString()).isFalse();
	}

	/** A success: 200, {@code code "10000"}, {@code status 200} and the message. */
	public static void assertSuccess(ApiClient.Response response, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var body = response.json();
		assertThat(body.path("code").asString()).isEqualTo("10000");
		assertThat(body.path("status").asInt()).isEqualTo(200);
		assertThat(body.path("message").asString()).isEqualTo(message);
	}
}
