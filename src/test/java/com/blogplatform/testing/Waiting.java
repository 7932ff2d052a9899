package com.blogplatform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting in system tests: for a condition (the caller asserts afterwards), or for a while. */
public final class Waiting {

	private Waiting() {
	}

	/** Polls until the condition holds or the patience runs out; does not fail by itself. */
	public static void until(Duration patience, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(patience);
		while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
			pause(Duration.ofMillis(100));
		}
	}

	public static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
