package com.blogplatform.auth.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The grants of access tokens authenticated lately ({@link SessionGrant}), kept in this instance's memory
 * so that an authenticated request needs no query, without weakening revocation: a signed-out, rotated
 * or revoked session, a changed user or role is refused or seen on the next request on every instance.
 * <ol>
 * <li>Every change of the rows a grant is read from notifies channel {@value #CHANNEL} with the user's
 * id when its transaction commits (the triggers of migration V7, which no code path can forget).</li>
 * <li>Each instance listens on a connection of its own and drops that user's grants.</li>
 * <li>The instance that committed (a transaction of the data source in which a trigger fired: this is
 * a {@link TransactionExecutionListener}) then asks every listening instance to confirm, with a
 * notification that PostgreSQL delivers after the change's (commit order), and returns once all did,
 * or after {@link #FRESHNESS}.</li>
 * <li>An instance uses its grants only while its listening connection completed a round trip begun
 * less than {@link #FRESHNESS} ago: a round trip delivers every notification committed before it. So
 * an instance that did not confirm in time has stopped using its grants by the time the change is
 * answered; one whose connection is lost reads every grant from the database until it listens again,
 * and then drops them all.</li>
 * </ol>
 * A grant read while a notification arrives is not kept (the same guard as blog's near caches); none is
 * kept longer than {@link #TTL}, nor used past its session's expiry.
 * <p>
 * Where another service may reuse an authentication for a while ({@link SessionProperties#remoteReuse},
 * the blog service behind NATS), the change is answered only once that long has passed after the
 * instances confirmed: every answer that still granted was asked for before then, so every reuse of it
 * has ended when the change is answered.
 */
@Component
final class SessionGrants implements SmartLifecycle, TransactionExecutionListener {

	static final String CHANNEL = "auth_grants";

	/** The {@code application_name} of the listening connections: how many there are is how many confirm. */
	static final String LISTENER = "auth-grant-listener";

	/** A bound on memory, not on staleness: a grant kept is dropped by the change that ends it. */
	static final Duration TTL = Duration.ofSeconds(30);

	/** How old the listening connection's last round trip may be while grants are used. */
	static final Duration FRESHNESS = Duration.ofMillis(500);

	private static final long FRESHNESS_NANOS = FRESHNESS.toNanos();

	/** How often the listening connection makes a round trip. */
	static final Duration ROUND_TRIP = Duration.ofMillis(100);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private static final String SYNC = "sync:";

	private static final String ACK = "ack:";

	private static final String EVERYONE = "*";

	private static final Logger log = LoggerFactory.getLogger(SessionGrants.class);

	private record Key(UUID userId, String accessId) {
	}

	private final Cache<Key, SessionGrant> grants = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(TTL)
		.build();

	private final AtomicLong invalidations = new AtomicLong();

	/** Set between {@link #beforeCommit} and {@link #afterCommit} of a transaction that changed a grant. */
	private final ThreadLocal<Boolean> changedGrants = new ThreadLocal<>();

	private final AtomicLong sent = new AtomicLong();

	private final Map<String, Confirmations> confirming = new ConcurrentHashMap<>();

	private final String instance = UUID.randomUUID().toString();

	private final SessionGrant.Query query;

	private final DataSource dataSource;

	private final JdbcConnectionDetails database;

	private final long remoteReuseNanos;

	/** {@link System#nanoTime()} when the last completed round trip began; {@link #NEVER} while not listening. */
	private volatile long syncedAt = NEVER;

	private static final long NEVER = Long.MIN_VALUE;

	private volatile boolean running;

	private Thread listener;

	SessionGrants(SessionGrant.Query query, DataSource dataSource, JdbcConnectionDetails database, SessionProperties properties) {
		this.query = query;
		this.dataSource = dataSource;
		this.database = database;
		this.remoteReuseNanos = properties.remoteReuse().toNanos();
	}

	/** The grant of the user's access token {@code accessId}: kept in memory while it may be, else read. */
	Optional<SessionGrant> find(UUID userId, String accessId, Instant now) {
		Optional<SessionGrant> kept = findKept(userId, accessId, now);
		if (kept.isPresent()) {
			return kept;
		}
		Key key = new Key(userId, accessId);
		long seen = invalidations.get();
		Optional<SessionGrant> read = query.find(userId, accessId, now);
		if (read.isPresent() && read.get().sessionActive() && listening() && invalidations.get() == seen) {
			grants.put(key, read.get());
			if (invalidations.get() != seen) {
				grants.invalidate(key);
			}
		}
		return read;
	}

	/**
	 * The grant of the user's access token {@code accessId} if it is kept in memory and may be used now;
	 * empty when only the database can tell. Never blocks.
	 */
	Optional<SessionGrant> findKept(UUID userId, String accessId, Instant now) {
		if (!listening()) {
			return Optional.empty();
		}
		SessionGrant kept = grants.getIfPresent(new Key(userId, accessId));
		return kept != null && kept.sessionExpiresAt().isAfter(now) ? Optional.of(kept) : Optional.empty();
	}

	/** How many times this instance asked the others to confirm a change. */
	long confirmationRequests() {
		return sent.get();
	}

	/** Whether grants are used now: the listening connection's last round trip is recent enough. */
	boolean listening() {
		long synced = syncedAt;
		return synced != NEVER && System.nanoTime() - synced < FRESHNESS_NANOS;
	}

	/** Whether the transaction about to commit changed a grant (the triggers say so in a setting of its own). */
	@Override
	public void beforeCommit(TransactionExecution transaction) {
		changedGrants.remove();
		if (transaction.isReadOnly() || !running) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT current_setting('auth.grants_changed', true)")) {
			if (rows.next() && "on".equals(rows.getString(1))) {
				changedGrants.set(Boolean.TRUE);
			}
		}
		catch (SQLException ex) {
			changedGrants.set(Boolean.TRUE); // cannot tell: confirm as if it had
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A change of grants committed: every listening instance has dropped what it changed when this returns. */
	@Override
	public void afterCommit(TransactionExecution transaction, Throwable failure) {
		boolean changed = changedGrants.get() != null;
		changedGrants.remove();
		if (changed && failure == null && running) {
			awaitConfirmations();
			awaitRemoteReuse();
		}
	}

	/**
	 * Outlasts every reuse of an answer given before the instances confirmed: another service counts its
	 * reuse from the moment it asked, which was before the answer, so before now.
	 */
	private void awaitRemoteReuse() {
		if (remoteReuseNanos <= 0) {
			return;
		}
		long deadline = System.nanoTime() + remoteReuseNanos;
		for (long left = remoteReuseNanos; left > 0; left = deadline - System.nanoTime()) {
			LockSupport.parkNanos(this, left); // a late confirmation may unpark this thread early
		}
	}

	@Override
	public void afterRollback(TransactionExecution transaction, Throwable failure) {
		changedGrants.remove();
	}

	/** How many instances were listening when a change was committed, and how many confirmed in time. */
	record Confirmed(long listening, long confirmed) {
	}

	Confirmed awaitConfirmations() {
		long started = System.nanoTime();
		long deadline = started + FRESHNESS_NANOS;
		String token = instance + ":" + sent.incrementAndGet();
		Confirmations confirmations = new Confirmations(Thread.currentThread());
		confirming.put(token, confirmations);
		try {
			long listeners = askToConfirm(token);
			while (confirmations.count.get() < listeners && System.nanoTime() < deadline) {
				LockSupport.parkNanos(this, Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(10)));
			}
			if (log.isDebugEnabled()) {
				log.debug("{} of {} instances confirmed a change of sessions in {} µs", confirmations.count.get(), listeners,
						(System.nanoTime() - started) / 1_000);
			}
			if (confirmations.count.get() < listeners) {
				log.info("{} of {} instances confirmed a change of sessions within {} ms; the others no longer use their grants",
						confirmations.count.get(), listeners, FRESHNESS.toMillis());
			}
			return new Confirmed(listeners, confirmations.count.get());
		}
		catch (SQLException | RuntimeException ex) {
			// The change is committed and notified; no instance uses a grant once FRESHNESS has passed.
			log.warn("Could not ask the instances to confirm a change of sessions ({}); waiting {} ms instead", ex.toString(),
					FRESHNESS.toMillis());
			LockSupport.parkNanos(this, Math.max(0, deadline - System.nanoTime()));
			return new Confirmed(0, 0);
		}
		finally {
			confirming.remove(token);
		}
	}

	/**
	 * Sends the request on a connection of its own (the committed transaction's one is still bound to
	 * this thread, in manual commit mode) and counts the instances that will answer it.
	 */
	private long askToConfirm(String token) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("""
						SELECT (SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database())
						FROM (SELECT pg_notify(?, ?)) AS sent""")) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			statement.setString(1, LISTENER);
			statement.setString(2, CHANNEL);
			statement.setString(3, SYNC + token);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	@Override
	public synchronized void start() {
		running = true;
		listener = Thread.ofVirtual().name("auth-grant-listener").start(this::listen);
	}

	@Override
	public synchronized void stop() {
		running = false;
		syncedAt = NEVER;
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			listener = null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		boolean failed = false;
		while (running) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				PGConnection notifications = connection.unwrap(PGConnection.class);
				statement.execute("LISTEN " + CHANNEL);
				statement.execute("SET application_name = '" + LISTENER + "'");
				dropAll(); // changes made while not listening were missed
				if (failed) {
					log.info("Listening on {} again: authenticated requests use the grants kept in memory", CHANNEL);
					failed = false;
				}
				while (running) {
					long began = System.nanoTime();
					statement.execute("SELECT 1");
					handle(statement, notifications.getNotifications());
					syncedAt = began;
					handle(statement, notifications.getNotifications((int) ROUND_TRIP.toMillis()));
				}
			}
			catch (SQLException | RuntimeException ex) {
				syncedAt = NEVER;
				if (!running) {
					return;
				}
				if (!failed) {
					log.warn("Not listening on {} ({}); authenticated requests read their grant from the database until it is, "
							+ "retrying every {} ms", CHANNEL, ex.toString(), RETRY.toMillis());
					failed = true;
				}
			}
			try {
				Thread.sleep(RETRY);
			}
			catch (InterruptedException stopped) {
				return;
			}
		}
	}

	/** In the order they were committed: a request to confirm comes after the changes before it. */
	private void handle(Statement statement, PGNotification[] received) throws SQLException {
		if (received == null) {
			return;
		}
		for (PGNotification notification : received) {
			String payload = notification.getParameter();
			if (payload.startsWith(SYNC)) {
				confirm(statement.getConnection(), payload.substring(SYNC.length()));
			}
			else if (payload.startsWith(ACK)) {
				Confirmations confirmations = confirming.get(payload.substring(ACK.length()));
				if (confirmations != null) {
					confirmations.add();
				}
			}
			else if (payload.equals(EVERYONE)) {
				dropAll();
			}
			else {
				drop(payload);
			}
		}
	}

	private static void confirm(Connection connection, String token) throws SQLException {
		try (PreparedStatement ack = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
			ack.setString(1, CHANNEL);
			ack.setString(2, ACK + token);
			ack.execute();
		}
	}

	private void drop(String userId) {
		invalidations.incrementAndGet();
		UUID id;
		try {
			id = UUID.fromString(userId);
		}
		catch (IllegalArgumentException ex) {
			dropAll();
			return;
		}
		grants.asMap().keySet().removeIf(key -> key.userId().equals(id));
	}

	private void dropAll() {
		invalidations.incrementAndGet();
		grants.invalidateAll();
	}

	private Connection connect() throws SQLException {
		var source = new PGSimpleDataSource();
		source.setURL(database.getJdbcUrl());
		source.setUser(database.getUsername());
		source.setPassword(database.getPassword());
		source.setConnectTimeout(2);
		source.setSocketTimeout(5);
		source.setTcpKeepAlive(true);
		return source.getConnection();
	}

	/** The confirmations of one request, and the thread waiting for them. */
	private static final class Confirmations {

		final AtomicInteger count = new AtomicInteger();

		final Thread waiting;

		Confirmations(Thread waiting) {
			this.waiting = waiting;
		}

		void add() {
			count.incrementAndGet();
			LockSupport.unpark(waiting);
		}
	}
}
