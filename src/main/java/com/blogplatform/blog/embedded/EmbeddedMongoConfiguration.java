package com.blogplatform.blog.embedded;

import com.blogplatform.shared.embedded.EmbeddedProperties;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Development and test default: an in-process server speaking the MongoDB wire protocol
 * (mongo-java-server), exposed as Boot {@link MongoConnectionDetails} so the real driver and
 * Spring Data run unchanged. With {@code persistent} (the default) data is kept in an H2 file
 * under the data directory across restarts. Its health is the blog module's ping-based
 * {@code mongo} indicator, as against a real server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("platform.embedded.mongodb.enabled")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedProperties embedded) throws IOException {
		Path dataDirectory = embedded.dataDirectory();
		boolean persistent = embedded.mongodb().persistent();
		MongoBackend backend;
		if (persistent) {
			Path directory = dataDirectory.resolve("mongo");
			Files.createDirectories(directory);
			backend = new H2Backend(directory.resolve("blog.mv").toString());
		}
		else {
			backend = new MemoryBackend();
		}
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		log.info("Embedded MongoDB wire server on {} ({})", server.getLocalAddress(),
				persistent ? "data in " + dataDirectory.resolve("mongo").toAbsolutePath() : "in memory");
		return server;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, EmbeddedProperties embedded) {
		String database = embedded.mongodb().database();
		var address = server.getLocalAddress();
		var connection = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
		return () -> connection;
	}
}
