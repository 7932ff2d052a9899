package com.blogplatform.blog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A JSON answer already rendered: the bytes of a {@code T} and their tag. The type parameter is what
 * the bytes are, for the OpenAPI document (which sees through this wrapper, {@link BlogApiDocumentation});
 * {@link Writer} answers them as they are.
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

	/**
	 * Answers a handler method's {@code RenderedJson}: the request's {@code Accept} negotiated against
	 * {@code application/json} (406 otherwise, as for every answer), {@code Cache-Control: no-cache} and
	 * the {@code ETag}, then 304 when {@code If-None-Match} names the tag (Spring's own
	 * {@code checkNotModified}), else the bytes with their length.
	 * <p>
	 * What Spring MVC does for a {@code ResponseEntity} in general (selecting a return-value handler
	 * among fifteen, resolving the body's generic type, asking every message converter what it can
	 * write, copying the entity's headers) is about a seventh of the CPU of a cached public read, for
	 * an answer whose type, media type and headers are known here: so this handler comes first
	 * ({@link #first}) and does only that.
	 */
	static final class Writer implements HandlerMethodReturnValueHandler {

		private static final List<MediaType> PRODUCIBLE = List.of(MediaType.APPLICATION_JSON);

		/** What a client or a cache may do with a rendered answer ({@link PublicReadCaching}): keep it, revalidate it. */
		private static final String CACHE_CONTROL = CacheControl.noCache().getHeaderValue();

		private final ContentNegotiationManager negotiation;

		Writer(ContentNegotiationManager negotiation) {
			this.negotiation = negotiation;
		}

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return returnType.getParameterType() == RenderedJson.class;
		}

		@Override
		public void handleReturnValue(Object value, MethodParameter returnType, ModelAndViewContainer container,
				NativeWebRequest request) throws IOException, HttpMediaTypeNotAcceptableException {
			container.setRequestHandled(true);
			RenderedJson<?> answer = (RenderedJson<?>) value;
			if (!acceptsJson(negotiation.resolveMediaTypes(request))) {
				throw new HttpMediaTypeNotAcceptableException(PRODUCIBLE);
			}
			HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
			response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
			if (request.checkNotModified(answer.etag)) { // sets the ETag too, and 304 when it matches
				return;
			}
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(answer.body.length);
			response.getOutputStream().write(answer.body);
		}

		private static boolean acceptsJson(List<MediaType> accepted) {
			for (MediaType type : accepted) {
				if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
					return true;
				}
			}
			return false;
		}

		/** Puts a {@link Writer} before the handlers Spring MVC registers on its handler adapter. */
		static BeanPostProcessor first(ObjectProvider<ContentNegotiationManager> negotiation) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof RequestMappingHandlerAdapter adapter) {
						List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
						handlers.add(new Writer(negotiation.getObject()));
						handlers.addAll(adapter.getReturnValueHandlers());
						adapter.setReturnValueHandlers(handlers);
					}
					return bean;
				}
			};
		}
	}
}
