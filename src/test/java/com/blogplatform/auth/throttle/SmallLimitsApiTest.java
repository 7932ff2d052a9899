package com.blogplatform.auth.throttle;

import com.blogplatform.testing.LocalServerExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with small credential limits, shared by the throttle and audit tests (one
 * context). Loopback is a trusted proxy (the default), so each test sends its own
 * {@code X-Forwarded-For} ({@link Addresses#next}) and has buckets of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "auth.throttle.per-account.capacity=8", "auth.throttle.per-account.period=1h",
				"auth.throttle.per-address.capacity=10", "auth.throttle.per-address.period=1h",
				"auth.throttle.backoff.after-failures=3", "auth.throttle.backoff.initial-delay=1s",
				"auth.throttle.backoff.max-delay=2s", "auth.throttle.backoff.forget-after=10m" })
@ActiveProfiles("test")
@ExtendWith({ LocalServerExtension.class, OutputCaptureExtension.class })
public @interface SmallLimitsApiTest {

	/** Per-account capacity of the context, per operation. */
	int PER_ACCOUNT = 8;

	/** Per-address capacity of the context, per operation. */
	int PER_ADDRESS = 10;

	/** Client addresses for {@code X-Forwarded-For} (an annotation cannot declare methods with a body). */
	final class Addresses {

		private static final AtomicInteger NEXT = new AtomicInteger();

		private Addresses() {
		}

		/** An address no other test of this JVM uses (the benchmarking range 198.18.0.0/15). */
		public static String next() {
			int n = NEXT.incrementAndGet();
			return "198.18." + (n / 250) + "." + (n % 250 + 1);
		}
	}
}
