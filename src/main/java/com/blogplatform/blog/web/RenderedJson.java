package com.blogplatform.blog.web;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A JSON answer already rendered: the bytes of a {@code T} and their tag. The type parameter is what
 * the bytes are, for the OpenAPI document (which sees through this wrapper, {@link BlogApiDocumentation});
 * {@link Converter} writes the bytes as they are.
 *
 * @param <T> what the JSON is
 */
final class RenderedJson<T> {

	private final byte[] body;

	private final String etag;

	RenderedJson(byte[] body, String etag) {
		this.body = body;
		this.etag = etag;
	}

	/** The quoted strong tag of these bytes. */
	String etag() {
		return etag;
	}

	int length() {
		return body.length;
	}

	/** Writes a rendered answer's bytes; reads nothing. */
	static final class Converter extends AbstractHttpMessageConverter<RenderedJson<?>> {

		Converter() {
			super(MediaType.APPLICATION_JSON);
		}

		@Override
		protected boolean supports(Class<?> type) {
			return type == RenderedJson.class;
		}

		@Override
		public boolean canRead(Class<?> type, MediaType mediaType) {
			return false;
		}

		@Override
		protected RenderedJson<?> readInternal(Class<? extends RenderedJson<?>> type, HttpInputMessage input) {
			throw new HttpMessageNotReadableException("a rendered answer is never read", input);
		}

		@Override
		protected Long getContentLength(RenderedJson<?> answer, MediaType contentType) {
			return (long) answer.body.length;
		}

		@Override
		protected void writeInternal(RenderedJson<?> answer, HttpOutputMessage output) throws IOException {
			output.getBody().write(answer.body);
		}
	}
}
