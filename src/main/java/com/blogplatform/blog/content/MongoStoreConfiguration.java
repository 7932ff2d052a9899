package com.blogplatform.blog.content;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * blog's store as an operator needs it: a MongoDB that cannot be reached fails a request within
 * {@code platform.mongodb.timeout} (default 2 s; the driver's own default is 30 s), answered 503,
 * and the {@code mongo} health indicator, blog's readiness, is a {@code ping}. It replaces Boot's
 * own indicator (same bean name), whose {@code hello} command the MongoDB wire-protocol server of
 * the embedded mode and the tests does not know; {@code ping} is answered by every MongoDB. A
 * driver failure that means the store is not answering is a resource failure, so 503 too
 * ({@link StoreFailures}).
 */
@Configuration(proxyBeanMethods = false)
class MongoStoreConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer blogMongoTimeouts(@Value("${platform.mongodb.timeout:2s}") Duration timeout) {
		long millis = timeout.toMillis();
		return settings -> settings
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS));
	}

	/** Installs {@link StoreFailures} on the database factory, before any template is built from it. */
	@Bean
	static BeanPostProcessor blogMongoStoreFailures() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
					factory.setExceptionTranslator(new StoreFailures());
				}
				return bean;
			}
		};
	}

	/**
	 * Spring Data's translation, plus the driver's "connection pool paused because another operation
	 * failed" (what every request waiting on the pool gets after one timed out): the store is not
	 * answering, as for the timeout itself, so a resource failure (503), not an uncategorised one (500).
	 */
	static final class StoreFailures extends MongoExceptionTranslator {

		@Override
		public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			if (ex instanceof MongoConnectionPoolClearedException) {
				return new DataAccessResourceFailureException(ex.getMessage(), ex);
			}
			return super.translateExceptionIfPossible(ex);
		}
	}

	@Bean
	HealthIndicator mongoHealthIndicator(MongoClient client) {
		return () -> {
			try {
				client.getDatabase("admin").runCommand(new Document("ping", 1));
				return Health.up().build();
			}
			catch (RuntimeException ex) {
				return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
			}
		};
	}
}
