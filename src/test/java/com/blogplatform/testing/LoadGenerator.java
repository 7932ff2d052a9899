package com.blogplatform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A bounded load for system tests (not a benchmark): a few workers send the given requests in
 * turn through their {@link Gateway}s, with a short pause between requests, and record every
 * answer with its time. It stops when told, or by itself after {@code limit}.
 */
public final class LoadGenerator implements AutoCloseable {

	/** One kind of request: a GET of {@code path} through {@code gateway}. */
	public record Request(String name, Gateway gateway, String path, Map<String, String> headers) {
	}

	/** One answer: when it came (nanoTime), to which request, with what status, after how long. */
	public record Sample(long at, String request, int status, Duration took, String instance) {
	}

	private final List<Request> requests;

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private final List<Thread> workers = new ArrayList<>();

	private final Duration pause;

	private final long deadline;

	private volatile boolean stopped;

	public LoadGenerator(List<Request> requests, int workers, Duration pause, Duration limit) {
		this.requests = List.copyOf(requests);
		this.pause = pause;
		this.deadline = System.nanoTime() + limit.toNanos();
		for (int i = 0; i < workers; i++) {
			int offset = i;
			this.workers.add(Thread.ofVirtual().name("load-" + i).unstarted(() -> run(offset)));
		}
	}

	public LoadGenerator start() {
		workers.forEach(Thread::start);
		return this;
	}

	private void run(int offset) {
		for (long n = offset; !stopped && System.nanoTime() < deadline; n++) {
			Request request = requests.get((int) (n % requests.size()));
			Gateway.Answer answer = request.gateway().get(request.path(), request.headers());
			samples.add(new Sample(System.nanoTime(), request.name(), answer.status(), answer.took(),
					answer.instance() == null ? "-" : answer.instance().baseUrl()));
			Processes.pause(pause);
		}
	}

	/** The answers that came between two {@link System#nanoTime()} readings. */
	public List<Sample> between(long from, long to) {
		return samples.stream().filter(sample -> sample.at() >= from && sample.at() < to).toList();
	}

	@Override
	public void close() {
		stopped = true;
		for (Thread worker : workers) {
			try {
				worker.join(Duration.ofSeconds(15));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** "N requests; 200: a, 503: b" for the samples that match. */
	public static String summary(List<Sample> samples, Predicate<Sample> which) {
		List<Sample> chosen = samples.stream().filter(which).toList();
		Map<Integer, Long> byStatus = chosen.stream()
			.collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
		return chosen.size() + " requests; by status " + byStatus;
	}

	public static long failures(List<Sample> samples) {
		return samples.stream().filter(sample -> sample.status() != 200).count();
	}
}
