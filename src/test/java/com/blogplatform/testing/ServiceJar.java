package com.blogplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A packaged artifact ({@code target/<name>.jar}) run as a process of its own, on the JDK running
 * the tests, in its embedded mode with a data directory of its own and its log captured to a file.
 */
public final class ServiceJar implements AutoCloseable {

	/** Set by {@code scripts/test.sh}: the service jars are built, so a missing one is a failure. */
	private static final boolean REQUIRED = Boolean.getBoolean("split.required");

	private final String name;

	private final Path jar;

	private final Path workDirectory;

	private final int port = Processes.freePort();

	private final Map<String, String> environment;

	/** Quick start over peak speed: right for tests, wrong for benchmarks (see {@link #fullSpeed()}). */
	private List<String> jvmOptions = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private Process process;

	private boolean runScript;

	private ServiceJar(String name, Path jar, Path workDirectory, Map<String, String> environment) {
		this.name = name;
		this.jar = jar;
		this.workDirectory = workDirectory;
		this.environment = new java.util.LinkedHashMap<>(environment);
	}

	/**
	 * The artifact {@code target/<name>.jar}; skips the calling test (fails it with
	 * {@code -Dsplit.required=true}) when it has not been built.
	 */
	public static ServiceJar of(String name, Path workDirectory, Map<String, String> environment) {
		Path jar = Path.of("target", name + ".jar").toAbsolutePath();
		String missing = jar + " is not built: run 'mvn -P" + name + " package' (scripts/test.sh does)";
		if (REQUIRED && !Files.isRegularFile(jar)) {
			throw new IllegalStateException(missing);
		}
		Assumptions.assumeTrue(Files.isRegularFile(jar), missing);
		return new ServiceJar(name, jar, workDirectory, environment);
	}

	/** Runs with the JVM's default JIT and collector, as in production. */
	public ServiceJar fullSpeed() {
		jvmOptions = List.of("-Xmx512m");
		return this;
	}

	/** Runs with exactly these JVM options (none: the JVM's defaults). */
	public ServiceJar jvmOptions(String... options) {
		jvmOptions = List.of(options);
		return this;
	}

	/**
	 * Runs with the options {@code scripts/run.sh} starts the single jar with ({@code scripts/jvm.options})
	 * and its {@code MALLOC_ARENA_MAX}.
	 */
	public ServiceJar defaultJvmOptions() {
		environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
		try {
			jvmOptions = Files.readAllLines(Path.of("scripts", "jvm.options"))
				.stream()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/**
	 * Starts the single jar as a newcomer does, through {@code scripts/run.sh} (its JVM options and AOT cache),
	 * instead of {@code java -jar}; the script {@code exec}s the JVM, so the process is the JVM.
	 */
	public ServiceJar throughRunScript() {
		runScript = true;
		return this;
	}

	/** The running process's id (its {@code /proc/<pid>} entry), for measurements such as its memory. */
	public long pid() {
		if (process == null) {
			throw new IllegalStateException(name + " is not running");
		}
		return process.pid();
	}

	/** Starts the process and waits until it is ready ({@code /actuator/health/readiness} answers 200). */
	public ServiceJar start() {
		launch();
		awaitReady(Duration.ofSeconds(120));
		return this;
	}

	/** Starts the process without waiting for it (several start in parallel; then {@link #awaitReady}). */
	public ServiceJar launch() {
		try {
			Files.createDirectories(workDirectory);
			List<String> command = new ArrayList<>();
			if (runScript) {
				command.addAll(List.of("bash", Path.of("scripts", "run.sh").toAbsolutePath().toString()));
			}
			else {
				command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
				command.addAll(jvmOptions);
				command.addAll(List.of("-jar", jar.toString()));
			}
			ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
			builder.environment().remove("JAVA_OPTS");
			builder.environment().put("PORT", String.valueOf(port));
			builder.environment().put("PLATFORM_DATA_DIR", workDirectory.resolve("data").toString());
			builder.environment().putAll(environment);
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + jar, ex);
		}
		return this;
	}

	public void stop() {
		if (process != null) {
			Processes.stop(process);
			process = null;
		}
	}

	/** SIGTERM, then waits for the process to end; returns how long it took (at most {@code patience}, else SIGKILL). */
	public Duration terminate(Duration patience) {
		Instant started = Instant.now();
		process.destroy();
		try {
			if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new IllegalStateException(name + " did not stop within " + patience + " of SIGTERM:\n" + tail());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process = null;
		return Duration.between(started, Instant.now());
	}

	/** SIGKILL: the process dies at once, as in a crash. */
	public void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	public boolean isAlive() {
		return process != null && process.isAlive();
	}

	/** The exit code once the process has ended by itself within {@code patience} (a refused start). */
	public int awaitExit(Duration patience) {
		try {
			if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(name + " still runs after " + patience + ":\n" + tail());
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public Path log() {
		return workDirectory.resolve(name + ".log");
	}

	public String logText() {
		try {
			return Files.readString(log());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until {@code /actuator/health/readiness} answers 200; fails with the log's tail if the process exits. */
	public ServiceJar awaitReady(Duration patience) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		Instant deadline = Instant.now().plus(patience);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return this;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Processes.pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException(name + " was not ready within " + patience + ":\n" + tail());
	}

	public String tail() {
		String text = logText();
		return text.substring(Math.max(0, text.length() - 4000));
	}
}
