package com.blogplatform.auth.user;

import com.blogplatform.shared.web.ApiException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Password hashing with a bounded number of hashes at a time.
 * <p>
 * New passwords are hashed with argon2id (OWASP parameters: 19 MiB, 2 iterations), which, unlike
 * bcrypt, has no 72-byte limit, so every password the policy allows is accepted. bcrypt hashes,
 * including the reference's bare {@code $2a$05$...} ones, still verify and are re-hashed with
 * argon2id on the next successful sign-in.
 * <p>
 * A hash costs tens of milliseconds of one core and 19 MiB: unbounded, a flood of sign-ins would
 * take every core and much of the heap. So at most {@code auth.password.hashing-concurrency}
 * hashes run at once (default: the number of cores); a caller that cannot get a slot within
 * {@code auth.password.hashing-wait} gets {@link HashingBusyException} (answered 429), at once
 * rather than after a long queue. Callers never hold a database connection while hashing.
 * <p>
 * Hashes run on platform threads of their own, not on the caller's virtual thread: a hash never
 * yields, so as many hashes as cores on virtual threads would pin every carrier thread and stall
 * every other request of the process (seen in {@code SignInFloodTests}: 5xx for pool time-outs).
 * On threads of their own they share the cores with the request threads, as the OS schedules them.
 */
@Component
public class PasswordHashing implements DisposableBean {

	private final PasswordEncoder encoder;

	private final Semaphore slots;

	private final ExecutorService hashers;

	private final Duration wait;

	PasswordHashing(Properties properties) {
		String current = "argon2";
		DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(current, Map.of(
				current, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
				"bcrypt", new BCryptPasswordEncoder(10)));
		delegating.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
		this.encoder = delegating;
		int concurrency = properties.hashingConcurrency() > 0 ? properties.hashingConcurrency()
				: Runtime.getRuntime().availableProcessors();
		this.slots = new Semaphore(concurrency, true);
		this.hashers = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("password-hashing-", 1).daemon().factory());
		this.wait = properties.hashingWait();
	}

	@Override
	public void destroy() {
		hashers.shutdownNow();
	}

	/** Hashing settings ({@code auth.password.*}); a concurrency of 0 means one per core. */
	@Validated
	@ConfigurationProperties("auth.password")
	record Properties(@Min(0) @DefaultValue("0") int hashingConcurrency,
			@NotNull @DefaultValue("1s") Duration hashingWait) {
	}

	String encode(String password) {
		try (Slot slot = acquire()) {
			return slot.encode(password);
		}
	}

	boolean matches(String password, String hash) {
		try (Slot slot = acquire()) {
			return slot.matches(password, hash);
		}
	}

	/** No hashing: reads the hash's scheme and parameters. */
	boolean upgradeEncoding(String hash) {
		return encoder.upgradeEncoding(hash);
	}

	/**
	 * Takes a hashing slot for an operation that reads a stored hash first: a flood of credential
	 * checks is then shed before it reaches the connection pool, not after.
	 * @throws HashingBusyException when no slot frees up within the configured wait
	 */
	Slot acquire() {
		boolean acquired;
		try {
			acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HashingBusyException();
		}
		if (!acquired) {
			throw new HashingBusyException();
		}
		return new Slot();
	}

	/** One of the bounded hashing slots, held until closed; its hashes run on the hashing threads. */
	final class Slot implements AutoCloseable {

		private boolean released;

		private Slot() {
		}

		String encode(String password) {
			return onHashingThread(() -> encoder.encode(password));
		}

		boolean matches(String password, String hash) {
			return onHashingThread(() -> encoder.matches(password, hash));
		}

		@Override
		public void close() {
			if (!released) {
				released = true;
				slots.release();
			}
		}
	}

	private <T> T onHashingThread(Callable<T> work) {
		try {
			return hashers.submit(work).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HashingBusyException();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Every hashing slot stayed taken for the whole wait: 429 with {@code Retry-After: 1}, rendered
	 * by the shared handler like any other {@link ApiException} (rather than 503: the client's own
	 * traffic, or a flood it is part of, is the cause, and a retry a second later the remedy).
	 */
	public static final class HashingBusyException extends ApiException {

		HashingBusyException() {
			super(HttpStatus.TOO_MANY_REQUESTS, ApiException.TOO_MANY_REQUESTS, Duration.ofSeconds(1));
		}
	}
}
