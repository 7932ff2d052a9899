package com.blogplatform.blog.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache.ValueWrapper;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The copies every {@link NearCache} of this instance holds, and how instances tell each other to drop
 * them: over a Redis channel ({@link #CHANNEL}). An instance that evicts publishes the cache and the key
 * (or the whole cache), every subscribed instance drops its copies and confirms, and the eviction
 * returns once every receiver confirmed or {@link #CONFIRMATION_PATIENCE} passed; so a change answered
 * through one instance is not served from another's memory. Where a confirmation or the channel is
 * lost (Redis down, a reconnect), a copy lives at most {@link #NEAR_TTL}, and every copy is dropped when
 * the channel is subscribed again; while it is not subscribed (Redis down at start-up) no copy is kept.
 * Keys are strings (the catalog's {@code CatalogKeys}, the evictions' expressions), so a key sent as
 * text names the same copy.
 */
final class NearCaches implements MessageListener, SubscriptionListener {

	static final String CHANNEL = "blog:near-cache:invalidations";

	/** How long a copy is used before Redis is asked again: the bound of a lost invalidation, as for API keys. */
	static final Duration NEAR_TTL = Duration.ofSeconds(5);

	/** How long an eviction waits for the other instances' confirmations (Redis's own timeout). */
	static final Duration CONFIRMATION_PATIENCE = Duration.ofMillis(250);

	private static final Duration CONFIRMATION_KEPT = Duration.ofMinutes(1);

	private static final String ALL = "";

	private static final Logger log = LoggerFactory.getLogger(NearCaches.class);

	private record Copy(String cache, Object key) {
	}

	private final Cache<Copy, ValueWrapper> copies = Caffeine.newBuilder()
		.maximumWeight(BlogCacheConfiguration.EMBEDDED_MAX_CHARS)
		.weigher((Copy copy, ValueWrapper value) -> BlogCacheConfiguration.chars(copy.key(), value.get()))
		.expireAfterWrite(NEAR_TTL)
		.build();

	/** Invalidations of each cache so far, and resubscriptions: a copy read before one is not kept. */
	private final Map<String, AtomicLong> invalidations = new ConcurrentHashMap<>();

	private final AtomicLong resubscriptions = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	/** Copies are kept only while the channel is subscribed: unsubscribed, an invalidation would not reach them. */
	private volatile boolean subscribed;

	private final String instance = UUID.randomUUID().toString();

	private final StringRedisTemplate redis;

	NearCaches(StringRedisTemplate redis) {
		this.redis = redis;
	}

	ValueWrapper copy(String cache, Object key) {
		return copies.getIfPresent(new Copy(cache, key));
	}

	/** A count that grows with every invalidation of the cache (and every resubscription). */
	long invalidations(String cache) {
		return counter(cache).get() + resubscriptions.get();
	}

	/** Keeps a copy unless an invalidation came since {@code seen}; checked again after keeping it, so none is missed. */
	void keep(String cache, Object key, ValueWrapper value, long seen) {
		if (!subscribed || invalidations(cache) != seen) {
			return;
		}
		Copy copy = new Copy(cache, key);
		copies.put(copy, value);
		if (invalidations(cache) != seen) {
			copies.invalidate(copy);
		}
	}

	private AtomicLong counter(String cache) {
		return invalidations.computeIfAbsent(cache, name -> new AtomicLong());
	}

	/** Drops this instance's copy of the key, or of the whole cache when {@code key} is null. */
	void drop(String cache, Object key) {
		counter(cache).incrementAndGet();
		if (key == null) {
			copies.asMap().keySet().removeIf(copy -> copy.cache().equals(cache));
		}
		else {
			copies.invalidate(new Copy(cache, key));
		}
	}

	/** Tells every instance (this one too) to drop the key, or the whole cache, and waits for their confirmations. */
	void invalidateElsewhere(String cache, Object key) {
		String id = instance + ":" + sent.incrementAndGet();
		String message = id + "\n" + cache + "\n" + (key == null ? ALL : key.toString());
		Long receivers = redis.convertAndSend(CHANNEL, message);
		long expected = receivers == null ? 0 : receivers;
		String confirmations = confirmationsKey(id);
		long deadline = System.nanoTime() + CONFIRMATION_PATIENCE.toNanos();
		long confirmed = 0;
		while (expected > 0 && (confirmed = count(redis.opsForValue().get(confirmations))) < expected) {
			if (System.nanoTime() > deadline) {
				log.warn("{} of {} instances confirmed dropping {} of {} within {} ms; the others' copies expire within {} s",
						confirmed, expected, key == null ? "everything" : "an entry", cache, CONFIRMATION_PATIENCE.toMillis(),
						NEAR_TTL.toSeconds());
				return;
			}
			pause();
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\n", 3);
		if (parts.length != 3) {
			log.warn("Ignored a malformed near-cache invalidation on {}", CHANNEL);
			return;
		}
		drop(parts[1], parts[2].equals(ALL) ? null : parts[2]);
		try {
			String confirmations = confirmationsKey(parts[0]);
			redis.opsForValue().increment(confirmations);
			redis.expire(confirmations, CONFIRMATION_KEPT);
		}
		catch (RuntimeException ex) {
			log.warn("Could not confirm a near-cache invalidation: {}", ex.toString());
		}
	}

	/** Subscribed (again, after a lost connection): invalidations may have been missed meanwhile. */
	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		resubscriptions.incrementAndGet();
		copies.invalidateAll();
		subscribed = true;
	}

	/** Whether copies are kept now: the channel is subscribed. */
	boolean isSubscribed() {
		return subscribed;
	}

	@Override
	public void onChannelUnsubscribed(byte[] channel, long count) {
		subscribed = false;
		resubscriptions.incrementAndGet();
		copies.invalidateAll();
	}

	private static String confirmationsKey(String id) {
		return "blog:near-cache:confirmations:" + id;
	}

	private static long count(String value) {
		return value == null ? 0 : Long.parseLong(value);
	}

	private static void pause() {
		try {
			Thread.sleep(Duration.ofNanos(200_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for near-cache confirmations", ex);
		}
	}
}
