package com.blogplatform.auth.binding;

import com.blogplatform.auth.AuthPort;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

	private static final Logger log = LoggerFactory.getLogger(NatsConfiguration.class);

	/**
	 * Connects in the background when NATS is not there yet, and reconnects forever: the service
	 * starts and recovers by itself; meanwhile port calls answer "unavailable" at once.
	 */
	@Bean(destroyMethod = "close")
	Connection natsConnection(NatsProperties properties, @Value("${spring.application.name}") String name)
			throws IOException, InterruptedException {
		ConnectionListener events = (connection, event) -> log.info("NATS connection {}: {}", name, event);
		Options options = new Options.Builder()
			.server(properties.url())
			.connectionName(name)
			.reportNoResponders()
			.maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(500))
			.connectionTimeout(Duration.ofSeconds(2))
			.connectionListener(events)
			.errorListener(new ErrorListener() {

				@Override
				public void exceptionOccurred(Connection connection, Exception ex) {
					// Expected while the server is away: one line, no stack trace; the listener above tells when it is back.
					log.warn("NATS connection {}: {}", name, ex.toString());
				}
			})
			.build();
		return Nats.connectReconnectOnConnect(options);
	}

	@Bean
	@ConditionalOnProperty(name = "platform.auth-port.binding", havingValue = "nats")
	NatsAuthPort natsAuthPort(Connection connection, NatsProperties properties) {
		return new NatsAuthPort(connection, properties.requestTimeout(), properties.responder().serviceName());
	}

	@Bean
	@ConditionalOnBooleanProperty("platform.nats.responder.enabled")
	NatsAuthResponder natsAuthResponder(Connection connection, ObjectProvider<AuthPort> ports, NatsProperties properties) {
		AuthPort inProcess = ports.orderedStream()
			.filter(port -> !(port instanceof NatsAuthPort))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The NATS responder needs the in-process auth port: "
					+ "it runs only where the auth module does"));
		return new NatsAuthResponder(connection, inProcess, properties.responder());
	}
}
