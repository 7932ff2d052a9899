package com.blogplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server process of the test's own (nats-server or redis-server) on a free loopback port, so a test can stop and restart it
 * without disturbing anything else.
 */
public final class ServerProcess implements AutoCloseable {

	private final int port;

	private final List<String> command;

	private final Map<String, String> environment;

	private final int monitorPort;

	private Process process;

	private ServerProcess(List<String> command, int port) {
		this(command, port, Map.of(), 0);
	}

	private ServerProcess(List<String> command, int port, Map<String, String> environment, int monitorPort) {
		this.port = port;
		this.command = command;
		this.environment = environment;
		this.monitorPort = monitorPort;
	}

	/**
	 * nats-server with a configuration file (e.g. the deployment's {@code deploy/nats/nats-server.conf},
	 * whose variables come from {@code environment}), moved to free loopback ports: the client port
	 * and the monitoring port, which {@link #monitorUrl()} gives.
	 */
	public static ServerProcess nats(Path configuration, Map<String, String> environment, Path workDirectory) {
		int port = Processes.freePort();
		int monitor = Processes.freePort();
		try {
			Path directory = Files.createDirectories(workDirectory).toAbsolutePath();
			Path local = directory.resolve("nats-" + port + ".conf");
			// The same keys again override the included file's (nats-server keeps the last value of a key; the
			// monitor listens on "host"); includes are resolved relative to the including file.
			Files.writeString(local, "include \"" + directory.relativize(configuration.toAbsolutePath()) + "\"\nhost: 127.0.0.1\nport: "
					+ port + "\nhttp_port: " + monitor + "\n");
			return new ServerProcess(List.of(binary("nats-server"), "-c", local.toString(), "-l",
					directory.resolve("nats-" + port + ".log").toString()), port, environment, monitor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The monitoring endpoint of a server started from a configuration file ({@code /healthz}, {@code /connz}). */
	public String monitorUrl() {
		return "http://127.0.0.1:" + monitorPort;
	}

	/** nats-server on a free loopback port. */
	public static ServerProcess nats() {
		int port = Processes.freePort();
		return new ServerProcess(List.of(binary("nats-server"), "-a", "127.0.0.1", "-p", String.valueOf(port)), port);
	}

	/** redis-server on a free loopback port, keeping nothing on disk. */
	public static ServerProcess redis() {
		int port = Processes.freePort();
		return new ServerProcess(List.of(binary("redis-server"), "--bind", "127.0.0.1", "--port", String.valueOf(port),
				"--save", "", "--appendonly", "no"), port);
	}

	public ServerProcess start() {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().putAll(environment);
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start " + command.get(0), ex);
		}
		awaitListening(true);
		return this;
	}

	public void stop() {
		if (process != null) {
			Processes.stop(process);
			awaitListening(false);
			process = null;
		}
	}

	public String url() {
		return "nats://127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	@Override
	public void close() {
		stop();
	}

	private void awaitListening(boolean up) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				if (up) {
					return;
				}
			}
			catch (IOException notListening) {
				if (!up) {
					return;
				}
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException(command.get(0) + " did not " + (up ? "start" : "stop") + " on port " + port);
	}

	private static String binary(String name) {
		for (String directory : new String[] { "/usr/sbin/", "/usr/bin/", "/usr/local/bin/" }) {
			if (Files.isExecutable(Path.of(directory + name))) {
				return directory + name;
			}
		}
		return name;
	}
}
