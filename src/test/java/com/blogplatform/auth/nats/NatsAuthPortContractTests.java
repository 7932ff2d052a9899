package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.session.InProcessAuthPort;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.Users;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The same port contract, over NATS: a real nats-server between the {@link NatsAuthPort} client and
 * the {@link NatsAuthResponder}, which answers with the real in-process port behind it. As in the
 * packaged auth service, the client may reuse a granted authentication for a while
 * ({@code auth.session.remote-reuse}); one client serves every test, so the contract's revocation
 * tests (a sign-out, a rotation right after the token was authenticated) run against its reuse.
 */
@ApiTest
@TestPropertySource(properties = "auth.session.remote-reuse=" + NatsAuthPortContractTests.REUSE_MILLIS + "ms")
class NatsAuthPortContractTests extends AuthPortContract {

	static final long REUSE_MILLIS = 500;

	static ServerProcess nats;

	static Connection clientConnection;

	static Connection responderConnection;

	static NatsAuthResponder responder;

	static NatsAuthPort client;

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
			client = new NatsAuthPort(NatsConnector.of(clientConnection), Duration.ofSeconds(2), "auth");
		}
		return client;
	}

	@Test
	void reusesAGrantedAuthenticationForAsLongAsAuthAllowsThenAsksAgain() throws InterruptedException {
		var user = Users.signUp(api);
		String header = "Bearer " + user.accessToken();
		long asked = System.nanoTime();
		assertThat(port().authenticate(header)).isInstanceOf(AuthResult.Authenticated.class);
		long reused = client.reusedAnswers();

		AuthResult again = port().authenticate(header);
		if (System.nanoTime() - asked < Duration.ofMillis(REUSE_MILLIS).toNanos()) {
			assertThat(client.reusedAnswers()).as("answered by reuse, without a call").isEqualTo(reused + 1);
		}
		assertThat(again).isInstanceOf(AuthResult.Authenticated.class);

		Thread.sleep(REUSE_MILLIS + 50);
		long before = client.reusedAnswers();
		assertThat(port().authenticate(header)).isInstanceOf(AuthResult.Authenticated.class);
		assertThat(client.reusedAnswers()).as("asked again once the reuse was over").isEqualTo(before);
	}

	@Test
	void neverReusesARefusal() {
		long reused = client().reusedAnswers();
		for (int i = 0; i < 3; i++) {
			assertThat(port().authenticate("Bearer not.a.token")).isInstanceOf(AuthResult.Unauthenticated.class);
		}
		assertThat(client.reusedAnswers()).isEqualTo(reused);
	}

	@Test
	void aSignOutIsAnsweredOnlyOnceEveryReuseOfTheSessionIsOver() {
		var user = Users.signUp(api);
		assertThat(port().authenticate("Bearer " + user.accessToken())).isInstanceOf(AuthResult.Authenticated.class);

		long started = System.nanoTime();
		assertThat(api.bearer(user.accessToken()).delete("/auth/signout").status()).isEqualTo(200);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(REUSE_MILLIS));
	}

	private NatsAuthPort client() {
		port();
		return client;
	}

	static Connection connect(String url) throws Exception {
		return Nats.connect(new Options.Builder().server(url).reportNoResponders().maxReconnects(-1)
			.reconnectWait(Duration.ofMillis(100)).build());
	}
}
