package com.blogplatform.shared.tracing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id that ties together the log lines of one request across processes: taken from the
 * {@value #HEADER} header (Kong's correlation-id plugin sets it) or generated, kept in the logging
 * MDC under {@value #MDC_KEY}, and passed on in NATS message headers. It sits beside the trace id
 * (W3C trace context, which Micrometer Tracing carries): a client or Kong sets it, and it names one
 * request even where a trace is not recorded.
 */
public final class RequestId {

	public static final String HEADER = "X-Request-ID";

	public static final String MDC_KEY = "requestId";

	/** Only ids that are safe to echo and log: no spaces, no control characters, bounded. */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestId() {
	}

	/** The given id if it is acceptable, else a new one. */
	public static String adoptOrCreate(String candidate) {
		return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : create();
	}

	/**
	 * A new id: a random (version 4) UUID from this thread's generator. It names a request and guards
	 * nothing, so it needs no {@link java.security.SecureRandom}, whose shared, locked instance
	 * {@link UUID#randomUUID()} takes on every request (2 % of a cached read's time, docs/benchmarks.md).
	 */
	static String create() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
		long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
		return new UUID(high, low).toString();
	}

	/** The id of the request being handled on this thread, if any. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}
}
