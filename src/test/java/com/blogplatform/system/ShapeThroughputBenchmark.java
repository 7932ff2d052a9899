package com.blogplatform.system;

import static com.blogplatform.testing.BenchmarkReport.line;
import static com.blogplatform.testing.BenchmarkReport.micros;
import static com.blogplatform.testing.BenchmarkReport.percentile;

import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.ServiceJar;
import com.blogplatform.testing.Users;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Throughput of a protected blog endpoint ({@code GET /blog/author/drafts}: the port's authenticate,
 * then a MongoDB query) in the single jar and in the split services, each a process of its own on
 * this machine, driven by the same closed-loop load. The shapes take turns, twice, so noise on the
 * shared machine falls on both; the load generator shares the machine's cores with the servers.
 */
@Tag("benchmark")
class ShapeThroughputBenchmark {

	private static final int CLIENTS = 16;

	private static final Duration WARM_UP = Duration.ofSeconds(8);

	private static final Duration MEASURED = Duration.ofSeconds(10);

	private static final String PATH = "/blog/author/drafts?page=1&limit=10";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
	void protectedEndpointSingleJarVersusSplitServices() throws Exception {
		Path work = Path.of("target", "benchmark", UUID.randomUUID().toString()).toAbsolutePath();
		try (ServerProcess nats = ServerProcess.nats().start();
				ServiceJar single = ServiceJar.of("blog-platform", work.resolve("single"), Map.of()).fullSpeed().start();
				ServiceJar auth = ServiceJar.of("auth-service", work.resolve("auth"), Map.of("NATS_URL", nats.url())).fullSpeed().start();
				ServiceJar blog = ServiceJar.of("blog-service", work.resolve("blog"), Map.of("NATS_URL", nats.url())).fullSpeed().start()) {
			String singleToken = author(new ApiClient(single.baseUrl()));
			String splitToken = author(new ApiClient(auth.baseUrl()));

			run(single.baseUrl(), singleToken, WARM_UP);
			run(blog.baseUrl(), splitToken, WARM_UP);
			Result singleResult = Result.EMPTY;
			Result splitResult = Result.EMPTY;
			for (int round = 0; round < 2; round++) {
				singleResult = singleResult.plus(run(single.baseUrl(), singleToken, MEASURED));
				splitResult = splitResult.plus(run(blog.baseUrl(), splitToken, MEASURED));
			}

			line("");
			line("### GET " + PATH + " (" + CLIENTS + " concurrent clients, 2 x " + MEASURED.toSeconds() + " s per shape)");
			line("");
			line("| shape | requests/s | p50 | p99 | errors |");
			line("|---|---|---|---|---|");
			line(singleResult.row("single jar (port in-process)"));
			line(splitResult.row("split services (port over NATS)"));
			line(String.format("| split / single | %.2fx | %.2fx | %.2fx | |", splitResult.perSecond() / singleResult.perSecond(),
					(double) splitResult.p50() / singleResult.p50(), (double) splitResult.p99() / singleResult.p99()));
		}
	}

	/** Signs up a user who may write, and returns its access token. */
	private static String author(ApiClient auth) {
		return Users.withRoles(auth, "AUTHOR").accessToken();
	}

	private Result run(String baseUrl, String token, Duration duration) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH))
			.header("x-api-key", ApiClient.DEV_API_KEY)
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build();
		long end = System.nanoTime() + duration.toNanos();
		AtomicLong errors = new AtomicLong();
		List<Future<List<Long>>> clients = new ArrayList<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < CLIENTS; i++) {
				clients.add(pool.submit(() -> {
					List<Long> latencies = new ArrayList<>();
					while (System.nanoTime() < end) {
						long started = System.nanoTime();
						try {
							if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
								errors.incrementAndGet();
							}
						}
						catch (IOException ex) {
							errors.incrementAndGet();
						}
						latencies.add(System.nanoTime() - started);
					}
					return latencies;
				}));
			}
		}
		long[] samples = clients.stream().flatMap(client -> client.resultNow().stream()).mapToLong(Long::longValue).toArray();
		return new Result(samples, errors.get(), duration.toNanos());
	}

	private record Result(long[] samples, long errors, long nanos) {

		static final Result EMPTY = new Result(new long[0], 0, 0);

		Result plus(Result other) {
			long[] all = new long[samples.length + other.samples.length];
			System.arraycopy(samples, 0, all, 0, samples.length);
			System.arraycopy(other.samples, 0, all, samples.length, other.samples.length);
			return new Result(all, errors + other.errors, nanos + other.nanos);
		}

		double perSecond() {
			return samples.length / (nanos / 1e9);
		}

		long p50() {
			return percentile(samples.clone(), 50);
		}

		long p99() {
			return percentile(samples.clone(), 99);
		}

		String row(String shape) {
			return String.format("| %s | %.0f | %s | %s | %d |", shape, perSecond(), micros(p50()), micros(p99()), errors);
		}
	}
}
