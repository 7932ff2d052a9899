package com.blogplatform.blog.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Two instances, each with its copies in memory, in front of one shared cache (standing for Redis) on
 * a Redis of their own for the invalidations: a copy is served without asking the shared cache, and
 * an eviction through one instance has dropped the other's copy when it returns.
 */
@ExtendWith(OutputCaptureExtension.class)
class NearCacheTests {

	static final ServerProcess redisServer = ServerProcess.redis().start();

	static LettuceConnectionFactory connections;

	static StringRedisTemplate redis;

	static final List<RedisMessageListenerContainer> containers = new ArrayList<>();

	final AtomicInteger sharedReads = new AtomicInteger();

	final Cache shared = new ConcurrentMapCache("blog-by-id") {
		@Override
		public ValueWrapper get(Object key) {
			sharedReads.incrementAndGet();
			return super.get(key);
		}
	};

	@BeforeAll
	static void connect() {
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		containers.forEach(RedisMessageListenerContainer::stop);
		connections.destroy();
		redisServer.close();
	}

	@Test
	void aCopyIsServedFromMemoryAndAnEvictionElsewhereDropsItBeforeItReturns() {
		NearCache one = new NearCache(shared, subscribed(new NearCaches(redis)));
		NearCache other = new NearCache(shared, subscribed(new NearCaches(redis)));
		shared.put("id-1", "first");

		assertThat(other.get("id-1").get()).isEqualTo("first");
		int reads = sharedReads.get();
		assertThat(other.get("id-1").get()).isEqualTo("first");
		assertThat(sharedReads.get()).as("the second read is the copy's").isEqualTo(reads);

		one.evict("id-1");

		assertThat(other.get("id-1")).isNull();
		assertThat(shared.get("id-1")).isNull();
	}

	@Test
	void clearingThroughOneInstanceDropsEveryCopyOfThatCacheOnTheOther() {
		NearCaches otherCopies = subscribed(new NearCaches(redis));
		NearCache one = new NearCache(shared, subscribed(new NearCaches(redis)));
		NearCache other = new NearCache(shared, otherCopies);
		NearCache otherCache = new NearCache(new ConcurrentMapCache("blog-by-slug"), otherCopies);
		other.put("a", 1);
		other.put("b", 2);
		otherCache.put("a-slug", 3);

		one.clear();

		assertThat(otherCopies.copy("blog-by-id", "a")).isNull();
		assertThat(otherCopies.copy("blog-by-id", "b")).isNull();
		assertThat(other.get("a")).isNull();
		assertThat(otherCopies.copy("blog-by-slug", "a-slug").get()).as("another cache's copy stays").isEqualTo(3);
	}

	@Test
	void aCopyReadWhileAnInvalidationArrivesIsNotKept() {
		NearCaches copies = announced(new NearCaches(redis));
		Cache racing = new ConcurrentMapCache("blog-by-id") {
			@Override
			public ValueWrapper get(Object key) {
				ValueWrapper value = super.get(key);
				copies.drop("blog-by-id", key); // an invalidation between the read and the keeping
				return value;
			}
		};
		racing.put("id-2", "old");

		assertThat(new NearCache(racing, copies).get("id-2").get()).isEqualTo("old");

		assertThat(copies.copy("blog-by-id", "id-2")).isNull();
	}

	@Test
	void subscribingAgainDropsEveryCopy() {
		NearCaches copies = announced(new NearCaches(redis));
		new NearCache(shared, copies).put("id-3", "kept");
		assertThat(copies.copy("blog-by-id", "id-3").get()).isEqualTo("kept");

		announced(copies);

		assertThat(copies.copy("blog-by-id", "id-3")).isNull();
	}

	@Test
	void putIfAbsentKeepsTheValueThatWon() {
		NearCaches copies = announced(new NearCaches(redis));
		NearCache cache = new NearCache(shared, copies);

		assertThat(cache.putIfAbsent("generation", "first")).isNull();
		assertThat(cache.putIfAbsent("generation", "second").get()).isEqualTo("first");

		assertThat(shared.get("generation").get()).isEqualTo("first");
		assertThat(copies.copy("blog-by-id", "generation").get()).isEqualTo("first");
	}

	@Test
	void noCopyIsKeptWhileTheChannelIsNotSubscribed() {
		NearCaches copies = new NearCaches(redis);
		NearCache cache = new NearCache(shared, copies);

		cache.put("id-6", "not kept");
		assertThat(copies.copy("blog-by-id", "id-6")).as("never subscribed").isNull();

		announced(copies);
		cache.put("id-6", "kept");
		assertThat(copies.copy("blog-by-id", "id-6").get()).isEqualTo("kept");

		copies.onChannelUnsubscribed(CHANNEL, 0);
		assertThat(copies.copy("blog-by-id", "id-6")).as("dropped when unsubscribed").isNull();
		cache.put("id-6", "not kept either");
		assertThat(copies.copy("blog-by-id", "id-6")).isNull();
	}

	@Test
	void aRedisDownAtStartUpDelaysTheSubscriptionNotTheStart(CapturedOutput output) throws Exception {
		ServerProcess later = ServerProcess.redis();
		var down = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", later.port()));
		down.afterPropertiesSet();
		down.start();
		NearCaches copies = new NearCaches(new StringRedisTemplate(down));
		var container = new RedisMessageListenerContainer();
		container.setConnectionFactory(down);
		container.addMessageListener(copies, new ChannelTopic(NearCaches.CHANNEL));
		container.afterPropertiesSet();
		var subscription = new NearCacheSubscription(container, Duration.ofMillis(100));
		try {
			subscription.start(); // returns at once: the context's start-up goes on

			assertThat(subscription.isRunning()).isTrue();
			awaitOutput(output, "Could not subscribe to " + NearCaches.CHANNEL);
			assertThat(subscription.isListening()).isFalse();

			later.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!subscription.isListening() || !copies.isSubscribed()) {
				assertThat(System.nanoTime()).as("subscribed within 10 s of Redis starting").isLessThan(deadline);
				Thread.onSpinWait();
			}
			new NearCache(shared, copies).put("id-7", "kept once subscribed");
			assertThat(copies.copy("blog-by-id", "id-7").get()).isEqualTo("kept once subscribed");
			awaitOutput(output, "Subscribed to " + NearCaches.CHANNEL);
		}
		finally {
			subscription.stop();
			container.destroy();
			down.destroy();
			later.close();
		}
		assertThat(subscription.isRunning()).isFalse();
	}

	@Test
	void aRedisRestartDropsEveryCopyOnceTheChannelIsSubscribedAgain() {
		NearCaches copies = subscribed(new NearCaches(redis));
		new NearCache(shared, copies).put("id-5", "before the restart");
		long invalidations = copies.invalidations("blog-by-id");

		redisServer.stop();
		redisServer.start(); // invalidations sent meanwhile would have been lost

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (copies.invalidations("blog-by-id") == invalidations) {
			assertThat(System.nanoTime()).as("subscribed again within 30 s").isLessThan(deadline);
			Thread.onSpinWait();
		}
		// the count grows first, then the copies go (a copy read meanwhile is not kept): within moments,
		// long before the copy's own 5 s would have run out
		long dropped = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		while (copies.copy("blog-by-id", "id-5") != null) {
			assertThat(System.nanoTime()).as("dropped once subscribed again").isLessThan(dropped);
			Thread.onSpinWait();
		}
	}

	@Test
	void anInstanceThatDoesNotConfirmDelaysAnEvictionOnlyUpToThePatience(CapturedOutput output) {
		NearCache one = new NearCache(shared, subscribed(new NearCaches(redis)));
		MessageListener paused = (message, pattern) -> {
			// receives, never confirms
		};
		subscribed(paused);

		one.evict("id-4");

		assertThat(output.getAll()).contains("instances confirmed dropping an entry of blog-by-id within 250 ms");
	}

	private static final byte[] CHANNEL = NearCaches.CHANNEL.getBytes(StandardCharsets.UTF_8);

	/** As the container tells a listener that the channel is subscribed. */
	private static NearCaches announced(NearCaches copies) {
		copies.onChannelSubscribed(CHANNEL, 1);
		return copies;
	}

	private static void awaitOutput(CapturedOutput output, String text) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!output.getAll().contains(text)) {
			assertThat(System.nanoTime()).as("logged within 10 s: " + text).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static <L extends MessageListener> L subscribed(L listener) {
		long before = subscribers();
		var container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.addMessageListener(listener, new ChannelTopic(NearCaches.CHANNEL));
		container.afterPropertiesSet();
		container.start();
		containers.add(container);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (subscribers() <= before || listener instanceof NearCaches copies && !copies.isSubscribed()) {
			assertThat(System.nanoTime()).as("subscribed within 5 s").isLessThan(deadline);
			Thread.onSpinWait();
		}
		return listener;
	}

	/** The receivers of an invalidation of a cache nobody has: how many are subscribed. */
	private static long subscribers() {
		return redis.convertAndSend(NearCaches.CHANNEL, "probe\nno-such-cache\nprobe");
	}
}
