package com.blogplatform.benchmark;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a run of {@code scripts/benchmark.sh} measures and how, from environment variables (the
 * defaults are the issue's: wrk with 2 threads and 32 connections for 10 s per path; 10,000
 * published blogs and 1,000 users). A quick run sets {@code BENCH_DURATION=2 BENCH_WARMUP=1}.
 *
 * @param durationSeconds measured seconds per path ({@code BENCH_DURATION})
 * @param warmUpSeconds load before each measurement, not counted ({@code BENCH_WARMUP})
 * @param threads wrk's threads ({@code BENCH_THREADS})
 * @param connections wrk's open connections ({@code BENCH_CONNECTIONS})
 * @param blogs published blogs seeded per store ({@code BENCH_BLOGS})
 * @param users users signed up per store ({@code BENCH_USERS})
 * @param authors the authors the blogs are spread over ({@code BENCH_AUTHORS})
 * @param starts how often the single jar is started to time its start-up ({@code BENCH_STARTS})
 * @param redisDatabase the Redis database the prod shapes use and flush ({@code BENCH_REDIS_DB})
 * @param postgresPrefix the prefix of the PostgreSQL database and role the prod shapes create; whatever
 *        carries it is dropped at the start of a run, so one run at a time per prefix ({@code BENCH_PG_PREFIX})
 * @param shapes the shapes to run, in order ({@code BENCH_SHAPES}, comma-separated; default all)
 */
record Settings(int durationSeconds, int warmUpSeconds, int threads, int connections, int blogs, int users, int authors,
		int starts, int redisDatabase, String postgresPrefix, List<Shape> shapes) {

	/** The shapes, in the order a run measures them. */
	enum Shape {

		ANCHOR("anchor", "anchor (bare Spring MVC)"), EMBEDDED("embedded", "single jar, embedded"),
		PROD_SINGLE("prod-single", "single jar, prod"), PROD_SPLIT("prod-split", "split services, prod");

		final String id;

		final String label;

		Shape(String id, String label) {
			this.id = id;
			this.label = label;
		}

		static Shape of(String id) {
			for (Shape shape : values()) {
				if (shape.id.equals(id.strip())) {
					return shape;
				}
			}
			throw new IllegalArgumentException("BENCH_SHAPES: unknown shape '" + id + "' (anchor, embedded, prod-single, prod-split)");
		}
	}

	private static final Pattern IDENTIFIER_PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,30}");

	Settings {
		if (!IDENTIFIER_PREFIX.matcher(postgresPrefix).matches()) {
			throw new IllegalArgumentException("BENCH_PG_PREFIX must be a lower-case SQL identifier prefix: " + postgresPrefix);
		}
		if (authors < 1 || blogs < 10 || users < 0 || durationSeconds < 1 || warmUpSeconds < 0 || starts < 0) {
			throw new IllegalArgumentException("BENCH_*: need BENCH_AUTHORS >= 1, BENCH_BLOGS >= 10, BENCH_DURATION >= 1");
		}
	}

	static Settings from(Map<String, String> env) {
		String shapes = env.getOrDefault("BENCH_SHAPES", "anchor,embedded,prod-single,prod-split");
		return new Settings(number(env, "BENCH_DURATION", 10), number(env, "BENCH_WARMUP", 5), number(env, "BENCH_THREADS", 2),
				number(env, "BENCH_CONNECTIONS", 32), number(env, "BENCH_BLOGS", 10_000), number(env, "BENCH_USERS", 1_000),
				number(env, "BENCH_AUTHORS", 20), number(env, "BENCH_STARTS", 3), number(env, "BENCH_REDIS_DB", 14),
				env.getOrDefault("BENCH_PG_PREFIX", "benchmark_"),
				Pattern.compile(",").splitAsStream(shapes).filter(id -> !id.isBlank()).map(Shape::of).sorted().toList());
	}

	private static int number(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a whole number: " + value, ex);
		}
	}

	boolean runs(Shape shape) {
		return shapes.contains(shape);
	}

	String load() {
		return "wrk, " + threads + " threads, " + connections + " connections, " + durationSeconds + " s per path after a "
				+ warmUpSeconds + " s warm-up";
	}
}
