package com.blogplatform.auth.nats;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthPortObservation;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.shared.tracing.RequestId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The port bound to NATS request/reply: what the blog service uses to reach the auth service.
 * <p>
 * Every call is one request with a hard timeout (default 500 ms). A disconnected client, no
 * responders and a timeout all answer {@link AuthResult.Unavailable} — at once when the
 * connection is down — so the caller answers 503, never 401 and never a hang. The connection
 * reconnects by itself.
 * <p>
 * Each call is an {@link AuthPortObservation} (binding {@value AuthPortObservation#NATS}) whose
 * context is a {@link SenderContext} over the request's NATS headers: the tracing handler opens a
 * client span and writes its W3C {@code traceparent} into them, so the responder's handling joins the
 * caller's trace. jnats has no instrumentation of its own; this is all of it on the requesting side.
 * <p>
 * A granted authentication whose reply allows it ({@link AuthWire#REUSE}, at most
 * {@link AuthWire#MAX_REUSE}) is reused for the same {@code Authorization} header until that long after
 * it was asked for, without a call and without an observation ({@link #reusedAnswers()} counts them).
 * The auth service answers every change that ends or alters a grant only once such a reuse is over, so a
 * signed-out or rotated token is refused here on the next request all the same. Replies without the
 * header (the reference's Go auth) are never reused.
 */
public class NatsAuthPort implements AuthPort {

	private static final Logger log = LoggerFactory.getLogger(NatsAuthPort.class);

	private final NatsConnector connector;

	private final Duration timeout;

	private final String service;

	private final ObservationRegistry observations;

	/** Granted authentications by {@code Authorization} header, each until its reuse ends. */
	private final Cache<String, Reusable> reusable = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(AuthWire.MAX_REUSE)
		.build();

	private final LongAdder reused = new LongAdder();

	NatsAuthPort(NatsConnector connector, Duration timeout, String service) {
		this(connector, timeout, service, ObservationRegistry.NOOP);
	}

	NatsAuthPort(NatsConnector connector, Duration timeout, String service, ObservationRegistry observations) {
		this.connector = connector;
		this.timeout = timeout;
		this.service = service;
		this.observations = observations;
	}

	@Override
	public AuthResult authenticate(String authorizationHeader) {
		if (authorizationHeader != null) {
			Reusable kept = reusable.getIfPresent(authorizationHeader);
			if (kept != null && kept.until() - System.nanoTime() > 0) {
				reused.increment();
				return kept.answer();
			}
		}
		return observe(AuthPortObservation.AUTHENTICATE, headers -> {
			if (authorizationHeader == null || authorizationHeader.isEmpty()) {
				return new AuthResult.Unauthenticated("permission denied: missing Authorization");
			}
			long asked = System.nanoTime(); // a reuse counts from here: before auth decided
			Reply reply = call(AuthWire.subject(service, AuthWire.AUTHENTICATION), new AuthWire.Value(authorizationHeader), headers);
			AuthResult result = reply.fold(this::authenticated, NatsAuthPort::refused, AuthResult.Unavailable::new);
			if (result instanceof AuthResult.Authenticated granted && reply.reuse().isPositive()) {
				reusable.put(authorizationHeader, new Reusable(granted, asked + reply.reuse().toNanos()));
			}
			else if (result instanceof AuthResult.Unauthenticated) {
				reusable.invalidate(authorizationHeader);
			}
			return result;
		});
	}

	/** How many authentications were answered by reusing an earlier answer, without asking auth. */
	long reusedAnswers() {
		return reused.sum();
	}

	/** A granted authentication, reusable until {@link System#nanoTime()} reaches {@code until}. */
	private record Reusable(AuthResult.Authenticated answer, long until) {
	}

	@Override
	public AuthResult authorize(UUID userId, Set<Role> anyOf) {
		var request = new AuthWire.Authorization(new AuthWire.User(userId.toString(), null, null, null, null),
				anyOf.stream().map(Role::name).sorted().toList());
		return observe(AuthPortObservation.AUTHORIZE, headers -> call(AuthWire.subject(service, AuthWire.AUTHORIZATION), request, headers)
			.fold(envelope -> authorized(envelope, userId, anyOf), NatsAuthPort::refused, AuthResult.Unavailable::new));
	}

	/**
	 * One port call as an observation whose carrier is the headers of the request it sends: the
	 * tracing handler writes {@code traceparent} into them when the observation starts.
	 */
	private <T> T observe(String method, Function<Headers, T> call) {
		SenderContext<Headers> context = new SenderContext<>(Headers::put, Kind.CLIENT);
		context.setCarrier(new Headers());
		context.setRemoteServiceName(service);
		return AuthPortObservation.observe(observations, context, AuthPortObservation.NATS, method,
				started -> call.apply(started.getCarrier()));
	}

	/** An error reply to authentication or authorization: 403, unavailable for 5xx, else 401. */
	private static AuthResult refused(AuthWire.Failure failure) {
		return switch (failure.status()) {
			case 403 -> new AuthResult.Forbidden(failure.message());
			case 500, 502, 503, 504 -> new AuthResult.Unavailable(failure.message());
			default -> new AuthResult.Unauthenticated(failure.message());
		};
	}

	@Override
	public ProfileResult findProfile(UUID userId) {
		return observe(AuthPortObservation.FIND_PROFILE, headers -> call(AuthWire.subject(service, AuthWire.PROFILE_GROUP, AuthWire.PROFILE),
				new AuthWire.Value(userId.toString()), headers)
			.fold(envelope -> new ProfileResult.Found(envelope.data(AuthWire.User.class).toProfile()),
					failure -> switch (failure.status()) {
						case 500, 502, 503, 504 -> new ProfileResult.Unavailable(failure.message());
						default -> new ProfileResult.NotFound();
					}, ProfileResult.Unavailable::new));
	}

	private AuthResult authenticated(AuthWire.Envelope envelope) {
		AuthWire.User user = envelope.data(AuthWire.User.class);
		Set<Role> roles = user.knownRoles().orElseGet(() -> rolesFromAuthorization(UUID.fromString(user.id())));
		return new AuthResult.Authenticated(user.toAuthenticatedUser(roles));
	}

	/**
	 * A granted authorization. Our auth answers with the user and its roles; the reference's Go auth
	 * may not, and then what is known is that the user holds one of {@code anyOf}. Never asks again:
	 * resolving roles here would recurse.
	 */
	private AuthResult authorized(AuthWire.Envelope envelope, UUID userId, Set<Role> anyOf) {
		AuthWire.User user = envelope.data() != null && envelope.data().isObject() && envelope.data().hasNonNull("id")
				? envelope.data(AuthWire.User.class) : new AuthWire.User(userId.toString(), null, null, null, null);
		return new AuthResult.Authenticated(user.toAuthenticatedUser(user.knownRoles().orElse(anyOf)));
	}

	/**
	 * The reference's Go auth answers authentication without roles: ask {@code authorization} once
	 * per role, concurrently. Only that compatibility path costs extra round trips.
	 */
	private Set<Role> rolesFromAuthorization(UUID userId) {
		Map<Role, Future<AuthResult>> answers = new EnumMap<>(Role.class);
		String requestId = RequestId.current();
		Observation parent = observations.getCurrentObservation();
		try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Role role : Role.values()) {
				answers.put(role, calls.submit(() -> {
					// The MDC and the current span are per thread: carry the request id and the trace to the concurrent calls.
					if (requestId != null) {
						MDC.put(RequestId.MDC_KEY, requestId);
					}
					return parent == null ? authorize(userId, EnumSet.of(role)) : parent.scoped(() -> authorize(userId, EnumSet.of(role)));
				}));
			}
		}
		Set<Role> granted = EnumSet.noneOf(Role.class);
		answers.forEach((role, answer) -> {
			if (answer.resultNow() instanceof AuthResult.Authenticated) {
				granted.add(role);
			}
		});
		return granted;
	}

	/** One request: a decoded reply, an error reply, or the reason the service could not be asked. */
	private Reply call(String subject, Object data, Headers headers) {
		Connection connection = connector.connected();
		if (connection == null) {
			return Reply.unavailable("auth service unreachable: not connected to NATS");
		}
		String requestId = RequestId.current();
		if (requestId != null) {
			headers.put(RequestId.HEADER, requestId);
		}
		CompletableFuture<Message> future = connection.requestWithTimeout(subject, headers, AuthWire.request(data), timeout);
		long started = System.nanoTime();
		try {
			Message reply = future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
			if (log.isDebugEnabled()) {
				log.debug("{} answered in {} µs", subject, (System.nanoTime() - started) / 1_000);
			}
			AuthWire.Envelope envelope = AuthWire.decode(reply.getData());
			return envelope.failed() ? Reply.failed(envelope.failure())
					: Reply.answered(envelope, AuthWire.reuse(reply.hasHeaders() ? reply.getHeaders() : null));
		}
		catch (ExecutionException ex) {
			log.warn("{} failed: {}", subject, ex.getCause().toString());
			return Reply.unavailable("auth service unavailable: no responders");
		}
		catch (CancellationException | TimeoutException ex) {
			future.cancel(true);
			log.warn("{} timed out after {} ms", subject, timeout.toMillis());
			return Reply.unavailable("auth service unavailable: no answer within " + timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Reply.unavailable("auth service unavailable: interrupted");
		}
	}

	/** {@code reuse}: how long an answer may be reused ({@link AuthWire#REUSE}), zero for any other reply. */
	private record Reply(AuthWire.Envelope envelope, AuthWire.Failure failure, String unavailable, Duration reuse) {

		static Reply answered(AuthWire.Envelope envelope, Duration reuse) {
			return new Reply(envelope, null, null, reuse);
		}

		static Reply failed(AuthWire.Failure failure) {
			return new Reply(null, failure, null, Duration.ZERO);
		}

		static Reply unavailable(String reason) {
			return new Reply(null, null, reason, Duration.ZERO);
		}

		<T> T fold(Function<AuthWire.Envelope, T> onAnswer, Function<AuthWire.Failure, T> onFailure,
				Function<String, T> onUnavailable) {
			if (unavailable != null) {
				return onUnavailable.apply(unavailable);
			}
			return failure != null ? onFailure.apply(failure) : onAnswer.apply(envelope);
		}
	}
}
