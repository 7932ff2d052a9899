package com.blogplatform.blog.content;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * blog's store as an operator needs it: a MongoDB that cannot be reached fails a request within
 * {@code platform.mongodb.timeout} (default 2 s; the driver's own default is 30 s), answered 503,
 * and the {@code mongo} health indicator, blog's readiness, is a {@code ping}. It replaces Boot's
 * own indicator (same bean name), whose {@code hello} command the MongoDB wire-protocol server of
 * the embedded mode and the tests does not know; {@code ping} is answered by every MongoDB.
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
