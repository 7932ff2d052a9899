package com.blogplatform.blog.content;

import com.blogplatform.blog.content.BlogManagement.Listing;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Pages of an author's lists and of the editors' lists, cached under a <em>generation</em> of their
 * owner (an author, or all editors). Every write of a blog ends its author's and the editors'
 * generations ({@link #changed}), after the write and before the request that made it returns, and
 * the next read starts a new one; a page
 * is cached and read only under the generation it was looked up with. So a page read from MongoDB
 * before a write and cached after it lands under the old generation, which nobody reads again: a
 * list never shows less than the writes already answered, on every instance, without evicting by
 * pattern. Old pages expire with the cache's lifetime.
 * <p>
 * A failing cache is bypassed: the page is read from MongoDB, and the failure goes to the same
 * {@link CacheErrorHandler} as the annotated caches' (it logs).
 */
@Component
class ListPages {

	private static final String EDITORS = "editors";

	private final Cache pages;

	private final Cache generations;

	private final CacheErrorHandler errors;

	ListPages(CacheManager caches, CacheErrorHandler errors) {
		this.pages = caches.getCache(BlogCacheNames.LIST_PAGES);
		this.generations = caches.getCache(BlogCacheNames.LIST_GENERATIONS);
		this.errors = errors;
	}

	List<BlogSummary> author(UUID author, Listing listing, Paging page, Supplier<List<BlogSummary>> query) {
		return page(author.toString(), listing, page, query);
	}

	List<BlogSummary> editors(Listing listing, Paging page, Supplier<List<BlogSummary>> query) {
		return page(EDITORS, listing, page, query);
	}

	/** A blog of this author was created or written: their lists and the editors' get a new generation. */
	void changed(UUID author) {
		renew(author.toString());
		renew(EDITORS);
	}

	private List<BlogSummary> page(String owner, Listing listing, Paging page, Supplier<List<BlogSummary>> query) {
		String generation = generation(owner);
		if (generation == null) {
			return query.get();
		}
		String key = owner + ':' + generation + ':' + listing + ':' + page.page() + ':' + page.limit();
		List<BlogSummary> cached = cached(key);
		if (cached != null) {
			return cached;
		}
		List<BlogSummary> fresh = query.get();
		try {
			pages.put(key, fresh);
		}
		catch (RuntimeException cacheDown) {
			errors.handleCachePutError(cacheDown, pages, key, fresh);
		}
		return fresh;
	}

	@SuppressWarnings("unchecked")
	private List<BlogSummary> cached(String key) {
		try {
			Cache.ValueWrapper hit = pages.get(key);
			return hit == null ? null : (List<BlogSummary>) hit.get();
		}
		catch (RuntimeException cacheDown) {
			errors.handleCacheGetError(cacheDown, pages, key);
			return null;
		}
	}

	/** The owner's current generation, a new one if it has none; {@code null} when the cache is down. */
	private String generation(String owner) {
		try {
			Cache.ValueWrapper current = generations.get(owner);
			if (current != null) {
				return (String) current.get();
			}
			String fresh = UUID.randomUUID().toString();
			Cache.ValueWrapper raced = generations.putIfAbsent(owner, fresh);
			return raced == null ? fresh : (String) raced.get();
		}
		catch (RuntimeException cacheDown) {
			errors.handleCacheGetError(cacheDown, generations, owner);
			return null;
		}
	}

	/**
	 * Drops the owner's generation (the next read creates a new one), rather than writing a new one:
	 * an eviction reaches the copies every instance keeps in memory before it returns.
	 */
	private void renew(String owner) {
		try {
			generations.evict(owner);
		}
		catch (RuntimeException cacheDown) {
			errors.handleCacheEvictError(cacheDown, generations, owner);
		}
	}
}
