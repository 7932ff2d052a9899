package com.blogplatform.blog.web;

import com.blogplatform.shared.web.ApiResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP caching of the public reads ({@code /blog/id/**}, {@code /blog/slug/**}, {@code /blog/list/**}),
 * and their answers rendered once per content.
 * <p>
 * They answer {@code Cache-Control: no-cache} with a strong {@code ETag}: a client or a cache may
 * keep the answer, but must ask again before each use, with {@code If-None-Match}; an unchanged
 * answer is then a 304 without a body. The tag is a digest of the answer's bytes, so it is as fresh
 * as the answer itself: a change evicts blog's server-side cache and the next answer (and tag) is the
 * new one. No {@code max-age}: the eviction promise ("a change is visible on the next read") would
 * not hold for a stored copy used without asking. Shared caches must revalidate too, so they cannot
 * serve a copy to a client without an API key the origin checks; failures (4xx) carry no tag.
 * <p>
 * The envelope's JSON and its tag are kept by the read model they render (a {@code PublishedBlog}, a
 * page of {@code BlogSummary}: compared by value, and each type has one public view), so a read the
 * catalog answers from its cache is not serialised and digested again on every request. A changed blog
 * is another read model, hence another answer and another tag: what is kept is never older than what
 * the catalog returns. Bounded by the bytes it holds ({@link #MAX_BYTES}); unused answers expire.
 */
@Component
class PublicReadCaching {

	/** What the rendered answers and their keys may hold: a blog's answer is some kilobytes. */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private static final Duration UNUSED = Duration.ofMinutes(10);

	private final Cache<Object, RenderedJson<?>> rendered = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((Object model, RenderedJson<?> answer) -> 2 * answer.length()) // the key holds about as much text
		.expireAfterAccess(UNUSED)
		.build();

	private final JsonMapper json;

	PublicReadCaching(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The success envelope of this read model's public view and its tag, answered (to be revalidated
	 * before each reuse, 304 when the request's {@code If-None-Match} names the tag) by
	 * {@link RenderedJson.Writer}.
	 */
	@SuppressWarnings("unchecked") // a read model's type decides its view: what is kept for it is a V
	<M, V> RenderedJson<ApiResponse<V>> answer(M model, Function<? super M, V> view) {
		return (RenderedJson<ApiResponse<V>>) rendered.get(model, key -> render(view.apply(model)));
	}

	private <V> RenderedJson<ApiResponse<V>> render(V view) {
		byte[] body = json.writeValueAsBytes(new ApiResponse<>(ApiResponse.SUCCESS, 200, "success", view));
		return new RenderedJson<>(body, "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"");
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}
}
