package com.blogplatform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Kong does for the load-balanced split, as far as the tests need it: round-robin over the
 * instances of one upstream that are up, an active health check ({@code /actuator/health/readiness}
 * every 200 ms; down after two failures, as Kong's active checks count them), and, like Kong's
 * {@code retries}, a request whose
 * connection fails (refused, reset) is sent to the next instance and the failed one is taken out
 * until its health check passes again. A request that got an HTTP answer is never retried.
 */
public final class Gateway implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final List<ServiceJar> instances;

	private final Map<ServiceJar, Boolean> up = new ConcurrentHashMap<>();

	private final AtomicInteger next = new AtomicInteger();

	/** Requests that were sent again to another instance after a connection failure. */
	public final AtomicLong retried = new AtomicLong();

	private final Thread checker;

	private volatile boolean closed;

	public Gateway(List<ServiceJar> instances) {
		this.instances = List.copyOf(instances);
		instances.forEach(instance -> up.put(instance, true));
		checker = Thread.ofVirtual().name("gateway-health").start(this::checkHealth);
	}

	public List<ServiceJar> instances() {
		return instances;
	}

	/** GET through the gateway; status 0 when no instance could be reached at all. */
	public Answer get(String path, Map<String, String> headers) {
		long started = System.nanoTime();
		for (int attempt = 0; attempt < 3; attempt++) {
			ServiceJar target = pick();
			if (target == null) {
				Processes.pause(Duration.ofMillis(50));
				continue;
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).timeout(Duration.ofSeconds(10));
			headers.forEach(request::header);
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Answer(response.statusCode(), response.body(), target, Duration.ofNanos(System.nanoTime() - started));
			}
			catch (IOException connectionFailed) {
				up.put(target, false);
				retried.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new Answer(0, "no instance reachable", null, Duration.ofNanos(System.nanoTime() - started));
	}

	/** Takes an instance out of rotation before it is stopped, as a drained target would be. */
	public void markDown(ServiceJar instance) {
		up.put(instance, false);
	}

	private ServiceJar pick() {
		int start = Math.floorMod(next.getAndIncrement(), instances.size());
		for (int i = 0; i < instances.size(); i++) {
			ServiceJar candidate = instances.get((start + i) % instances.size());
			if (up.getOrDefault(candidate, false)) {
				return candidate;
			}
		}
		return null;
	}

	/** Like Kong's active checks: down after two failed probes in a row, up again after one success. */
	private void checkHealth() {
		Map<ServiceJar, Integer> failures = new ConcurrentHashMap<>();
		while (!closed) {
			for (ServiceJar instance : instances) {
				if (ready(instance)) {
					failures.put(instance, 0);
					up.put(instance, true);
				}
				else if (failures.merge(instance, 1, Integer::sum) >= 2) {
					up.put(instance, false);
				}
			}
			Processes.pause(Duration.ofMillis(150 + ThreadLocalRandom.current().nextInt(100)));
		}
	}

	private boolean ready(ServiceJar instance) {
		try {
			HttpRequest probe = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		closed = true;
		checker.interrupt();
	}

	/** One answered request: status, body, which instance answered and how long it took in all. */
	public record Answer(int status, String body, ServiceJar instance, Duration took) {
	}
}
