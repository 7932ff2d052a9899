package com.blogplatform.blog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.blogplatform.shared.web.ApiResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A public read's answer is rendered once per content: a read model equal to one already rendered
 * gets the same bytes and tag without serialising again; a changed one gets its own; the bytes are
 * exactly the envelope the application's JSON mapper writes, answered with their length, tag and
 * caching, 304 to a matching {@code If-None-Match}, 406 to an {@code Accept} without JSON.
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
		assertThat(again).isSameAs(first);
	}

	@Test
	void aChangedReadModelHasItsOwnAnswerAndTag() throws Exception {
		var before = answers.answer(List.of("a"), view);
		var after = answers.answer(List.of("a", "c"), view);

		assertThat(rendered).hasValue(2);
		assertThat(after.etag()).isNotEqualTo(before.etag()).matches("\"[0-9a-f]{32}\"");
		assertThat(written(after).getContentAsString()).isEqualTo("{\"code\":\"10000\",\"status\":200,\"message\":\"success\",\"data\":[\"A\",\"C\"]}");
	}

	@Test
	void theBytesAreTheEnvelopeTheMapperWritesWithTheirLengthTagAndCaching() throws Exception {
		var answer = answers.answer(List.of("x"), view);

		MockHttpServletResponse response = written(answer);

		assertThat(response.getContentAsString())
			.isEqualTo(json.writeValueAsString(new ApiResponse<>(ApiResponse.SUCCESS, 200, "success", List.of("X"))));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentLength()).isEqualTo(answer.length());
		assertThat(response.getHeader("ETag")).isEqualTo(answer.etag());
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void aMatchingIfNoneMatchIs304WithTheTagAndNoBody() throws Exception {
		var answer = answers.answer(List.of("x"), view);
		MockHttpServletResponse response = written(answer, get("If-None-Match", answer.etag()));

		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getHeader("ETag")).isEqualTo(answer.etag());
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void anAcceptJsonCannotSatisfyIsNotAcceptable() throws Exception {
		var answer = answers.answer(List.of("x"), view);
		assertThatExceptionOfType(HttpMediaTypeNotAcceptableException.class)
			.isThrownBy(() -> written(answer, get("Accept", "application/xml, text/html")))
			.satisfies(ex -> assertThat(ex.getSupportedMediaTypes()).containsExactly(MediaType.APPLICATION_JSON));
		for (String accepted : List.of("*/*", "application/*", "application/*+json", "text/html, application/json;q=0.1")) {
			assertThat(written(answer, get("Accept", accepted)).getStatus()).as(accepted).isEqualTo(200);
		}
	}

	@Test
	void writesOnlyRenderedAnswers() throws Exception {
		var writer = new RenderedJson.Writer(new ContentNegotiationManager());
		assertThat(writer.supportsReturnType(returnTypeOf("rendered"))).isTrue();
		assertThat(writer.supportsReturnType(returnTypeOf("entity"))).isFalse();
	}

	RenderedJson<String> rendered() {
		return null;
	}

	ResponseEntity<String> entity() {
		return null;
	}

	private static MethodParameter returnTypeOf(String method) throws NoSuchMethodException {
		return new MethodParameter(RenderedAnswersTests.class.getDeclaredMethod(method), -1);
	}

	private static MockHttpServletRequest get(String header, String value) {
		var request = new MockHttpServletRequest("GET", "/blog/list/latest");
		request.addHeader(header, value);
		return request;
	}

	private static MockHttpServletResponse written(RenderedJson<?> answer) throws Exception {
		return written(answer, new MockHttpServletRequest("GET", "/blog/list/latest"));
	}

	/** What the writer answers to {@code request}, as Spring MVC calls it for a handler method's result. */
	private static MockHttpServletResponse written(RenderedJson<?> answer, MockHttpServletRequest request) throws Exception {
		var response = new MockHttpServletResponse();
		var container = new ModelAndViewContainer();
		new RenderedJson.Writer(new ContentNegotiationManager())
			.handleReturnValue(answer, returnTypeOf("rendered"), container, new ServletWebRequest(request, response));
		assertThat(container.isRequestHandled()).isTrue();
		return response;
	}
}
