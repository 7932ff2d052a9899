package com.blogplatform.blog.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the public reads ({@code /blog/id/**}, {@code /blog/slug/**}, {@code /blog/list/**}).
 * <p>
 * They answer {@code Cache-Control: no-cache} with a strong {@code ETag}: a client or a cache may
 * keep the answer, but must ask again before each use, with {@code If-None-Match}; an unchanged
 * blog is then answered 304 without a body. The tag is a digest of the answer's bytes, so it is
 * as fresh as the answer itself: a change evicts blog's server-side cache and the next answer (and
 * tag) is the new one. No {@code max-age}: the eviction promise ("a change is visible on the next
 * read") would not hold for a stored copy used without asking. Shared caches must revalidate too,
 * so they cannot serve a copy to a client without an API key the origin checks.
 */
@Configuration(proxyBeanMethods = false)
class PublicReadCaching {

	/** Everything a public read answers; the eligible ones (200 GET) get a tag, failures none. */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicReadEtags() {
		var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/blog/id/*", "/blog/slug/*", "/blog/list/*");
		// Outside the security chain: a 304 is only ever the answer to a request that passed it,
		// since failures (4xx) are not eligible and carry no tag to match.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** The answer of a public read, to be revalidated before each reuse. */
	static <T> ResponseEntity<T> revalidated(ResponseEntity<T> answer) {
		return ResponseEntity.status(answer.getStatusCode())
			.cacheControl(CacheControl.noCache())
			.body(answer.getBody());
	}
}
