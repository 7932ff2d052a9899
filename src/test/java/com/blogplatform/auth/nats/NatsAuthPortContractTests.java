package com.blogplatform.auth.nats;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.session.InProcessAuthPort;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The same port contract, over NATS: a real nats-server between the {@link NatsAuthPort} client and
 * the {@link NatsAuthResponder}, which answers with the real in-process port behind it.
 */
@ApiTest
class NatsAuthPortContractTests extends AuthPortContract {

	static ServerProcess nats;

	static Connection clientConnection;

	static Connection responderConnection;

	static NatsAuthResponder responder;

	@Autowired
	InProcessAuthPort inProcess;

	@BeforeAll
	static void startNats() {
		nats = ServerProcess.nats().start();
	}

	@AfterAll
	static void stopNats() throws InterruptedException {
		if (responder != null) {
			responder.stop();
		}
		if (clientConnection != null) {
			clientConnection.close();
			responderConnection.close();
		}
		nats.close();
	}

	@Override
	AuthPort port() {
		if (responder == null) {
			try {
				responderConnection = connect(nats.url());
				clientConnection = connect(nats.url());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			responder = new NatsAuthResponder(NatsConnector.of(responderConnection), inProcess,
					new NatsProperties.Responder(true, "auth", "1.0.0"), Duration.ofSeconds(5));
			responder.start();
		}
		return new NatsAuthPort(NatsConnector.of(clientConnection), Duration.ofSeconds(2), "auth");
	}

	static Connection connect(String url) throws Exception {
		return Nats.connect(new Options.Builder().server(url).reportNoResponders().maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(100)).build());
	}
}
