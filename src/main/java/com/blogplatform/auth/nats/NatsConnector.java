package com.blogplatform.auth.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the process's NATS connection and never makes start-up or shutdown wait for NATS: the
 * connection is opened on a background (daemon) thread, retried until the server is there, and
 * reconnects forever after that. Until it is up, {@link #connected()} is {@code null}, so port calls
 * answer "unavailable" at once and the health indicator reports DOWN. {@link #close()} ends it in
 * any state, also while it is still trying to connect.
 */
final class NatsConnector implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NatsConnector.class);

	static final Duration RECONNECT_WAIT = Duration.ofMillis(500);

	private final AtomicReference<Connection> connection = new AtomicReference<>();

	/** Actions waiting for the first connection; guarded by {@code this}. */
	private final List<Consumer<Connection>> pending = new ArrayList<>();

	private final String name;

	private final Thread connecting;

	/** For logging a change of state once, not every retry. */
	private final AtomicReference<ConnectionListener.Events> lastEvent = new AtomicReference<>();

	private final AtomicReference<String> lastProblem = new AtomicReference<>();

	private volatile boolean closed;

	/** Guarded by {@code this}. */
	private boolean everConnected;

	private NatsConnector(String name, Connection existing) {
		this.name = name;
		this.connection.set(existing);
		this.everConnected = true;
		this.connecting = null;
	}

	/** Starts connecting in the background with these options (their listeners are replaced). */
	NatsConnector(String name, Options.Builder options) {
		this.name = name;
		Options built = options.connectionListener(listener()).errorListener(errorListener()).build();
		this.connecting = Thread.ofVirtual().name("nats-connect-" + name).start(() -> connect(built));
	}

	/** A connector around a connection that is already open (tests, tools). */
	static NatsConnector of(Connection open) {
		return new NatsConnector(open.getOptions().getConnectionName(), open);
	}

	/** The connection while it is connected; {@code null} while connecting, reconnecting or closed. */
	Connection connected() {
		Connection current = connection.get();
		return current != null && current.getStatus() == Connection.Status.CONNECTED ? current : null;
	}

	/** Messages the client library dropped because this process did not keep up (slow consumer); 0 before connecting. */
	long droppedMessages() {
		Connection current = connection.get();
		return current == null ? 0 : current.getStatistics().getDroppedCount();
	}

	/** The connection's state, for health: CONNECTED, RECONNECTING, ... or CONNECTING before the first success. */
	synchronized String status() {
		Connection current = connection.get();
		if (closed) {
			return "CLOSED";
		}
		return current == null || !everConnected ? "CONNECTING" : current.getStatus().name();
	}

	/**
	 * Runs {@code action} with the connection once it is first connected (at once if it already
	 * is). Subscriptions made then survive reconnects: jnats re-sends them.
	 */
	void whenConnected(Consumer<Connection> action) {
		synchronized (this) {
			if (!everConnected) {
				pending.add(action);
				return;
			}
		}
		action.accept(connection.get());
	}

	private void connect(Options options) {
		try {
			Connection opened = Nats.connectReconnectOnConnect(options);
			connection.set(opened);
			if (closed) {
				opened.close();
			}
		}
		catch (IOException ex) {
			// With reconnect-on-connect this happens only for a permanent refusal, e.g. bad credentials.
			log.error("NATS connection {} gave up: {}", name, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * While the server is away jnats retries every 500 ms and reports each attempt: log a change of
	 * state once (and the first reason), not every attempt.
	 */
	private ConnectionListener listener() {
		return (current, event) -> {
			// The first event arrives while jnats is still retrying: keep the connection so close() can end it.
			connection.compareAndSet(null, current);
			if (lastEvent.getAndSet(event) != event) {
				log.info("NATS connection {}: {}", name, event);
			}
			// A first connection made after failed attempts is reported as RECONNECTED, not CONNECTED.
			if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) {
				lastProblem.set(null);
				List<Consumer<Connection>> due;
				synchronized (this) {
					everConnected = true;
					due = List.copyOf(pending);
					pending.clear();
				}
				// Not on jnats' callback thread: an action may talk to the server and wait for it.
				due.forEach(action -> Thread.ofVirtual().name("nats-connected-" + name).start(() -> action.accept(current)));
			}
		};
	}

	private ErrorListener errorListener() {
		return new ErrorListener() {

			@Override
			public void errorOccurred(Connection current, String error) {
				// e.g. a permissions violation: the server refused something this service tried.
				log.error("NATS connection {}: server error: {}", name, error);
			}

			@Override
			public void exceptionOccurred(Connection current, Exception ex) {
				// Expected while the server is away: one line, no stack trace, once per outage.
				if (!ex.toString().equals(lastProblem.getAndSet(ex.toString()))) {
					log.warn("NATS connection {}: {} (retrying every {} ms)", name, ex, RECONNECT_WAIT.toMillis());
				}
			}
		};
	}

	@Override
	public void close() {
		closed = true;
		Connection current = connection.get();
		try {
			if (current != null) {
				current.close();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (connecting != null) {
			connecting.interrupt();
		}
	}

	/** Waits for replies still being published, then closes (the responder's last step on shutdown). */
	void flush(Duration patience) {
		Connection current = connected();
		if (current == null) {
			return;
		}
		try {
			current.flush(patience);
		}
		catch (TimeoutException ex) {
			log.warn("NATS connection {}: replies not confirmed within {}", name, patience);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
