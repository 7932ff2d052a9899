package com.blogplatform.blog.cache;

import com.blogplatform.blog.content.BlogCacheNames;
import com.blogplatform.blog.content.BlogChanged;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Caching;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops what the cache holds of a blog the moment something public about it changes: the blog by
 * id, by its slug and by its slug before a rename, and every similar list and every page of the
 * latest and tag lists (the blog may be in any of them). Synchronous, so the request that changed the blog returns only after the eviction.
 */
@Component
class BlogCacheEvictions {

	@EventListener
	@Caching(evict = { @CacheEvict(cacheNames = BlogCacheNames.BY_ID, key = "#event.id().toHexString()"),
			@CacheEvict(cacheNames = BlogCacheNames.BY_SLUG, key = "#event.slug()"),
			@CacheEvict(cacheNames = BlogCacheNames.BY_SLUG, key = "#event.previousSlug()"),
			@CacheEvict(cacheNames = BlogCacheNames.SIMILAR, allEntries = true),
			@CacheEvict(cacheNames = BlogCacheNames.LATEST, allEntries = true),
			@CacheEvict(cacheNames = BlogCacheNames.TAGGED, allEntries = true) })
	void evict(BlogChanged event) {
		// the annotations do the work; failures are logged by the cache error handler
	}
}
