package com.blogplatform.benchmark;

import com.blogplatform.benchmark.Seeder.Dataset;
import com.blogplatform.benchmark.Settings.Shape;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ProductionEnvironment;
import com.blogplatform.testing.ServiceJar;
import com.blogplatform.testing.Users;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side benchmark ({@code scripts/benchmark.sh}): each shape is started, seeded, warmed,
 * measured by wrk and stopped, in this order: the anchor (bare Spring MVC); the single jar in its
 * embedded mode; the single jar in profile {@code prod} on this machine's PostgreSQL and Redis, with
 * the MongoDB wire server as a process of its own; the split services (auth + blog over NATS) in
 * {@code prod} on the same stores and data; the anchor again, so that the load other tenants put on
 * the machine over the run falls on the anchor's figure too. Then the single jar's start-up is timed. It reports
 * numbers and never fails on a figure; it exits 1 only when a shape could not be measured.
 * <p>
 * Run from the repository's root on the test class path, with {@code -Dsplit.required=true} (the
 * jars must be built). Every process it starts is stopped at the end, and by a shutdown hook on
 * SIGTERM or Ctrl-C.
 */
public final class ShapesSideBySide {

	private static final Duration START_PATIENCE = Duration.ofSeconds(180);

	private static final String LIST = "GET /blog/list/latest?page=1&limit=10";

	private final Settings settings;

	private final Path work;

	private final Wrk wrk;

	private final Report report;

	/** One measured path: its name in the tables, its URL and the headers wrk sends. */
	private record Target(String name, String url, Map<String, String> headers) {
	}

	private ShapesSideBySide(Settings settings, Path work) {
		this.settings = settings;
		this.work = work;
		this.wrk = new Wrk(work, settings);
		this.report = new Report(settings);
	}

	public static void main(String[] args) {
		Runtime.getRuntime().addShutdownHook(new Thread(ShapesSideBySide::stopEveryProcessStarted, "benchmark-cleanup"));
		Settings settings = Settings.from(System.getenv());
		String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		ShapesSideBySide benchmark = new ShapesSideBySide(settings, Path.of("target", "benchmark", stamp).toAbsolutePath());
		benchmark.run();
		benchmark.report.write("## Shapes side by side (" + stamp + " UTC, " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
				+ Runtime.version().feature() + ")");
		System.exit(benchmark.report.anyFailed() ? 1 : 0);
	}

	private void run() {
		if (settings.runs(Shape.ANCHOR)) {
			attempt("the anchor", this::anchor);
		}
		if (settings.runs(Shape.EMBEDDED)) {
			attempt("the single jar, embedded", this::embedded);
		}
		if (settings.runs(Shape.PROD_SINGLE) || settings.runs(Shape.PROD_SPLIT)) {
			attempt("the prod shapes", this::production);
		}
		if (settings.runs(Shape.ANCHOR) && settings.shapes().size() > 1) {
			attempt("the anchor, again", this::anchor);
		}
		if (settings.starts() > 0) {
			attempt("the start-up timing", this::startUp);
		}
	}

	private void anchor() {
		try (AnchorApp anchor = AnchorApp.start(work.resolve("anchor.log"))) {
			report.measured(Report.ANCHOR_PATH, Shape.ANCHOR, warmAndMeasure(new Target(Report.ANCHOR_PATH, anchor.url(), Map.of())));
		}
	}

	/** {@code java -jar target/blog-platform.jar} with nothing configured but a data directory of its own. */
	private void embedded() {
		try (ServiceJar jar = ServiceJar.of("blog-platform", work.resolve("embedded"), Map.of()).defaultJvmOptions().launch()) {
			jar.awaitReady(START_PATIENCE);
			ApiClient api = new ApiClient(jar.baseUrl());
			Instant seeding = Instant.now();
			Seeder seeder = new Seeder(api, api, ApiClient.DEV_API_KEY).people(Users.admin(api), settings.authors(), settings.users())
				.publishedBlogs(10);
			Duration seeded = Duration.between(seeding, Instant.now());
			Target list = targets(jar.baseUrl(), jar.baseUrl(), seeder.dataset()).stream()
				.filter(target -> target.name.equals(LIST))
				.findFirst()
				.orElseThrow();
			report.listWith("10", warmAndMeasure(list));
			seeding = Instant.now();
			seeder.publishedBlogs(settings.blogs());
			report.seeded(Shape.EMBEDDED, seeded(seeder, seeded.plus(Duration.between(seeding, Instant.now()))));
			Map<String, Wrk.Result> results = measureAll(Shape.EMBEDDED, jar.baseUrl(), jar.baseUrl(), seeder.dataset());
			report.listWith(String.format("%,d", seeder.published()), results.get(LIST));
			memory("single jar, embedded (the JVM; its embedded PostgreSQL runs as processes of their own)", jar.pid());
		}
	}

	/**
	 * Both prod shapes on one {@link ProductionEnvironment}: the single jar seeds the stores, then the
	 * split services serve the same data (same database, same signing key, so the same sessions).
	 */
	private void production() {
		try (ProductionEnvironment prod = new ProductionEnvironment(work.resolve("prod"), settings.redisDatabase(),
				settings.postgresPrefix())) {
			prod.start();
			Dataset data = null;
			if (settings.runs(Shape.PROD_SINGLE)) {
				try (ServiceJar single = ServiceJar.of("blog-platform", work.resolve("prod-single"), prod.singleJar()).defaultJvmOptions().launch()) {
					single.awaitReady(START_PATIENCE);
					data = seed(prod, Shape.PROD_SINGLE, single.baseUrl(), single.baseUrl());
					measureAll(Shape.PROD_SINGLE, single.baseUrl(), single.baseUrl(), data);
					memory("single jar, prod (JVM)", single.pid());
				}
				catch (RuntimeException ex) {
					report.failed("the single jar, prod", ex);
				}
			}
			if (settings.runs(Shape.PROD_SPLIT)) {
				try (ServiceJar auth = ServiceJar.of("auth-service", work.resolve("prod-auth"), prod.authService()).defaultJvmOptions().launch();
						ServiceJar blog = ServiceJar.of("blog-service", work.resolve("prod-blog"), prod.blogService()).defaultJvmOptions().launch()) {
					auth.awaitReady(START_PATIENCE);
					blog.awaitReady(START_PATIENCE);
					if (data == null) {
						data = seed(prod, Shape.PROD_SPLIT, auth.baseUrl(), blog.baseUrl());
					}
					measureAll(Shape.PROD_SPLIT, auth.baseUrl(), blog.baseUrl(), data);
				}
				catch (RuntimeException ex) {
					report.failed("the split services, prod", ex);
				}
			}
		}
	}

	/**
	 * Starts of the single jar as the README runs it, {@code bash scripts/run.sh}, on one data directory:
	 * an untimed first one (it creates the embedded database and, once per build, trains the script's AOT
	 * cache), then {@code BENCH_STARTS} timed ones.
	 */
	private void startUp() {
		Path directory = work.resolve("start-up");
		for (int i = 0; i <= settings.starts(); i++) {
			try (ServiceJar jar = ServiceJar.of("blog-platform", directory, Map.of()).throughRunScript()) {
				Instant launched = Instant.now();
				jar.launch();
				Health.await(jar::isAlive, jar.baseUrl() + "/actuator/health", START_PATIENCE, jar::tail);
				if (i > 0) { // start 0 trains run.sh's AOT cache (once per build) on a new data directory
					report.started(String.valueOf(i), Duration.between(launched, Instant.now()));
				}
			}
		}
	}

	private Dataset seed(ProductionEnvironment prod, Shape shape, String authUrl, String blogUrl) {
		Instant started = Instant.now();
		ApiClient auth = prod.client(authUrl);
		Seeder seeder = new Seeder(auth, prod.client(blogUrl), prod.apiKey).people(prod.admin(auth), settings.authors(), settings.users())
			.publishedBlogs(settings.blogs());
		report.seeded(shape, seeded(seeder, Duration.between(started, Instant.now())) + "; the split services serve the same stores");
		return seeder.dataset();
	}

	private String seeded(Seeder seeder, Duration took) {
		return String.format("%,d users, %,d published blogs by %d authors, through the API in %d s", settings.users(),
				seeder.published(), settings.authors(), took.toSeconds());
	}

	/** Unmeasured rounds over all of a shape's paths before the first is measured (each then warmed once more). */
	private static final int WARM_UP_ROUNDS = 3;

	private Map<String, Wrk.Result> measureAll(Shape shape, String authUrl, String blogUrl, Dataset data) {
		Map<String, Wrk.Result> results = new LinkedHashMap<>();
		List<Target> targets = targets(authUrl, blogUrl, data);
		// Rounds over every path first: the JIT compiles what they share (filters, security, JSON) before
		// the first measurement, instead of during it. One round was not enough for a JVM that serves a single
		// path of the run (the auth service: /auth/profile/mine alone, since the blog service reuses its
		// authentications): a fresh one rose from 2,900 to 7,900, 18,900 and 27,400 req/s over 5, 5, 10 and
		// 10 s of load on that path.
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			targets.forEach(target -> wrk.warmUp(target.url, target.headers));
		}
		for (Target target : targets) {
			Wrk.Result result = warmAndMeasure(target);
			results.put(target.name, result);
			report.measured(target.name, shape, result);
		}
		return results;
	}

	private List<Target> targets(String authUrl, String blogUrl, Dataset data) {
		Map<String, String> key = Map.of("x-api-key", data.apiKey());
		Map<String, String> author = Map.of("x-api-key", data.apiKey(), "Authorization", "Bearer " + data.authorToken());
		return List.of(new Target("GET /blog/id/{id}", blogUrl + "/blog/id/" + data.blogId(), key),
				new Target("GET /blog/slug/{slug}", blogUrl + "/blog/slug/" + data.blogSlug(), key),
				new Target("GET /auth/profile/mine", authUrl + "/auth/profile/mine", author),
				new Target("GET /blog/author/drafts?page=1&limit=10", blogUrl + "/blog/author/drafts?page=1&limit=10", author),
				new Target(LIST, blogUrl + "/blog/list/latest?page=1&limit=10", key));
	}

	private Wrk.Result warmAndMeasure(Target target) {
		wrk.warmUp(target.url, target.headers);
		return wrk.measure(target.url, target.headers);
	}

	private void memory(String process, long pid) {
		report.memory(process, Health.residentMebibytes(pid) + " MiB");
	}

	private void attempt(String what, Runnable step) {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			report.failed(what, ex);
		}
	}

	/** SIGTERM to every process this JVM started (and theirs), then SIGKILL to what is left after 20 s. */
	private static void stopEveryProcessStarted() {
		List<ProcessHandle> running = ProcessHandle.current().descendants().toList();
		running.forEach(ProcessHandle::destroy);
		for (ProcessHandle process : running) {
			try {
				process.onExit().get(20, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				process.destroyForcibly();
			}
		}
	}
}
