package com.blogplatform.auth.nats;

import com.blogplatform.auth.AuthPort;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.nats.client.Options;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The NATS side of the port, switched on by configuration alone:
 * {@code platform.auth-port.binding=nats} binds the port to {@link NatsAuthPort} (the blog service),
 * {@code platform.nats.responder.enabled=true} answers the port's subjects (the auth service). Each
 * artifact's packaged {@code config/application.yml} sets the one it needs. Without either there is
 * no NATS connection at all (the single jar).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${platform.auth-port.binding:in-process}' == 'nats' or ${platform.nats.responder.enabled:false}")
class NatsConfiguration {

	/**
	 * Connects in the background, whether NATS is there at start-up or not, and reconnects forever:
	 * the service starts, reports NATS as down in health, and recovers by itself; meanwhile port
	 * calls answer "unavailable" at once.
	 */
	@Bean(destroyMethod = "close")
	NatsConnector natsConnector(NatsProperties properties, ObjectProvider<SslBundles> sslBundles,
			@Value("${spring.application.name}") String name) {
		Options.Builder options = new Options.Builder()
			.server(properties.url())
			.connectionName(name)
			.reportNoResponders()
			.maxReconnects(-1)
			.reconnectWait(NatsConnector.RECONNECT_WAIT)
			.connectionTimeout(Duration.ofSeconds(2));
		if (properties.hasCredentials()) {
			options.userInfo(properties.username(), properties.password() == null ? "" : properties.password());
		}
		if (properties.hasSslBundle()) {
			options.sslContext(sslBundles.getObject().getBundle(properties.sslBundle()).createSslContext());
		}
		return new NatsConnector(name, options);
	}

	/** {@code nats} in {@code /actuator/health}; not part of readiness (see the packaged configuration). */
	@Bean
	HealthIndicator natsHealthIndicator(NatsConnector connector) {
		return () -> {
			String status = connector.status();
			return (connector.connected() != null ? Health.up() : Health.down()).withDetail("connection", status).build();
		};
	}

	@Bean
	@ConditionalOnProperty(name = "platform.auth-port.binding", havingValue = "nats")
	NatsAuthPort natsAuthPort(NatsConnector connector, NatsProperties properties,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
		NatsAuthPort port = new NatsAuthPort(connector, properties.requestTimeout(), properties.responder().serviceName(),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
		meters.ifAvailable(registry -> FunctionCounter.builder(REUSED, port, NatsAuthPort::reusedAnswers)
			.description("Authentications answered by reusing an earlier answer of the auth service, without a call")
			.register(registry));
		return port;
	}

	/** The counter of {@link NatsAuthPort#reusedAnswers()}: the port calls that {@code auth.port} does not time. */
	static final String REUSED = "auth.port.reused";

	/**
	 * Answers the port's subjects with the port this process binds: the in-process one, since the
	 * responder runs only where the auth module does (the auth service).
	 */
	@Bean
	@ConditionalOnBooleanProperty("platform.nats.responder.enabled")
	NatsAuthResponder natsAuthResponder(NatsConnector connector, AuthPort port, NatsProperties properties,
			@Value("${platform.auth-port.binding:in-process}") String binding, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<MeterRegistry> meters) {
		if (!"in-process".equals(binding)) {
			throw new IllegalStateException("platform.nats.responder.enabled=true needs platform.auth-port.binding=in-process: "
					+ "the responder answers for the auth module of this process");
		}
		return new NatsAuthResponder(connector, port, properties.responder(), properties.drainTimeout(),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters.getIfAvailable(CompositeMeterRegistry::new));
	}
}
