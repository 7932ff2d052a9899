package com.blogplatform.blog.embedded;

import com.blogplatform.shared.embedded.BackgroundStart;
import com.blogplatform.shared.embedded.EmbeddedProperties;
import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
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

	/** Opened while the rest of the context is created (see {@link BackgroundStart}). */
	@Bean
	static BackgroundStart<MongoServer> embeddedMongoStart() {
		return new BackgroundStart<>("embedded-mongo-start", EmbeddedMongoConfiguration::open, MongoServer::shutdownNow);
	}

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(BackgroundStart<MongoServer> start) {
		return start.server();
	}

	private static MongoServer open(EmbeddedProperties embedded) {
		Path dataDirectory = embedded.dataDirectory();
		boolean persistent = embedded.mongodb().persistent();
		MongoBackend backend;
		if (persistent) {
			Path directory = dataDirectory.resolve("mongo");
			try {
				Files.createDirectories(directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the embedded MongoDB's data directory " + directory, ex);
			}
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
