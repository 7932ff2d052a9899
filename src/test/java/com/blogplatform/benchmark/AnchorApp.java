package com.blogplatform.benchmark;

import com.blogplatform.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The anchor ({@code benchmarks/anchor}: a bare Spring MVC app with one constant-JSON route) as a
 * process of its own, on the JDK running the harness, with the JVM's default settings.
 */
final class AnchorApp implements AutoCloseable {

	static final Path JAR = Path.of("benchmarks", "anchor", "target", "benchmark-anchor.jar");

	private final int port = Processes.freePort();

	private final Path log;

	private final Process process;

	private AnchorApp(Path log) {
		this.log = log;
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR + " is not built: mvn -Pbenchmarks -pl benchmarks/anchor package");
		}
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-jar", JAR.toAbsolutePath().toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().put("PORT", String.valueOf(port));
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the anchor and waits until its route answers 200 (fails with its log's tail if it does not). */
	static AnchorApp start(Path log) {
		AnchorApp anchor = new AnchorApp(log);
		try {
			Health.await(anchor.process::isAlive, anchor.url(), Duration.ofSeconds(120), anchor::tail);
		}
		catch (RuntimeException ex) {
			anchor.close();
			throw ex;
		}
		return anchor;
	}

	String url() {
		return "http://127.0.0.1:" + port + "/anchor";
	}

	String tail() {
		try {
			String text = Files.readString(log);
			return text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		Processes.stop(process);
	}
}
