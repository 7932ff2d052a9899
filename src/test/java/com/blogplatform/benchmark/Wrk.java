package com.blogplatform.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: wrk, a process of its own built for it, so the JVM under test never measures its
 * own client. Its Lua {@code done()} callback prints one machine-readable line; there is no
 * {@code response()} callback, which would slow wrk down a lot. wrk counts a status above 399 as an
 * error (its "Non-2xx or 3xx responses"); socket errors are connect, read, write and time-outs.
 */
final class Wrk {

	private static final String SCRIPT = """
			-- scripts/benchmark.sh: one line for the harness at the end of a run.
			done = function(summary, latency, requests)
			  local e = summary.errors
			  io.write(string.format("WRK_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d socket_errors=%d non2xx=%d\\n",
			    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
			    e.connect + e.read + e.write + e.timeout, e.status))
			end
			""";

	private static final Pattern RESULT = Pattern.compile("WRK_RESULT (.*)");

	private final Path script;

	private final Settings settings;

	Wrk(Path work, Settings settings) {
		this.settings = settings;
		try {
			Files.createDirectories(work);
			this.script = Files.writeString(work.resolve("report.lua"), SCRIPT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What one wrk run measured. */
	record Result(long requests, long durationMicros, long p50Micros, long p99Micros, long socketErrors, long non2xx) {

		double perSecond() {
			return requests / (durationMicros / 1e6);
		}

		long errors() {
			return socketErrors + non2xx;
		}
	}

	/** Load without measuring: the JIT, the caches and the pools get to their steady state. */
	void warmUp(String url, Map<String, String> headers) {
		if (settings.warmUpSeconds() > 0) {
			run(url, headers, settings.warmUpSeconds());
		}
	}

	Result measure(String url, Map<String, String> headers) {
		return run(url, headers, settings.durationSeconds());
	}

	private Result run(String url, Map<String, String> headers, int seconds) {
		List<String> command = new ArrayList<>(List.of("wrk", "-t" + settings.threads(), "-c" + settings.connections(),
				"-d" + seconds + "s", "--timeout", "10s", "-s", script.toString()));
		headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
		command.add(url);
		try {
			Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = wrk.waitFor();
			Matcher line = RESULT.matcher(output);
			if (exit != 0 || !line.find()) {
				throw new IllegalStateException("wrk " + url + " exited with " + exit + ":\n" + output);
			}
			Map<String, Long> values = new HashMap<>();
			for (String pair : line.group(1).strip().split(" ")) {
				String[] parts = pair.split("=", 2);
				values.put(parts[0], Long.parseLong(parts[1]));
			}
			return new Result(values.get("requests"), values.get("duration_us"), values.get("p50_us"), values.get("p99_us"),
					values.get("socket_errors"), values.get("non2xx"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run wrk (scripts/benchmark.sh installs it)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
