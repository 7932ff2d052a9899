package com.blogplatform.auth.apikey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API-key settings ({@code auth.api-key.*}).
 * @param cacheTtl how long an instance trusts a verdict (active or not) without asking PostgreSQL
 * again: also the longest a key revoked on another instance keeps working on this one. 5 s turns
 * a query per request into at most one per key and instance every 5 s, while a revocation reaches
 * every instance well before anyone could react to it by hand. 0 disables the cache; more than
 * 5 minutes is refused, since it would make revocation meaningless.
 * @param cacheSize how many verdicts an instance keeps (the least useful go first); a flood of
 * made-up keys cannot grow the heap past it
 */
@Validated
@ConfigurationProperties("auth.api-key")
record ApiKeyProperties(@NotNull @DurationMin(nanos = 0) @DurationMax(minutes = 5) @DefaultValue("5s") Duration cacheTtl,
		@Min(0) @Max(1_000_000) @DefaultValue("10000") int cacheSize) {
}
