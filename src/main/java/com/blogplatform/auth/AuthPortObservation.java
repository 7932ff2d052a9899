package com.blogplatform.auth;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Function;

/**
 * How a call of {@link AuthPort} is observed, whichever binding carries it: one Micrometer
 * {@link Observation} named {@value #NAME} per call, which Spring Boot turns into a timer
 * ({@code auth_port_seconds} in Prometheus) and a span. It lives in the port's package because both
 * bindings, in different jars, must name and tag their calls alike.
 * <p>
 * Low-cardinality tags: {@value #BINDING} ({@value #IN_PROCESS} or {@value #NATS}), {@value #METHOD}
 * ({@value #AUTHENTICATE}, {@value #AUTHORIZE}, {@value #FIND_PROFILE}) and {@value #OUTCOME}: for
 * {@link AuthResult} {@code authenticated}, {@code unauthenticated}, {@code forbidden},
 * {@code unavailable}; for {@link ProfileResult} {@code found}, {@code not-found},
 * {@code unavailable}; {@code error} when the call threw (the port's contract says it should not).
 * <p>
 * A binding passes its own context: the NATS binding a sender context whose carrier is the request's
 * headers, so that the tracing handler injects the W3C {@code traceparent} into them.
 */
public final class AuthPortObservation {

	public static final String NAME = "auth.port";

	public static final String BINDING = "binding";

	public static final String METHOD = "method";

	public static final String OUTCOME = "outcome";

	public static final String IN_PROCESS = "in-process";

	public static final String NATS = "nats";

	public static final String AUTHENTICATE = "authenticate";

	public static final String AUTHORIZE = "authorize";

	public static final String FIND_PROFILE = "find-profile";

	private AuthPortObservation() {
	}

	/**
	 * Runs one port call as an observation in scope (so log lines and nested calls see its span),
	 * tagged with the outcome of its result.
	 */
	public static <C extends Observation.Context, T> T observe(ObservationRegistry registry, C context, String binding,
			String method, Function<C, T> call) {
		Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
			.contextualName("auth-port " + method)
			.lowCardinalityKeyValue(BINDING, binding)
			.lowCardinalityKeyValue(METHOD, method)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = call.apply(context);
			observation.lowCardinalityKeyValue(OUTCOME, outcome(result));
			return result;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue(OUTCOME, "error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/** The {@value #OUTCOME} tag of a port result. */
	static String outcome(Object result) {
		return switch (result) {
			case AuthResult.Authenticated authenticated -> "authenticated";
			case AuthResult.Unauthenticated unauthenticated -> "unauthenticated";
			case AuthResult.Forbidden forbidden -> "forbidden";
			case AuthResult.Unavailable unavailable -> "unavailable";
			case ProfileResult.Found found -> "found";
			case ProfileResult.NotFound notFound -> "not-found";
			case ProfileResult.Unavailable unavailable -> "unavailable";
			default -> "unknown";
		};
	}
}
