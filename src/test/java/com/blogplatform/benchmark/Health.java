package com.blogplatform.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a process to answer, and what it costs in memory. */
final class Health {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private Health() {
	}

	/**
	 * Polls {@code url} every 20 ms until it answers 200; fails with {@code tail} (the process's log)
	 * if the process exits or the patience runs out.
	 */
	static void await(BooleanSupplier alive, String url, Duration patience, Supplier<String> tail) {
		Instant started = Instant.now();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
		while (Duration.between(started, Instant.now()).compareTo(patience) < 0) {
			if (!alive.getAsBoolean()) {
				throw new IllegalStateException("the process exited; its log ends with:\n" + tail.get());
			}
			try {
				if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(url + " did not answer 200 within " + patience + "; the log ends with:\n" + tail.get());
	}

	/** The process's resident memory (VmRSS of /proc/<pid>/status) in MiB, or -1 where there is no /proc. */
	static long residentMebibytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | NumberFormatException gone) {
			// not Linux, or the process has ended
		}
		return -1;
	}
}
