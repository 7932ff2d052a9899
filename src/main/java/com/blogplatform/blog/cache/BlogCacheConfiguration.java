package com.blogplatform.blog.cache;

import com.blogplatform.blog.content.BlogCacheNames;
import com.blogplatform.blog.content.BlogSummary;
import com.blogplatform.blog.content.PublishedBlog;
import java.time.Duration;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caching of public reads. With {@code spring.cache.type=redis} (profile prod), entries are JSON in
 * Redis (blog's read models {@link PublishedBlog} and {@link BlogSummary}, not the API's payloads)
 * with the reference's lifetimes (10 minutes for a blog, 6 hours for a similar list; pages of the
 * latest and tag lists, which the reference does not cache, 10 minutes), written
 * and evicted immediately so an eviction is visible to the next read. In the embedded mode an
 * in-memory cache serves instead. A failing cache is logged and bypassed: reads go to MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class BlogCacheConfiguration implements CachingConfigurer {

	static final Duration BLOG_TTL = Duration.ofMinutes(10);

	static final Duration SIMILAR_TTL = Duration.ofHours(6);

	@Override
	public CacheErrorHandler errorHandler() {
		return new LoggingCacheErrorHandler("com.blogplatform.blog.cache", false);
	}

	@Bean
	RedisCacheManagerBuilderCustomizer blogRedisCaches(RedisConnectionFactory connections, JsonMapper json) {
		var listOfItems = json.getTypeFactory().constructCollectionType(java.util.List.class, BlogSummary.class);
		return builder -> builder
			.cacheWriter(RedisCacheWriter.create(connections,
					writer -> writer.immediateWrites().batchStrategy(BatchStrategies.scan(500))))
			.withCacheConfiguration(BlogCacheNames.BY_ID, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, PublishedBlog.class)))
			.withCacheConfiguration(BlogCacheNames.BY_SLUG, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, PublishedBlog.class)))
			.withCacheConfiguration(BlogCacheNames.SIMILAR, config(SIMILAR_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)))
			.withCacheConfiguration(BlogCacheNames.LATEST, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)))
			.withCacheConfiguration(BlogCacheNames.TAGGED, config(BLOG_TTL, new JacksonJsonRedisSerializer<>(json, listOfItems)));
	}

	private static RedisCacheConfiguration config(Duration ttl, RedisSerializer<?> values) {
		return RedisCacheConfiguration.defaultCacheConfig()
			.entryTtl(ttl)
			.prefixCacheNameWith("blog:")
			.serializeValuesWith(RedisSerializationContext.SerializationPair.fromSerializer(values));
	}
}
