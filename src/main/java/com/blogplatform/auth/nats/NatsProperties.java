package com.blogplatform.auth.nats;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * NATS settings ({@code platform.nats.*}), used only when a NATS binding is active.
 * @param url server URL(s), comma-separated; {@code tls://host:4222} for TLS
 * @param username this service's own NATS user ({@code NATS_USER}); each service has one, with
 * only the subject permissions its side of the port needs (see {@code deploy/nats/nats-server.conf})
 * @param password its password ({@code NATS_PASSWORD})
 * @param sslBundle the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material,
 * and key material for mutual TLS, secures the connection; empty: the JVM's defaults for
 * {@code tls://} URLs
 * @param requestTimeout how long a port call waits for auth before answering "unavailable"
 * @param drainTimeout how long the responder may take on shutdown to answer the requests it holds
 * @param responder whether this process answers the port's subjects (the auth service)
 */
@Validated
@ConfigurationProperties("platform.nats")
record NatsProperties(@NotBlank @DefaultValue("nats://127.0.0.1:4222") String url, String username, String password,
		String sslBundle, @NotNull @DefaultValue("500ms") Duration requestTimeout,
		@NotNull @DefaultValue("10s") Duration drainTimeout, @DefaultValue Responder responder) {

	boolean hasCredentials() {
		return username != null && !username.isBlank();
	}

	boolean hasSslBundle() {
		return sslBundle != null && !sslBundle.isBlank();
	}

	/** Never prints the password. */
	@Override
	public String toString() {
		return "NatsProperties[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "******")
				+ ", sslBundle=" + sslBundle + ", requestTimeout=" + requestTimeout + ", responder=" + responder + "]";
	}

	/**
	 * @param serviceName the ADR-32 service name, also the subject root ({@code auth.authentication})
	 */
	record Responder(@DefaultValue("false") boolean enabled, @NotBlank @DefaultValue("auth") String serviceName,
			@NotBlank @DefaultValue("1.0.0") String serviceVersion) {
	}
}
