package com.blogplatform.blog.content;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * blog's store in {@code /actuator/health} and in readiness: a {@code ping} to MongoDB. It replaces
 * Boot's own {@code mongo} indicator (same bean name), whose {@code hello} command the MongoDB
 * wire-protocol server of the embedded mode and the tests does not know; {@code ping} is answered
 * by every MongoDB.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

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
