package com.blogplatform.auth.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit table, written off the request thread: events wait in a bounded queue and one writer
 * thread inserts them in batches, so a flood of bad sign-ins costs the connection pool at most one
 * connection, and never makes a request wait. When the queue is full the row is dropped (the log
 * line exists regardless) and a warning says how many, at most once a minute.
 * <p>
 * Why not Spring Modulith's event publication registry: it writes a row per event in the
 * publishing transaction, on the request thread, which is exactly the load this must not add.
 */
@Component
class AuditTrail implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final long WARN_EVERY = Duration.ofMinutes(1).toNanos();

	static final String INSERT = "INSERT INTO security_audit (at, action, outcome, user_id, account, client_address,"
			+ " request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final BlockingQueue<SecurityEvent> queue;

	private final int batchSize;

	/** Appended and not yet written (or given up on): lets {@link #flush} wait for the writer. */
	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY);

	private volatile Thread writer;

	AuditTrail(JdbcTemplate jdbc, AuditProperties properties) {
		this.jdbc = jdbc;
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.batchSize = properties.batchSize();
	}

	/** Queues the event's row; never blocks. */
	void append(SecurityEvent event) {
		pending.incrementAndGet();
		if (!queue.offer(event)) {
			pending.decrementAndGet();
			dropped.incrementAndGet();
			warnAtMostOncePerMinute();
		}
	}

	/** Waits until every row appended so far is written (tests and shutdown). */
	boolean flush(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (pending.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(5);
		}
		return true;
	}

	private void run() {
		List<SecurityEvent> batch = new ArrayList<>(batchSize);
		while (!Thread.currentThread().isInterrupted()) {
			try {
				SecurityEvent first = queue.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, batchSize - 1);
				write(batch);
			}
			catch (InterruptedException stopping) {
				Thread.currentThread().interrupt();
			}
			finally {
				pending.addAndGet(-batch.size());
				batch.clear();
			}
		}
	}

	private void write(List<SecurityEvent> batch) {
		try {
			jdbc.batchUpdate(INSERT, batch, batch.size(), (statement, event) -> {
				statement.setTimestamp(1, Timestamp.from(event.at()));
				statement.setString(2, event.action().name());
				statement.setString(3, event.outcome().name());
				statement.setObject(4, event.userId(), Types.OTHER);
				statement.setString(5, bounded(event.account(), 64));
				statement.setString(6, bounded(event.clientAddress(), 64));
				statement.setString(7, bounded(event.requestId(), 128));
				statement.setString(8, bounded(event.detail(), 200));
			});
		}
		catch (DataAccessException ex) {
			failed.addAndGet(batch.size());
			warnAtMostOncePerMinute();
			log.debug("Audit rows not written", ex);
		}
	}

	private void warnAtMostOncePerMinute() {
		long last = lastWarning.get();
		long now = System.nanoTime();
		if (now - last >= WARN_EVERY && lastWarning.compareAndSet(last, now)) {
			log.warn("Security audit rows lost: {} dropped (queue full), {} not written (database error) since the last warning;"
					+ " the security log lines are complete", dropped.getAndSet(0), failed.getAndSet(0));
		}
	}

	private static String bounded(String value, int length) {
		return value == null || value.length() <= length ? value : value.substring(0, length);
	}

	@Override
	public void start() {
		writer = Thread.ofPlatform().name("security-audit-writer").daemon().start(this::run);
	}

	/** After the web server (a lower phase stops later): the rows of the last requests are written. */
	@Override
	public void stop() {
		Thread running = writer;
		if (running == null) {
			return;
		}
		try {
			if (!flush(Duration.ofSeconds(5))) {
				log.warn("Security audit: {} row(s) not written at shutdown", pending.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		running.interrupt();
		writer = null;
	}

	@Override
	public boolean isRunning() {
		return writer != null;
	}

	@Override
	public int getPhase() {
		return 0;
	}
}
