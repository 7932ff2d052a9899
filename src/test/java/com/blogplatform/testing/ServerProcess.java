package com.blogplatform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A server process of the test's own (nats-server or redis-server) on a free loopback port, so a test can stop and restart it
 * without disturbing anything else.
 */
public final class ServerProcess implements AutoCloseable {

	private final int port;

	private final List<String> command;

	private Process process;

	private ServerProcess(List<String> command, int port) {
		this.port = port;
		this.command = command;
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
			process = new ProcessBuilder(command)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
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
