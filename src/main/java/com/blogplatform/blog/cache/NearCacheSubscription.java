package com.blogplatform.blog.cache;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts the subscription to the near caches' invalidations without holding up (or failing) the
 * start-up: Spring Data Redis's container fails its first {@code start()} when Redis cannot be reached
 * and only recovers a subscription it once had. Here the first subscription is retried in the
 * background every {@link #RETRY} until it holds; meanwhile {@link NearCaches} keeps no copies (reads go
 * to Redis, or to MongoDB while Redis is down). Once subscribed, the container resubscribes by itself
 * after a lost connection.
 */
final class NearCacheSubscription implements SmartLifecycle {

	static final Duration RETRY = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(NearCacheSubscription.class);

	private final RedisMessageListenerContainer container;

	private final Duration retry;

	private volatile boolean running;

	private Thread subscriber;

	NearCacheSubscription(RedisMessageListenerContainer container, Duration retry) {
		this.container = container;
		this.retry = retry;
	}

	@Override
	public synchronized void start() {
		running = true;
		subscriber = Thread.ofVirtual().name("near-cache-subscription").start(this::subscribe);
	}

	private void subscribe() {
		boolean failed = false;
		while (running) {
			try {
				container.start();
				if (failed) {
					log.info("Subscribed to {}: public reads are copied in memory again", NearCaches.CHANNEL);
				}
				return;
			}
			catch (RuntimeException ex) {
				container.stop(); // so that the next start() tries again
				if (!running) {
					return; // stopped while connecting
				}
				if (!failed) {
					log.warn("Could not subscribe to {} ({}); public reads are not copied in memory until it is, retrying every {} ms",
							NearCaches.CHANNEL, NestedExceptionUtils.getMostSpecificCause(ex), retry.toMillis());
					failed = true;
				}
			}
			try {
				Thread.sleep(retry);
			}
			catch (InterruptedException stopped) {
				return;
			}
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		if (subscriber != null) {
			subscriber.interrupt();
			try {
				subscriber.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			subscriber = null;
		}
		container.stop();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Subscribed now (the container's own state). */
	boolean isListening() {
		return container.isListening();
	}
}
