package com.blogplatform.blog.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.UserProfile;
import com.blogplatform.blog.content.BlogSummary;
import com.blogplatform.blog.content.PublishedBlog;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * The embedded mode's cache is bounded by the text it holds, not by a count of entries.
 */
class EmbeddedCacheWeightTests {

	private final BlogCacheConfiguration configuration = new BlogCacheConfiguration();

	@Test
	void aBlogWeighsItsTextAndAPageItsItems() {
		PublishedBlog longBlog = blog("x".repeat(50_000));
		BlogSummary item = new BlogSummary("id", "title", "d".repeat(1_000), "slug", "/a.png", 0.01, List.of());

		assertThat(BlogCacheConfiguration.chars("k", longBlog)).isGreaterThan(50_000);
		assertThat(BlogCacheConfiguration.chars("k", Collections.nCopies(10, item))).isGreaterThan(10 * 1_000);
		assertThat(BlogCacheConfiguration.chars("k", "generation")).isPositive();
	}

	@Test
	void manyLongBlogsDoNotOutgrowTheBound() {
		CaffeineCacheManager caches = new CaffeineCacheManager();
		caches.setCaffeine(configuration.embeddedBlogCache());
		var cache = caches.getCache("blog-by-id");
		var entries = (com.github.benmanes.caffeine.cache.Cache<?, ?>) cache.getNativeCache();
		long max = BlogCacheConfiguration.EMBEDDED_MAX_CHARS / 50_000;

		for (int i = 0; i < 2 * max; i++) {
			cache.put(String.valueOf(i), blog("y".repeat(50_000)));
		}
		entries.cleanUp();

		assertThat(entries.estimatedSize()).isBetween(max / 2, max);
	}

	private static PublishedBlog blog(String text) {
		return new PublishedBlog("id", "title", "description", text, "slug", new UserProfile(UUID.randomUUID(), "n", null),
				"/a.png", 0.01, List.of(), Instant.now());
	}
}
