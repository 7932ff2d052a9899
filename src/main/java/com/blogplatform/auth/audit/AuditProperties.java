package com.blogplatform.auth.audit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit table's settings ({@code auth.audit.*}).
 * @param retention how long rows are kept; older ones are deleted on a schedule
 * @param cleanupInterval how often that happens
 * @param queueCapacity events waiting to be written at most; beyond it (a flood) rows are dropped,
 * the log lines are still written
 * @param batchSize rows written per statement at most
 */
@Validated
@ConfigurationProperties("auth.audit")
record AuditProperties(@NotNull @DefaultValue("90d") Duration retention,
		@NotNull @DefaultValue("1h") Duration cleanupInterval,
		@Min(1) @DefaultValue("10000") int queueCapacity,
		@Min(1) @Max(1000) @DefaultValue("200") int batchSize) {

	@AssertTrue(message = "retention and cleanup-interval must be positive")
	boolean isPositive() {
		return retention != null && cleanupInterval != null && retention.isPositive() && cleanupInterval.isPositive();
	}
}
