package com.blogplatform.blog.cache;

import java.util.concurrent.Callable;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * A cache of public reads held in this instance's memory in front of the shared one (Redis), so a
 * read that hits needs no round trip and no deserialisation. What a change evicts goes from here, from
 * Redis and, through {@link NearCaches}, from every other instance's memory before the change is
 * answered; a copy here is never older than {@link NearCaches#NEAR_TTL}.
 * <p>
 * A copy read from Redis while an invalidation arrives is not kept: an invalidation counts, and a copy
 * is kept only when none came between the read and the keeping.
 */
final class NearCache implements Cache {

	private final Cache shared;

	private final NearCaches near;

	NearCache(Cache shared, NearCaches near) {
		this.shared = shared;
		this.near = near;
	}

	@Override
	public String getName() {
		return shared.getName();
	}

	@Override
	public Object getNativeCache() {
		return shared.getNativeCache();
	}

	@Override
	public ValueWrapper get(Object key) {
		ValueWrapper copy = near.copy(getName(), key);
		if (copy != null) {
			return copy;
		}
		long invalidations = near.invalidations(getName());
		ValueWrapper value = shared.get(key);
		if (value != null) {
			near.keep(getName(), key, value, invalidations);
		}
		return value;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Class<T> type) {
		ValueWrapper value = get(key);
		Object content = value == null ? null : value.get();
		if (content != null && type != null && !type.isInstance(content)) {
			throw new IllegalStateException("Cached value is not of required type [" + type.getName() + "]: " + content);
		}
		return (T) content;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Callable<T> valueLoader) {
		ValueWrapper copy = near.copy(getName(), key);
		if (copy != null) {
			return (T) copy.get();
		}
		long invalidations = near.invalidations(getName());
		T value = shared.get(key, valueLoader);
		near.keep(getName(), key, new SimpleValueWrapper(value), invalidations);
		return value;
	}

	@Override
	public void put(Object key, Object value) {
		long invalidations = near.invalidations(getName());
		shared.put(key, value);
		near.keep(getName(), key, new SimpleValueWrapper(value), invalidations);
	}

	/** Atomic in the shared cache (Redis's SET NX); the value that won is kept. */
	@Override
	public ValueWrapper putIfAbsent(Object key, Object value) {
		long invalidations = near.invalidations(getName());
		ValueWrapper existing = shared.putIfAbsent(key, value);
		near.keep(getName(), key, existing != null ? existing : new SimpleValueWrapper(value), invalidations);
		return existing;
	}

	/** Here first (this instance's next read is fresh even when Redis is down), then Redis, then everywhere else. */
	@Override
	public void evict(Object key) {
		near.drop(getName(), key);
		shared.evict(key);
		near.invalidateElsewhere(getName(), key);
	}

	@Override
	public boolean evictIfPresent(Object key) {
		evict(key);
		return false;
	}

	@Override
	public void clear() {
		near.drop(getName(), null);
		shared.clear();
		near.invalidateElsewhere(getName(), null);
	}

	@Override
	public boolean invalidate() {
		clear();
		return false;
	}
}
