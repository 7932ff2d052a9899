package com.blogplatform.blog;

import static com.blogplatform.testing.ApiAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.BlogFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Public reads are revalidated with an ETag: 304 while the answer is unchanged, the new answer as
 * soon as a change evicts it, and never a 304 to a request that would not have been answered.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class PublicReadCachingTests extends BlogActors {

	@Test
	void aPublicReadIsTaggedAndRevalidatedWith304() {
		String id = BlogFixtures.published(author, editor, "Tagged");

		var first = api.get("/blog/id/" + id);
		String tag = header(first, "ETag");

		assertThat(first.status()).isEqualTo(200);
		assertThat(tag).startsWith("\"").endsWith("\"");
		assertThat(header(first, "Cache-Control")).isEqualTo("no-cache");
		var revalidated = api.with("If-None-Match", tag).get("/blog/id/" + id);
		assertThat(revalidated.status()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(header(revalidated, "ETag")).isEqualTo(tag);
		assertThat(api.with("If-None-Match", "\"something-else\"").get("/blog/id/" + id).status()).isEqualTo(200);
	}

	@Test
	void aChangeEndsThe304AtOnce() {
		String id = BlogFixtures.published(author, editor, "Soon gone");
		String tag = header(api.get("/blog/id/" + id), "ETag");

		editor.put("/blog/editor/unpublish/id/" + id, null);

		assertFailure(api.with("If-None-Match", tag).get("/blog/id/" + id), 404, "blog not found");
	}

	@Test
	void aListsTagFollowsItsContent() {
		String path = "/blog/list/latest?page=1&limit=5";
		String before = header(api.get(path), "ETag");
		assertThat(api.with("If-None-Match", before).get(path).status()).isEqualTo(304);

		BlogFixtures.published(author, editor, "Newest");

		var after = api.with("If-None-Match", before).get(path);
		assertThat(after.status()).isEqualTo(200);
		assertThat(header(after, "ETag")).isNotEqualTo(before);
	}

	@Test
	void noTagMatchesForARequestTheApiRefuses() {
		String id = BlogFixtures.published(author, editor, "Keyed");
		String tag = header(api.get("/blog/id/" + id), "ETag");

		assertFailure(api.withoutApiKey().with("If-None-Match", tag).get("/blog/id/" + id), 401, "x-api-key header is missing");
		assertThat(api.get("/blog/health").headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("ETag"));
	}

	@Test
	void aRenderedAnswerIsTheSameJsonEveryTimeAndHonoursAccept(CapturedOutput output) {
		String id = BlogFixtures.published(author, editor, "Rendered");

		var first = api.get("/blog/id/" + id);
		var again = api.get("/blog/id/" + id);

		assertThat(again.body()).isEqualTo(first.body());
		assertThat(first.json().path("data").path("title").asString()).isEqualTo("Rendered");
		assertThat(header(first, "Content-Type")).isEqualTo("application/json");
		assertThat(header(first, "Content-Length")).isEqualTo(String.valueOf(first.body().getBytes(StandardCharsets.UTF_8).length));
		assertThat(api.with("Accept", "text/html, application/json;q=0.9").get("/blog/id/" + id).status()).isEqualTo(200);
		var xmlOnly = api.with("Accept", "application/xml").get("/blog/id/" + id);
		assertThat(xmlOnly.status()).isEqualTo(406);
		assertThat(xmlOnly.body()).isEmpty();
		assertThat(api.with("Accept", "application/xml").get("/blog/list/latest?page=1&limit=5").status()).isEqualTo(406);
		assertThat(output.getAll()).doesNotContain("Unhandled failure").doesNotContain("HttpMediaTypeNotAcceptableException");
	}

	private static String header(ApiClient.Response response, String name) {
		return response.headers().entrySet().stream()
			.filter(header -> header.getKey().equalsIgnoreCase(name))
			.map(header -> header.getValue().getFirst())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " in " + response));
	}
}
