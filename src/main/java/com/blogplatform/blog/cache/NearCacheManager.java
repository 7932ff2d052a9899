package com.blogplatform.blog.cache;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/** The shared caches (Redis), with a {@link NearCache} in front of those named {@code near}. */
final class NearCacheManager implements CacheManager {

	private final CacheManager shared;

	private final NearCaches copies;

	private final Set<String> near;

	private final Map<String, Cache> caches = new ConcurrentHashMap<>();

	NearCacheManager(CacheManager shared, NearCaches copies, Set<String> near) {
		this.shared = shared;
		this.copies = copies;
		this.near = Set.copyOf(near);
	}

	@Override
	public Cache getCache(String name) {
		Cache cache = caches.get(name);
		if (cache != null) {
			return cache;
		}
		Cache sharedCache = shared.getCache(name);
		if (sharedCache == null) {
			return null;
		}
		return caches.computeIfAbsent(name, key -> near.contains(key) ? new NearCache(sharedCache, copies) : sharedCache);
	}

	@Override
	public Collection<String> getCacheNames() {
		return shared.getCacheNames();
	}
}
