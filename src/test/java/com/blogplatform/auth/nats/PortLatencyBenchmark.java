package com.blogplatform.auth.nats;

import static com.blogplatform.testing.BenchmarkReport.line;
import static com.blogplatform.testing.BenchmarkReport.micros;
import static com.blogplatform.testing.BenchmarkReport.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.session.InProcessAuthPort;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.Users;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cost of the port's one call per protected request, {@code authenticate}, bound in-process and
 * over NATS (a nats-server on loopback, the responder in the same JVM as the client, so the
 * difference is the hop: encoding, two socket round trips through the server, decoding). Both
 * bindings are measured in alternating rounds, so machine noise falls on both alike, and so is the
 * floor of the hop: a bare jnats request echoed by a dispatcher on the same server (no headers, no
 * encoding, no auth), what jnats' reader, writer and dispatcher threads cost by themselves here.
 */
@ApiTest
@Tag("benchmark")
class PortLatencyBenchmark {

	/** Calls per path before any is timed: with 3,000 the JIT was still compiling the NATS path, 1 ms of its p99. */
	private static final int WARM_UP = 10_000;

	private static final int ROUNDS = 6;

	private static final int CALLS_PER_ROUND = 1_000;

	private static final String ECHO = "benchmark.echo";

	@Autowired
	InProcessAuthPort inProcess;

	@LocalServer
	ApiClient api;

	@Test
	void authenticateInProcessVersusOverNats() throws Exception {
		String header = "Bearer " + Users.withRoles(api, "AUTHOR").accessToken();
		try (ServerProcess nats = ServerProcess.nats().start();
				Connection responderConnection = NatsAuthPortContractTests.connect(nats.url());
				Connection clientConnection = NatsAuthPortContractTests.connect(nats.url())) {
			NatsAuthResponder responder = new NatsAuthResponder(NatsConnector.of(responderConnection), inProcess,
					new NatsProperties.Responder(true, "auth", "1.0.0"), Duration.ofSeconds(5));
			responder.start();
			NatsAuthPort overNats = new NatsAuthPort(NatsConnector.of(clientConnection), Duration.ofSeconds(2), "auth");

			Dispatcher echo = responderConnection.createDispatcher(message -> responderConnection.publish(message.getReplyTo(),
					message.getData()));
			echo.subscribe(ECHO, "q");
			responderConnection.flush(Duration.ofSeconds(2));
			byte[] body = ("{\"value\":\"" + header + "\"}").getBytes(StandardCharsets.UTF_8);

			measure(inProcess, header, new long[WARM_UP], 0, WARM_UP);
			measure(overNats, header, new long[WARM_UP], 0, WARM_UP);
			echo(clientConnection, body, new long[WARM_UP], 0, WARM_UP);
			long[] local = new long[ROUNDS * CALLS_PER_ROUND];
			long[] remote = new long[ROUNDS * CALLS_PER_ROUND];
			long[] bare = new long[ROUNDS * CALLS_PER_ROUND];
			for (int round = 0; round < ROUNDS; round++) {
				measure(inProcess, header, local, round * CALLS_PER_ROUND, CALLS_PER_ROUND);
				measure(overNats, header, remote, round * CALLS_PER_ROUND, CALLS_PER_ROUND);
				echo(clientConnection, body, bare, round * CALLS_PER_ROUND, CALLS_PER_ROUND);
			}
			responder.stop();
			responderConnection.closeDispatcher(echo);

			long localP50 = percentile(local, 50);
			long localP99 = percentile(local, 99);
			long remoteP50 = percentile(remote, 50);
			long remoteP99 = percentile(remote, 99);
			line("");
			line("### AuthPort.authenticate latency (" + local.length + " calls each, " + ROUNDS + " alternating rounds)");
			line("");
			line("| binding | p50 | p99 |");
			line("|---|---|---|");
			line("| in-process | " + micros(localP50) + " | " + micros(localP99) + " |");
			line("| NATS request/reply | " + micros(remoteP50) + " | " + micros(remoteP99) + " |");
			line("| the floor: a bare jnats request echoed, same server | " + micros(percentile(bare, 50)) + " | "
					+ micros(percentile(bare, 99)) + " |");
			line(String.format("| NATS / in-process | %.2fx | %.2fx |", (double) remoteP50 / localP50, (double) remoteP99 / localP99));
		}
	}

	private static void echo(Connection connection, byte[] body, long[] samples, int from, int count) throws Exception {
		for (int i = from; i < from + count; i++) {
			long started = System.nanoTime();
			Message reply = connection.requestWithTimeout(ECHO, body, Duration.ofSeconds(2)).get(2, TimeUnit.SECONDS);
			samples[i] = System.nanoTime() - started;
			assertThat(reply.getData()).hasSize(body.length);
		}
	}

	private static void measure(AuthPort port, String header, long[] samples, int from, int count) {
		for (int i = from; i < from + count; i++) {
			long started = System.nanoTime();
			AuthResult result = port.authenticate(header);
			samples[i] = System.nanoTime() - started;
			assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
		}
	}
}
