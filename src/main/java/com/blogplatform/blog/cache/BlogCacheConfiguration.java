package com.blogplatform.blog.cache;

import com.blogplatform.blog.content.BlogCacheNames;
import com.blogplatform.blog.content.BlogSummary;
import com.blogplatform.blog.content.PublishedBlog;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caching of public reads. With {@code spring.cache.type=redis} (profile prod), entries are JSON in
 * Redis (blog's read models {@link PublishedBlog} and {@link BlogSummary}, not the API's payloads)
 * with the reference's lifetimes (10 minutes for a blog, 6 hours for a similar list; pages of the
 * latest and tag lists and of the authors' and editors' lists, which the reference does not cache,
 * 10 minutes), written and evicted immediately so an eviction is visible to the next read. In the
 * embedded mode an in-memory cache serves instead (Caffeine, 10 minutes for every entry, bounded by
 * the text it holds: {@link #EMBEDDED_MAX_CHARS}). With Redis, the public reads (blogs, similar lists,
 * pages of the latest and tag lists), the pages of the authors' and editors' lists and their
 * generations also keep a copy in memory for at most {@link NearCaches#NEAR_TTL}, dropped on every
 * instance before a change is answered ({@link NearCaches}).
 * A failing cache is logged and bypassed: reads go to MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class BlogCacheConfiguration implements CachingConfigurer {

	static final Duration BLOG_TTL = Duration.ofMinutes(10);

	static final Duration SIMILAR_TTL = Duration.ofHours(6);

	/**
	 * The caches copied in memory in front of Redis: the public reads, the pages of the authors' and
	 * editors' lists (their keys name a generation, so a page's content never changes) and the
	 * generations themselves, which every write evicts, so on every instance before it is answered.
	 */
	static final Set<String> NEAR = Set.of(BlogCacheNames.BY_ID, BlogCacheNames.BY_SLUG, BlogCacheNames.SIMILAR,
			BlogCacheNames.LATEST, BlogCacheNames.TAGGED, BlogCacheNames.LIST_PAGES, BlogCacheNames.LIST_GENERATIONS);

	/**
	 * What the embedded mode's cache may hold, in characters of text (a blog's text may have 50,000):
	 * 16 to 32 MB of a heap the default JVM options keep small; the least used entries go first.
	 */
	static final long EMBEDDED_MAX_CHARS = 16L * 1024 * 1024;

	/** The embedded mode's cache (spring.cache.type=caffeine); unused where the cache is Redis. */
	@Bean
	Caffeine<Object, Object> embeddedBlogCache() {
		return Caffeine.newBuilder().maximumWeight(EMBEDDED_MAX_CHARS).weigher(BlogCacheConfiguration::chars).expireAfterWrite(BLOG_TTL);
	}

	/** An entry's weight: the characters of its text, at least one. */
	static int chars(Object key, Object value) {
		long chars = switch (value) {
			case PublishedBlog blog -> length(blog.title()) + length(blog.description()) + length(blog.text()) + 200;
			case List<?> page -> page.stream()
				.mapToLong(item -> item instanceof BlogSummary summary
						? length(summary.title()) + length(summary.description()) + 200 : 200)
				.sum();
			case String text -> text.length();
			default -> 200;
		};
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, chars + key.toString().length()));
	}

	private static long length(String text) {
		return text == null ? 0 : text.length();
	}

	/** One policy for every cache failure, the annotations' and {@code ListPages}': logged, then bypassed. */
	private final CacheErrorHandler errors = new LoggingCacheErrorHandler("com.blogplatform.blog.cache", false);

	@Override
	public CacheErrorHandler errorHandler() {
		return errors;
	}

	@Bean
	CacheErrorHandler blogCacheErrorHandler() {
		return errors;
	}

	@Bean
	@ConditionalOnProperty(name = "spring.cache.type", havingValue = "redis")
	NearCaches nearCaches(StringRedisTemplate redis) {
		return new NearCaches(redis);
	}

	/**
	 * Receives the other instances' invalidations; resubscribes by itself after a lost connection. Started
	 * by {@link #nearCacheSubscription}, not by the context: a Redis that is down at start-up must not
	 * stop the service from starting.
	 */
	@Bean
	@ConditionalOnProperty(name = "spring.cache.type", havingValue = "redis")
	RedisMessageListenerContainer nearCacheInvalidations(RedisConnectionFactory connections, NearCaches near) {
		var container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		var dispatch = new SimpleAsyncTaskExecutor("near-cache-");
		dispatch.setVirtualThreads(true);
		container.setTaskExecutor(dispatch);
		container.addMessageListener(near, new ChannelTopic(NearCaches.CHANNEL));
		container.setAutoStartup(false);
		return container;
	}

	@Bean
	@ConditionalOnProperty(name = "spring.cache.type", havingValue = "redis")
	NearCacheSubscription nearCacheSubscription(RedisMessageListenerContainer nearCacheInvalidations) {
		return new NearCacheSubscription(nearCacheInvalidations, NearCacheSubscription.RETRY);
	}

	/** Redis's caches with the copies in memory in front of the public reads' (Boot's own cache manager steps back). */
	@Bean
	@ConditionalOnProperty(name = "spring.cache.type", havingValue = "redis")
	CacheManager cacheManager(RedisConnectionFactory connections, JsonMapper json, NearCaches near) {
		RedisCacheManager redis = redisCaches(connections, json).build();
		redis.initializeCaches();
		return new NearCacheManager(redis, near, NEAR);
	}

	private static RedisCacheManager.RedisCacheManagerBuilder redisCaches(RedisConnectionFactory connections, JsonMapper json) {
		var listOfItems = json.getTypeFactory().constructCollectionType(List.class, BlogSummary.class);
		return RedisCacheManager.builder(connections)
			.cacheWriter(RedisCacheWriter.create(connections,
					writer -> writer.immediateWrites().batchStrategy(BatchStrategies.scan(500))))
			.withCacheConfiguration(BlogCacheNames.BY_ID, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, PublishedBlog.class)))
			.withCacheConfiguration(BlogCacheNames.BY_SLUG, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, PublishedBlog.class)))
			.withCacheConfiguration(BlogCacheNames.SIMILAR, config(SIMILAR_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)))
			.withCacheConfiguration(BlogCacheNames.LATEST, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)))
			.withCacheConfiguration(BlogCacheNames.TAGGED, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)))
			.withCacheConfiguration(BlogCacheNames.LIST_PAGES, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)))
			.withCacheConfiguration(BlogCacheNames.LIST_GENERATIONS, config(BLOG_TTL, RedisSerializer.string()));
	}

	private static RedisCacheConfiguration config(Duration ttl, RedisSerializer<?> values) {
		return RedisCacheConfiguration.defaultCacheConfig()
			.entryTtl(ttl)
			.prefixCacheNameWith("blog:")
			.serializeValuesWith(RedisSerializationContext.SerializationPair.fromSerializer(values));
	}
}
