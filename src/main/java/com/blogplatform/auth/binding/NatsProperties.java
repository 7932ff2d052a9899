package com.blogplatform.auth.binding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * NATS settings ({@code platform.nats.*}), used only when a NATS binding is active.
 * @param url server URL(s), comma-separated; credentials may be part of it ({@code nats://user:pass@host:4222})
 * @param requestTimeout how long a port call waits for auth before answering "unavailable"
 * @param responder whether this process answers the port's subjects (the auth service)
 */
@Validated
@ConfigurationProperties("platform.nats")
record NatsProperties(@NotBlank @DefaultValue("nats://127.0.0.1:4222") String url,
		@NotNull @DefaultValue("500ms") Duration requestTimeout,
		@DefaultValue Responder responder) {

	/**
	 * @param serviceName the ADR-32 service name, also the subject root ({@code auth.authentication})
	 */
	record Responder(@DefaultValue("false") boolean enabled, @NotBlank @DefaultValue("auth") String serviceName,
			@NotBlank @DefaultValue("1.0.0") String serviceVersion) {
	}
}
