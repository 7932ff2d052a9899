package com.blogplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * What a benchmark measured: printed, and appended to {@code target/benchmark-results.md}, which
 * {@code scripts/benchmark.sh} shows at the end of a run. Benchmarks report numbers; they assert
 * nothing about time.
 */
public final class BenchmarkReport {

	private static final Path FILE = Path.of("target", "benchmark-results.md");

	private BenchmarkReport() {
	}

	public static void line(String text) {
		System.out.println("[benchmark] " + text);
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The value at this percentile (0-100) of the samples, which it sorts. */
	public static long percentile(long[] samples, double percentile) {
		Arrays.sort(samples);
		int index = (int) Math.ceil(percentile / 100.0 * samples.length) - 1;
		return samples[Math.max(0, Math.min(samples.length - 1, index))];
	}

	public static String micros(long nanos) {
		return String.format("%.0f µs", nanos / 1_000.0);
	}
}
