package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.Waiting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The trace crosses the NATS hop: a {@link NatsAuthPort} and a {@link NatsAuthResponder} on a real
 * nats-server, both observed through Micrometer Tracing's OpenTelemetry bridge (as Boot wires it),
 * with a port behind the responder that records the span it ran in. The trace context can reach the
 * responder only through the message headers: the handler runs on a thread of its own. Also the
 * meters both sides record. No Spring context: fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NatsTracePropagationTests {

	private final List<SpanData> finished = new CopyOnWriteArrayList<>();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.setSampler(Sampler.alwaysOn())
		.addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
		.build();

	private final Tracer tracer = new OtelTracer(tracerProvider.get("test"), new OtelCurrentTraceContext(), event -> {
	});

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	/** The span auth's handling ran in, as the port behind the responder saw it. */
	private volatile Span handledIn;

	private ServerProcess nats;

	private Connection clientConnection;

	private Connection responderConnection;

	private NatsAuthResponder responder;

	private NatsAuthPort port;

	@BeforeAll
	void start() throws Exception {
		OtelPropagator propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()),
				tracerProvider.get("test"));
		observations.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)))
			.observationHandler(new DefaultMeterObservationHandler(meters));
		nats = ServerProcess.nats().start();
		responderConnection = connect(nats.url());
		clientConnection = connect(nats.url());
		responder = new NatsAuthResponder(NatsConnector.of(responderConnection), new RecordingPort(),
				new NatsProperties.Responder(true, "auth", "1.0.0"), Duration.ofSeconds(5), observations, meters);
		responder.start();
		port = new NatsAuthPort(NatsConnector.of(clientConnection), Duration.ofSeconds(2), "auth", observations);
	}

	@AfterAll
	void stop() throws InterruptedException {
		responder.stop();
		clientConnection.close();
		responderConnection.close();
		nats.close();
		tracerProvider.close();
	}

	@BeforeEach
	void forget() {
		finished.clear();
		handledIn = null;
	}

	@Test
	void authsHandlingRunsInAChildOfTheCallersSpanCarriedInTheHeaders() {
		Span root = tracer.nextSpan().name("blog request").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(root)) {
			assertThat(port.authenticate("Bearer good")).isInstanceOf(AuthResult.Authenticated.class);
		}
		finally {
			root.end();
		}

		assertThat(handledIn).as("the port behind the responder ran in a span").isNotNull();
		assertThat(handledIn.context().traceId()).as("auth's handling is in the caller's trace").isEqualTo(root.context().traceId());
		SpanData client = awaitSpan(SpanKind.CLIENT);
		SpanData server = awaitSpan(SpanKind.SERVER);
		assertThat(client.getName()).isEqualTo("auth-port authenticate");
		assertThat(client.getParentSpanId()).isEqualTo(root.context().spanId());
		assertThat(server.getName()).isEqualTo("auth.authentication process");
		assertThat(server.getTraceId()).isEqualTo(root.context().traceId());
		assertThat(server.getParentSpanId()).as("the responder's span continues the request's client span").isEqualTo(client.getSpanId());
		assertThat(server.getParentSpanContext().isRemote()).as("learnt from the message headers").isTrue();
		assertThat(handledIn.context().spanId()).isEqualTo(server.getSpanId());
	}

	@Test
	void aCallWithoutACurrentTraceStartsOneThatAuthJoins() {
		assertThat(port.findProfile(UUID.randomUUID())).isInstanceOf(ProfileResult.NotFound.class);

		SpanData client = awaitSpan(SpanKind.CLIENT);
		SpanData server = awaitSpan(SpanKind.SERVER);
		assertThat(client.getParentSpanContext().isValid()).as("a root span").isFalse();
		assertThat(server.getTraceId()).isEqualTo(client.getTraceId());
		assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());
	}

	@Test
	void theCallsAreTimedByBindingMethodAndOutcomeAndTheResponderCountsByOutcome() {
		double authenticated = timerCount("auth.port", "binding", "nats", "method", "authenticate", "outcome", "authenticated");
		double unauthenticated = timerCount("auth.port", "binding", "nats", "method", "authenticate", "outcome", "unauthenticated");
		double answered = timerCount(NatsAuthResponder.OBSERVATION, "subject", "auth.authentication", "outcome", "ok");
		double refused = timerCount(NatsAuthResponder.OBSERVATION, "subject", "auth.authentication", "outcome", "unauthenticated");

		port.authenticate("Bearer good");
		port.authenticate("Bearer bad");
		port.authenticate(null);

		assertThat(timerCount("auth.port", "binding", "nats", "method", "authenticate", "outcome", "authenticated")).isEqualTo(authenticated + 1);
		assertThat(timerCount("auth.port", "binding", "nats", "method", "authenticate", "outcome", "unauthenticated"))
			.as("a refused token and a missing header").isEqualTo(unauthenticated + 2);
		Waiting.until(Duration.ofSeconds(5),
				() -> timerCount(NatsAuthResponder.OBSERVATION, "subject", "auth.authentication", "outcome", "unauthenticated") == refused + 1);
		assertThat(timerCount(NatsAuthResponder.OBSERVATION, "subject", "auth.authentication", "outcome", "ok")).isEqualTo(answered + 1);
		assertThat(timerCount(NatsAuthResponder.OBSERVATION, "subject", "auth.authentication", "outcome", "unauthenticated"))
			.as("the missing header never left the client").isEqualTo(refused + 1);
	}

	@Test
	void aFailingHandlerIsCountedAsAnErrorAndTheCallerSeesUnavailable() {
		double errors = counter(NatsAuthResponder.ERRORS, "subject", "auth.authentication");
		double unavailable = timerCount("auth.port", "binding", "nats", "method", "authenticate", "outcome", "unavailable");

		assertThat(port.authenticate("Bearer boom")).isInstanceOf(AuthResult.Unavailable.class);

		Waiting.until(Duration.ofSeconds(5), () -> counter(NatsAuthResponder.ERRORS, "subject", "auth.authentication") == errors + 1);
		assertThat(counter(NatsAuthResponder.ERRORS, "subject", "auth.authentication")).isEqualTo(errors + 1);
		assertThat(timerCount("auth.port", "binding", "nats", "method", "authenticate", "outcome", "unavailable")).isEqualTo(unavailable + 1);
		assertThat(meters.find(NatsAuthResponder.DROPS).tag("reason", "shutting-down").counter()).isNotNull();
		assertThat(meters.find(NatsAuthResponder.DROPS).tag("reason", "slow-consumer").functionCounter()).isNotNull();
	}

	@Test
	void aCallWithoutAConnectionIsTimedAsUnavailable() throws Exception {
		Connection closed = connect(nats.url());
		closed.close();
		var disconnected = new NatsAuthPort(NatsConnector.of(closed), Duration.ofSeconds(2), "auth", observations);
		double before = timerCount("auth.port", "binding", "nats", "method", "authorize", "outcome", "unavailable");

		assertThat(disconnected.authorize(UUID.randomUUID(), Set.of(Role.EDITOR))).isInstanceOf(AuthResult.Unavailable.class);

		assertThat(timerCount("auth.port", "binding", "nats", "method", "authorize", "outcome", "unavailable")).isEqualTo(before + 1);
	}

	private double timerCount(String name, String... tags) {
		var timer = meters.find(name).tags(tags).timer();
		return timer == null ? 0 : timer.count();
	}

	private double counter(String name, String... tags) {
		var counter = meters.find(name).tags(tags).counter();
		return counter == null ? 0 : counter.count();
	}

	private SpanData awaitSpan(SpanKind kind) {
		Waiting.until(Duration.ofSeconds(5), () -> finished.stream().anyMatch(span -> span.getKind() == kind));
		return finished.stream().filter(span -> span.getKind() == kind).findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " span among " + finished));
	}

	private static Connection connect(String url) throws Exception {
		return Nats.connect(new Options.Builder().server(url).reportNoResponders().maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(100)).build());
	}

	/** auth behind the responder: records the span it runs in; "good" is a user, "boom" a bug. */
	private final class RecordingPort implements AuthPort {

		@Override
		public AuthResult authenticate(String authorizationHeader) {
			handledIn = tracer.currentSpan();
			return switch (authorizationHeader) {
				case "Bearer good" -> new AuthResult.Authenticated(
						new AuthenticatedUser(UUID.randomUUID(), "Traced", "traced@example.com", null, Set.of(Role.AUTHOR)));
				case "Bearer boom" -> throw new IllegalStateException("a bug in auth");
				default -> new AuthResult.Unauthenticated("permission denied: invalid access token");
			};
		}

		@Override
		public AuthResult authorize(UUID userId, Set<Role> anyOf) {
			handledIn = tracer.currentSpan();
			return new AuthResult.Forbidden("permission denied: does not have suffient role");
		}

		@Override
		public ProfileResult findProfile(UUID userId) {
			handledIn = tracer.currentSpan();
			return new ProfileResult.NotFound();
		}
	}

	private final class Collecting implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			finished.addAll(spans);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}
	}
}
