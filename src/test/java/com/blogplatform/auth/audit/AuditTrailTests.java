package com.blogplatform.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A flood never blocks the publisher: past the queue's capacity rows are dropped, with a warning. */
@ExtendWith(OutputCaptureExtension.class)
class AuditTrailTests {

	@Test
	void dropsRowsBeyondTheQueueAndSaysSoOnce(CapturedOutput output) {
		var trail = new AuditTrail(null, new AuditProperties(Duration.ofDays(1), Duration.ofHours(1), 2, 10));
		for (int i = 0; i < 5; i++) {
			trail.append(SecurityEvent.of(SecurityEvent.Action.SIGN_IN, SecurityEvent.Outcome.FAILURE, UUID.randomUUID(), "x"));
		}

		assertThat(output.getOut()).containsOnlyOnce("Security audit rows lost: 1 dropped (queue full)");
	}
}
