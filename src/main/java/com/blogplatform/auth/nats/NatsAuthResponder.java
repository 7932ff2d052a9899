package com.blogplatform.auth.nats;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.shared.tracing.RequestId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import io.nats.service.Group;
import io.nats.service.Service;
import io.nats.service.ServiceEndpoint;
import io.nats.service.ServiceMessage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * The auth service's side of the NATS binding: an ADR-32 service ({@code $SRV.PING/INFO/STATS}
 * discoverable, default queue group {@code q}, so instances share the load) that answers the port's
 * subjects by calling the in-process port. Errors travel in the reference's envelope
 * ({@code "401:..."}) and in the service error headers. An authentication that memory decides (the
 * grant kept by {@code SessionGrants}, or a token refused by its signature or expiry) is answered on
 * the dispatcher's thread; every other request is handled on a virtual thread, so a slow store does
 * not hold up the others.
 * <p>
 * Observed: each request is an observation {@value #OBSERVATION} (a timer by {@code subject} and
 * {@code outcome}, whose count is the requests counter, and a server span) started from the
 * {@code traceparent} in the request's headers, so auth's handling is a child of the caller's span;
 * {@value #ERRORS} counts requests that failed with an exception (answered 500), {@value #DROPS}
 * those never answered: {@code reason=shutting-down} (arrived after the handlers stopped) and
 * {@code reason=slow-consumer} (dropped by the client library because this process fell behind).
 */
class NatsAuthResponder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NatsAuthResponder.class);

	static final String OBSERVATION = "auth.nats.responder";

	static final String ERRORS = "auth.nats.responder.errors";

	static final String DROPS = "auth.nats.responder.drops";

	private static final Headers NO_HEADERS = new Headers();

	private final NatsConnector connector;

	private final AuthPort port;

	private final NatsProperties.Responder settings;

	private final Duration drainTimeout;

	private final ObservationRegistry observations;

	private final MeterRegistry meters;

	private final Counter rejected;

	private volatile ExecutorService handlers;

	private volatile boolean running;

	/** Guarded by {@code this}. */
	private Service service;

	NatsAuthResponder(NatsConnector connector, AuthPort inProcessPort, NatsProperties.Responder settings,
			Duration drainTimeout) {
		this(connector, inProcessPort, settings, drainTimeout, ObservationRegistry.NOOP, new CompositeMeterRegistry());
	}

	NatsAuthResponder(NatsConnector connector, AuthPort inProcessPort, NatsProperties.Responder settings,
			Duration drainTimeout, ObservationRegistry observations, MeterRegistry meters) {
		this.connector = connector;
		this.port = inProcessPort;
		this.settings = settings;
		this.drainTimeout = drainTimeout;
		this.observations = observations;
		this.meters = meters;
		this.rejected = Counter.builder(DROPS).tag("reason", "shutting-down")
			.description("Auth port requests this responder received but did not answer")
			.register(meters);
		FunctionCounter.builder(DROPS, connector, NatsConnector::droppedMessages).tag("reason", "slow-consumer")
			.description("Auth port requests this responder received but did not answer")
			.register(meters);
	}

	/** Registers the endpoints as soon as NATS is connected: at once, or whenever it comes. */
	@Override
	public void start() {
		handlers = Executors.newVirtualThreadPerTaskExecutor();
		running = true;
		connector.whenConnected(this::register);
	}

	private synchronized void register(Connection connection) {
		if (!running || service != null) {
			return;
		}
		Group root = new Group(settings.serviceName());
		service = Service.builder()
			.connection(connection)
			.name(settings.serviceName())
			.version(settings.serviceVersion())
			.drainTimeout(drainTimeout)
			.addServiceEndpoint(endpoint(connection, root, AuthWire.AUTHENTICATION, this::authenticationFromMemory, this::authentication))
			.addServiceEndpoint(endpoint(connection, root, AuthWire.AUTHORIZATION, this::authorization))
			.addServiceEndpoint(endpoint(connection, new Group(settings.serviceName()).appendGroup(new Group(AuthWire.PROFILE_GROUP)),
					AuthWire.PROFILE, this::profile))
			.build();
		service.startService();
		awaitSubscriptionsRegistered(connection);
		log.info("Answering the auth port on NATS as service '{}' {} (id {})", settings.serviceName(),
				settings.serviceVersion(), service.getId());
	}

	/** A round trip to the server, so that a request sent right after start finds the endpoints. */
	private static void awaitSubscriptionsRegistered(Connection connection) {
		if (connection.getStatus() != Connection.Status.CONNECTED) {
			return; // they are registered on (re)connect
		}
		try {
			connection.flush(Duration.ofSeconds(2));
		}
		catch (TimeoutException ex) {
			log.warn("NATS did not confirm the auth endpoints within 2 s; they are registered once it does");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Leaves the queue group without dropping a request (a rolling restart loses nothing): drains
	 * the endpoints (no new requests are routed here, those already delivered are taken), waits for
	 * their answers to be computed and published, then lets the connection close. Runs before the
	 * web server and the database pool shut down (highest lifecycle phase).
	 */
	@Override
	public void stop() {
		running = false;
		Service registered;
		synchronized (this) {
			registered = service;
			service = null;
		}
		if (registered != null) {
			drain(registered);
		}
		ExecutorService finishing = handlers;
		if (finishing != null) {
			finishing.shutdown();
			awaitQuietly(() -> finishing.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS),
					"Auth port requests still running after " + drainTimeout + "; closing anyway");
			connector.flush(Duration.ofSeconds(2));
		}
	}

	/**
	 * Draining needs the server: while it is away there is nothing to drain, and waiting for it
	 * would hold up the shutdown. jnats waits up to the drain timeout per endpoint; the whole drain
	 * gets that long at most.
	 */
	private void drain(Service registered) {
		boolean connected = connector.connected() != null;
		Thread stopping = Thread.ofVirtual().name("nats-drain").start(() -> registered.stop(connected));
		awaitQuietly(() -> stopping.join(drainTimeout),
				"Draining the auth port's NATS endpoints took longer than " + drainTimeout + "; stopping anyway");
		log.info("Stopped answering the auth port on NATS{}", connected ? " (drained)" : " (NATS was away)");
	}

	private static void awaitQuietly(Waiting waiting, String ifNotDone) {
		try {
			if (!waiting.done()) {
				log.warn(ifNotDone);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Waiting {

		boolean done() throws InterruptedException;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private ServiceEndpoint endpoint(Connection connection, Group group, String name, Function<byte[], Outcome> handler) {
		return endpoint(connection, group, name, request -> Optional.empty(), handler);
	}

	/**
	 * An endpoint whose requests {@code fromMemory} may answer on the dispatcher's thread (it never
	 * blocks); those it leaves (empty) go to {@code handler} on a virtual thread of their own.
	 */
	private ServiceEndpoint endpoint(Connection connection, Group group, String name,
			Function<byte[], Optional<Outcome>> fromMemory, Function<byte[], Outcome> handler) {
		// Registered up front, so that a scrape shows 0 rather than nothing.
		Counter errors = Counter.builder(ERRORS).tag("subject", group.getSubject() + "." + name)
			.description("Auth port requests whose handling failed with an exception (answered 500)")
			.register(meters);
		return ServiceEndpoint.builder()
			.group(group)
			.endpointName(name)
			.handler(message -> receive(connection, message, fromMemory, handler, errors))
			.build();
	}

	/**
	 * Handles one request in a server span that continues the caller's trace (the W3C
	 * {@code traceparent} in its headers), with the request id of the caller in the MDC. What memory
	 * answers is answered here, on the dispatcher's thread: a hand-off to another thread and back costs
	 * more than the answer (docs/benchmarks.md). The rest, which may wait for the database, is handed to
	 * a virtual thread, so a slow store holds up no other request; the span runs until it is answered.
	 */
	private void receive(Connection connection, ServiceMessage message, Function<byte[], Optional<Outcome>> fromMemory,
			Function<byte[], Outcome> handler, Counter errors) {
		Headers incoming = message.hasHeaders() ? message.getHeaders() : NO_HEADERS;
		String requestId = RequestId.adoptOrCreate(incoming.getFirst(RequestId.HEADER));
		ReceiverContext<Headers> context = new ReceiverContext<>(Headers::getFirst, Kind.SERVER);
		context.setCarrier(incoming);
		Observation observation = Observation.createNotStarted(OBSERVATION, () -> context, observations)
			.contextualName(message.getSubject() + " process")
			.lowCardinalityKeyValue("subject", message.getSubject())
			.start();
		Optional<Outcome> known;
		MDC.put(RequestId.MDC_KEY, requestId);
		try (Observation.Scope scope = observation.openScope()) {
			known = answerable(fromMemory, message);
			if (known.isPresent()) {
				answer(connection, message, request -> known.get(), observation, errors);
			}
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
		}
		if (known.isPresent()) {
			observation.stop();
			return;
		}
		try {
			handlers.execute(() -> handle(connection, message, handler, requestId, observation, errors));
		}
		catch (RejectedExecutionException ex) {
			// Only while stopping: the drain let it through after the handlers were closed; the caller times out.
			rejected.increment();
			observation.lowCardinalityKeyValue("outcome", "not-answered");
			observation.stop();
			log.warn("{} arrived while stopping; not answered", message.getSubject());
		}
	}

	/** What memory answers; empty if it threw too: the handler then tries again and answers a failure as it would. */
	private static Optional<Outcome> answerable(Function<byte[], Optional<Outcome>> fromMemory, ServiceMessage message) {
		try {
			return fromMemory.apply(message.getData());
		}
		catch (RuntimeException ex) {
			log.debug("{} not answered from memory: {}", message.getSubject(), ex.toString());
			return Optional.empty();
		}
	}

	private void handle(Connection connection, ServiceMessage message, Function<byte[], Outcome> handler, String requestId,
			Observation observation, Counter errors) {
		MDC.put(RequestId.MDC_KEY, requestId);
		try (Observation.Scope scope = observation.openScope()) {
			answer(connection, message, handler, observation, errors);
		}
		finally {
			observation.stop();
			MDC.remove(RequestId.MDC_KEY);
		}
	}

	/** Computes and sends the answer, in the request's span; a failure is answered 500 and counted. */
	private void answer(Connection connection, ServiceMessage message, Function<byte[], Outcome> handler,
			Observation observation, Counter errors) {
		try {
			Outcome outcome = handler.apply(message.getData());
			observation.lowCardinalityKeyValue("outcome", outcome.tag());
			if (outcome.failure() == null) {
				log.debug("{} answered", message.getSubject());
				Headers reuse = AuthWire.reuseHeaders(outcome.reuse());
				if (reuse == null) {
					message.respond(connection, AuthWire.success(outcome.data()));
				}
				else {
					message.respond(connection, AuthWire.success(outcome.data()), reuse);
				}
			}
			else {
				log.debug("{} answered {}", message.getSubject(), outcome.failure().status());
				Headers headers = new Headers()
					.put(ServiceMessage.NATS_SERVICE_ERROR, outcome.failure().message())
					.put(ServiceMessage.NATS_SERVICE_ERROR_CODE, String.valueOf(outcome.failure().status()));
				message.respond(connection, AuthWire.failure(outcome.failure()), headers);
			}
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", "error");
			observation.error(ex);
			errors.increment();
			log.error("Failed to answer {}", message.getSubject(), ex);
			message.respond(connection, AuthWire.failure(new AuthWire.Failure(500, "internal error")));
		}
	}

	/** What the in-process port answers at once, from memory alone. */
	private Optional<Outcome> authenticationFromMemory(byte[] request) {
		return value(request).flatMap(header -> port.authenticateWithoutBlocking(header).map(result -> authenticated(header, result)));
	}

	private Outcome authentication(byte[] request) {
		return value(request).map(header -> authenticated(header, port.authenticate(header)))
			.orElseGet(() -> Outcome.failed(400, "value is required"));
	}

	/** A granted authentication may be reused by the caller for as long as the port allows ({@link AuthWire#REUSE}). */
	private Outcome authenticated(String header, AuthResult result) {
		Outcome outcome = result(result);
		return result instanceof AuthResult.Authenticated ? outcome.reusableFor(port.authenticationReuse(header)) : outcome;
	}

	private Outcome authorization(byte[] request) {
		AuthWire.Envelope envelope = AuthWire.decode(request);
		if (envelope.failed()) {
			return Outcome.failed(envelope.failure());
		}
		AuthWire.Authorization authorization = envelope.data(AuthWire.Authorization.class);
		if (authorization.user() == null || authorization.user().id() == null) {
			return Outcome.failed(400, "user is required");
		}
		if (authorization.roles() == null) {
			return Outcome.failed(400, "roles is required");
		}
		Optional<UUID> id = uuid(authorization.user().id());
		if (id.isEmpty()) {
			return Outcome.failed(400, "id must be a valid UUID");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		authorization.roles().forEach(code -> Role.fromCode(code).ifPresent(roles::add));
		if (roles.isEmpty() && !authorization.roles().isEmpty()) {
			return Outcome.failed(403, "permission denied: does not have suffient role");
		}
		return result(port.authorize(id.get(), roles));
	}

	private Outcome profile(byte[] request) {
		Optional<String> value = value(request);
		if (value.isEmpty()) {
			return Outcome.failed(400, "value is required");
		}
		Optional<UUID> id = uuid(value.get());
		if (id.isEmpty()) {
			return Outcome.failed(400, "id must be a valid UUID");
		}
		return switch (port.findProfile(id.get())) {
			case ProfileResult.Found found -> Outcome.answered(AuthWire.User.of(found.profile()));
			case ProfileResult.NotFound notFound -> Outcome.failed(404, "user does not exists");
			case ProfileResult.Unavailable unavailable -> Outcome.failed(503, unavailable.reason());
		};
	}

	private static Outcome result(AuthResult result) {
		return switch (result) {
			case AuthResult.Authenticated authenticated -> Outcome.answered(AuthWire.User.of(authenticated.user()));
			case AuthResult.Unauthenticated unauthenticated -> Outcome.failed(401, unauthenticated.reason());
			case AuthResult.Forbidden forbidden -> Outcome.failed(403, forbidden.reason());
			case AuthResult.Unavailable unavailable -> Outcome.failed(503, unavailable.reason());
		};
	}

	private static Optional<String> value(byte[] request) {
		AuthWire.Envelope envelope = AuthWire.decode(request);
		if (envelope.failed()) {
			return Optional.empty();
		}
		String value = envelope.data(AuthWire.Value.class).value();
		return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private record Outcome(Object data, AuthWire.Failure failure, Duration reuse) {

		Outcome reusableFor(Duration allowed) {
			return new Outcome(data, failure, allowed);
		}

		/** The {@code outcome} tag: {@code ok}, or what the error status means. */
		String tag() {
			if (failure == null) {
				return "ok";
			}
			return switch (failure.status()) {
				case 400 -> "invalid";
				case 401 -> "unauthenticated";
				case 403 -> "forbidden";
				case 404 -> "not-found";
				case 503 -> "unavailable";
				default -> "error";
			};
		}

		static Outcome answered(Object data) {
			return new Outcome(data, null, Duration.ZERO);
		}

		static Outcome failed(int status, String message) {
			return failed(new AuthWire.Failure(status, message));
		}

		static Outcome failed(AuthWire.Failure failure) {
			return new Outcome(null, failure, Duration.ZERO);
		}
	}
}
