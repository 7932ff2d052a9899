package com.blogplatform.benchmark;

import com.blogplatform.benchmark.Settings.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToLongFunction;

/**
 * The run's tables, written to {@code target/benchmark-results.md} (the script prints it): every figure next to
 * the anchor's from the same run, since only ratios from one run compare on a shared machine.
 */
final class Report {

	static final String ANCHOR_PATH = "GET /anchor";

	/** Where {@code scripts/benchmark.sh} collects the tables (the port latency benchmark appends its own). */
	static final Path FILE = Path.of("target", "benchmark-results.md");

	private record Measurement(String path, Shape shape, Wrk.Result result) {
	}

	private record Start(String description, Duration toHealthy) {
	}

	private final Settings settings;

	private final List<Measurement> measurements = new ArrayList<>();

	private final Map<String, Wrk.Result> listGrowth = new LinkedHashMap<>();

	private final Map<String, String> memory = new LinkedHashMap<>();

	private final List<Start> starts = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final Map<Shape, String> seeding = new LinkedHashMap<>();

	Report(Settings settings) {
		this.settings = settings;
	}

	void measured(String path, Shape shape, Wrk.Result result) {
		measurements.add(new Measurement(path, shape, result));
		System.out.printf("[benchmark] %-24s %-44s %s%n", shape.label, path, row(result));
	}

	void listWith(String blogs, Wrk.Result result) {
		listGrowth.put(blogs, result);
	}

	void memory(String process, String rss) {
		memory.put(process, rss);
	}

	void started(String description, Duration toHealthy) {
		starts.add(new Start(description, toHealthy));
		System.out.printf("[benchmark] start-up: %s: %d ms to health 200%n", description, toHealthy.toMillis());
	}

	void seeded(Shape shape, String what) {
		seeding.put(shape, what);
		System.out.println("[benchmark] seeded for " + shape.label + ": " + what);
	}

	void failed(String what, Exception ex) {
		String message = what + " failed: " + ex.getMessage();
		failures.add(message);
		System.err.println("[benchmark] " + message);
	}

	boolean anyFailed() {
		return !failures.isEmpty();
	}

	void write(String header) {
		line(header);
		line("");
		line("Load: " + settings.load() + "." + (seeding.isEmpty() ? ""
				: " Data: " + String.join("; ", seeding.entrySet().stream().map(entry -> entry.getKey().label + ": " + entry.getValue()).toList())
						+ "."));
		line("Errors: socket errors (connect, read, write, time-out) + answers with a status above 399. / anchor: the path's req/s over");
		line("the mean of the anchor's, measured first and last.");
		line("");
		line("| path | shape | req/s | p50 | p99 | errors | / anchor (req/s) |");
		line("|---|---|---|---|---|---|---|");
		OptionalDouble anchor = measurements.stream().filter(m -> m.shape == Shape.ANCHOR).mapToDouble(m -> m.result.perSecond()).average();
		measurements.stream().map(Measurement::path).distinct().forEach(path -> measurements.stream()
			.filter(m -> m.path.equals(path))
			.forEach(m -> line("| `" + path + "` | " + m.shape.label + " | " + row(m.result) + " | "
					+ (anchor.isPresent() ? ratio(m.result.perSecond(), anchor.getAsDouble()) : "n/a") + " |")));
		splitVersusSingle();
		listGrowth();
		startUpAndMemory();
		if (!failures.isEmpty()) {
			line("");
			line("### Failures");
			line("");
			failures.forEach(failure -> line("- " + failure.lines().findFirst().orElse(failure)));
		}
	}

	private void splitVersusSingle() {
		List<String> rows = new ArrayList<>();
		for (Measurement split : measurements) {
			if (split.shape != Shape.PROD_SPLIT) {
				continue;
			}
			measurements.stream()
				.filter(m -> m.shape == Shape.PROD_SINGLE && m.path.equals(split.path))
				.findFirst()
				.ifPresent(single -> rows.add("| `" + split.path + "` | " + ratio(split.result.perSecond(), single.result.perSecond())
						+ " | " + latencyRatio(split.result, single.result, Wrk.Result::p50Micros) + " | "
						+ latencyRatio(split.result, single.result, Wrk.Result::p99Micros) + " |"));
		}
		if (!rows.isEmpty()) {
			line("");
			line("### Split services / single jar (both prod)");
			line("");
			line("| path | req/s | p50 | p99 |");
			line("|---|---|---|---|");
			rows.forEach(Report::line);
		}
	}

	private void listGrowth() {
		if (listGrowth.isEmpty()) {
			return;
		}
		line("");
		line("### `GET /blog/list/latest?page=1&limit=10` as the store grows (single jar, embedded)");
		line("");
		line("| published blogs | req/s | p50 | p99 | errors |");
		line("|---|---|---|---|---|");
		listGrowth.forEach((blogs, result) -> line("| " + blogs + " | " + row(result) + " |"));
		List<Wrk.Result> results = List.copyOf(listGrowth.values());
		if (results.size() == 2) {
			line("| largest / smallest | " + ratio(results.get(1).perSecond(), results.get(0).perSecond()) + " | "
					+ latencyRatio(results.get(1), results.get(0), Wrk.Result::p50Micros) + " | "
					+ latencyRatio(results.get(1), results.get(0), Wrk.Result::p99Micros) + " | |");
		}
	}

	private void startUpAndMemory() {
		if (!starts.isEmpty()) {
			line("");
			line("### Start-up: `bash scripts/run.sh` to `/actuator/health` 200 (single jar, embedded, its AOT cache trained by an untimed first start)");
			line("");
			line("| start | time |");
			line("|---|---|");
			starts.forEach(start -> line("| " + start.description + " | " + String.format("%.2f s", start.toHealthy.toMillis() / 1000.0) + " |"));
		}
		if (!memory.isEmpty()) {
			line("");
			line("### Memory after the measured run (VmRSS from /proc/<pid>/status)");
			line("");
			line("| process | RSS |");
			line("|---|---|");
			memory.forEach((process, rss) -> line("| " + process + " | " + rss + " |"));
		}
	}

	/** Appends to the results file; the progress lines went to the console as they came. */
	private static void line(String text) {
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String row(Wrk.Result result) {
		if (result.requests() == 0) {
			return "0 | none answered within the measured time | | " + errors(result);
		}
		return String.format("%,.0f | %s | %s | %s", result.perSecond(), millis(result.p50Micros()), millis(result.p99Micros()),
				errors(result));
	}

	private static String errors(Wrk.Result result) {
		return result.errors() == 0 ? "0"
				: result.errors() + " (" + result.socketErrors() + " socket, " + result.non2xx() + " status)";
	}

	static String millis(long micros) {
		return micros < 10_000 ? String.format("%.2f ms", micros / 1000.0) : String.format("%,.0f ms", micros / 1000.0);
	}

	/** A latency's ratio; none where either side has no answered request (wrk then reports 0). */
	private static String latencyRatio(Wrk.Result value, Wrk.Result reference, ToLongFunction<Wrk.Result> latency) {
		return value.requests() == 0 || reference.requests() == 0 ? "n/a"
				: ratio(latency.applyAsLong(value), latency.applyAsLong(reference));
	}

	private static String ratio(double value, double reference) {
		return reference == 0 ? "n/a" : String.format("%.3f", value / reference);
	}
}
