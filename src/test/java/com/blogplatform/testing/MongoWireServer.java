package com.blogplatform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * MongoDB cannot be installed on this machine, so the production-shape tests run the MongoDB
 * wire-protocol server (mongo-java-server, in memory) as a process of its own, on loopback, that
 * several blog instances share exactly as they would share a real MongoDB. {@link #main} is that
 * process; {@link #start()} launches it from a test.
 */
public final class MongoWireServer implements AutoCloseable {

	private final int port = Processes.freePort();

	private final Path log;

	private Process process;

	public MongoWireServer(Path log) {
		this.log = log;
	}

	public static void main(String[] args) throws InterruptedException {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", Integer.parseInt(args[0]));
		System.out.println("MongoDB wire server listening on " + server.getLocalAddress());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdownNow();
			stopped.countDown();
		}));
		stopped.await();
	}

	public MongoWireServer start() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		try {
			log.getParent().toFile().mkdirs();
			process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
					System.getProperty("java.class.path"), MongoWireServer.class.getName(), String.valueOf(port)))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return this;
			}
			catch (IOException notYet) {
				Processes.pause(Duration.ofMillis(100));
			}
		}
		throw new IllegalStateException("the MongoDB wire server did not start on port " + port);
	}

	/** A connection string for this database on the server. */
	public String uri(String database) {
		return "mongodb://127.0.0.1:" + port + "/" + database;
	}

	@Override
	public void close() {
		if (process != null) {
			Processes.stop(process);
			process = null;
		}
	}
}
