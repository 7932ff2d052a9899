package com.blogplatform.blog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.shared.web.ApiResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A public read's answer is rendered once per content: a read model equal to one already rendered
 * gets the same bytes and tag without serialising again; a changed one gets its own; the bytes are
 * exactly the envelope the application's JSON mapper writes.
 */
class RenderedAnswersTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final PublicReadCaching answers = new PublicReadCaching(json);

	private final AtomicInteger rendered = new AtomicInteger();

	private final Function<List<String>, List<String>> view = model -> {
		rendered.incrementAndGet();
		return model.stream().map(String::toUpperCase).toList();
	};

	@Test
	void anEqualReadModelIsAnsweredWithoutRenderingAgain() {
		var first = answers.answer(List.of("a", "b"), view);
		var again = answers.answer(new java.util.ArrayList<>(List.of("a", "b")), view);

		assertThat(rendered).hasValue(1);
		assertThat(again.getBody()).isSameAs(first.getBody());
		assertThat(again.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
		assertThat(first.getHeaders().getCacheControl()).isEqualTo("no-cache");
	}

	@Test
	void aChangedReadModelHasItsOwnAnswerAndTag() {
		var before = answers.answer(List.of("a"), view);
		var after = answers.answer(List.of("a", "c"), view);

		assertThat(rendered).hasValue(2);
		assertThat(after.getHeaders().getETag()).isNotEqualTo(before.getHeaders().getETag()).matches("\"[0-9a-f]{32}\"");
		assertThat(written(after.getBody())).isEqualTo("{\"code\":\"10000\",\"status\":200,\"message\":\"success\",\"data\":[\"A\",\"C\"]}");
	}

	@Test
	void theBytesAreTheEnvelopeTheMapperWrites() {
		var answer = answers.answer(List.of("x"), view);

		assertThat(written(answer.getBody()))
			.isEqualTo(json.writeValueAsString(new ApiResponse<>(ApiResponse.SUCCESS, 200, "success", List.of("X"))));
		assertThat(new RenderedJson.Converter().canRead(RenderedJson.class, MediaType.APPLICATION_JSON)).isFalse();
	}

	private static String written(RenderedJson<?> answer) {
		try {
			var output = new MockHttpOutputMessage();
			new RenderedJson.Converter().write(answer, MediaType.APPLICATION_JSON, output);
			assertThat(output.getHeaders().getContentLength()).isEqualTo(answer.length());
			return output.getBodyAsString();
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}
}
