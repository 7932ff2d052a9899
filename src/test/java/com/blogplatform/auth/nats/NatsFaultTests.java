package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.ProfileResult;
import com.blogplatform.auth.Role;
import com.blogplatform.shared.tracing.RequestId;
import com.blogplatform.testing.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NATS binding when things go wrong, and on the wire: no responders, a slow auth, NATS going
 * away and coming back, discovery, the reference's message shapes, the request id.
 */
class NatsFaultTests {

	static final AuthenticatedUser AUTHOR = new AuthenticatedUser(UUID.randomUUID(), "Ada", "ada@example.com", null,
			EnumSet.of(Role.AUTHOR));

	static final JsonMapper JSON = JsonMapper.builder().build();

	ServerProcess nats;

	Connection client;

	Connection server;

	NatsAuthResponder responder;

	final AtomicReference<String> requestIdSeenByAuth = new AtomicReference<>();

	volatile Duration authDelay = Duration.ZERO;

	volatile Duration reuse = Duration.ZERO;

	final AtomicInteger authentications = new AtomicInteger();

	/** A stand-in for the in-process port: one valid token, one known user. */
	final AuthPort fakeAuth = new AuthPort() {

		@Override
		public AuthResult authenticate(String header) {
			authentications.incrementAndGet();
			requestIdSeenByAuth.set(MDC.get(RequestId.MDC_KEY));
			pause();
			return "Bearer good".equals(header) ? new AuthResult.Authenticated(AUTHOR)
					: new AuthResult.Unauthenticated("permission denied: invalid access token");
		}

		@Override
		public Duration authenticationReuse(String header) {
			return reuse;
		}

		@Override
		public AuthResult authorize(UUID userId, Set<Role> anyOf) {
			if (!userId.equals(AUTHOR.id())) {
				return new AuthResult.Unauthenticated("permission denied: claims subject does not exists");
			}
			return AUTHOR.hasAnyRole(anyOf) ? new AuthResult.Authenticated(AUTHOR)
					: new AuthResult.Forbidden("permission denied: does not have suffient role");
		}

		@Override
		public ProfileResult findProfile(UUID userId) {
			return userId.equals(AUTHOR.id()) ? new ProfileResult.Found(AUTHOR.profile()) : new ProfileResult.NotFound();
		}
	};

	@BeforeEach
	void start() throws Exception {
		nats = ServerProcess.nats().start();
		client = NatsAuthPortContractTests.connect(nats.url());
		server = NatsAuthPortContractTests.connect(nats.url());
		responder = new NatsAuthResponder(NatsConnector.of(server), fakeAuth, new NatsProperties.Responder(true, "auth", "1.0.0"),
				Duration.ofSeconds(5));
		responder.start();
	}

	@AfterEach
	void stop() throws InterruptedException {
		responder.stop();
		client.close();
		server.close();
		nats.close();
	}

	NatsAuthPort port(Duration timeout) {
		return new NatsAuthPort(NatsConnector.of(client), timeout, "auth");
	}

	@Test
	void answersOverTheWire() {
		assertThat(port(Duration.ofSeconds(2)).authenticate("Bearer good")).isEqualTo(new AuthResult.Authenticated(AUTHOR));
	}

	@Test
	void withoutReuseEveryAuthenticationAsks() {
		NatsAuthPort port = port(Duration.ofSeconds(2));
		for (int i = 0; i < 3; i++) {
			assertThat(port.authenticate("Bearer good")).isEqualTo(new AuthResult.Authenticated(AUTHOR));
		}

		assertThat(authentications).hasValue(3);
		assertThat(port.reusedAnswers()).isZero();
	}

	@Test
	void reusesAGrantedAuthenticationUntilTheReplysReuseIsOver() throws InterruptedException {
		reuse = Duration.ofMillis(400);
		NatsAuthPort port = port(Duration.ofSeconds(2));
		long asked = System.nanoTime();
		assertThat(port.authenticate("Bearer good")).isEqualTo(new AuthResult.Authenticated(AUTHOR));
		assertThat(port.authenticate("Bearer good")).isEqualTo(new AuthResult.Authenticated(AUTHOR));
		assertThat(port.authenticate("Bearer bad")).isInstanceOf(AuthResult.Unauthenticated.class);
		assertThat(port.authenticate("Bearer bad")).isInstanceOf(AuthResult.Unauthenticated.class);
		boolean inTime = System.nanoTime() - asked < reuse.toNanos();

		if (inTime) {
			assertThat(authentications).as("the grant reused, each refusal asked").hasValue(3);
		}
		Thread.sleep(reuse.toMillis() + 50);
		int before = authentications.get();
		assertThat(port.authenticate("Bearer good")).isEqualTo(new AuthResult.Authenticated(AUTHOR));
		assertThat(authentications).as("asked again once the reuse was over").hasValue(before + 1);
	}

	@Test
	void aReplyFromTheReferencesAuthIsNeverReused() throws Exception {
		responder.stop();
		var goAuth = server.createDispatcher(message -> server.publish(message.getReplyTo(),
				("{\"data\":{\"id\":\"" + AUTHOR.id() + "\",\"name\":\"Ada\",\"roles\":[\"AUTHOR\"]}}").getBytes(StandardCharsets.UTF_8)));
		goAuth.subscribe("auth.authentication", "q");
		server.flush(Duration.ofSeconds(2));
		NatsAuthPort port = port(Duration.ofSeconds(2));

		for (int i = 0; i < 3; i++) {
			assertThat(port.authenticate("Bearer good")).isInstanceOf(AuthResult.Authenticated.class);
		}

		assertThat(port.reusedAnswers()).isZero();
	}

	@Test
	void noRespondersIsUnavailableWithoutWaitingForTheTimeout() {
		responder.stop();

		AuthResult result = port(Duration.ofSeconds(30)).authenticate("Bearer good");

		assertThat(result).isEqualTo(new AuthResult.Unavailable("auth service unavailable: no responders"));
	}

	@Test
	void aSlowAuthIsUnavailableNotAHang() {
		authDelay = Duration.ofSeconds(2);

		AuthResult result = port(Duration.ofMillis(200)).authenticate("Bearer good");

		assertThat(result).isEqualTo(new AuthResult.Unavailable("auth service unavailable: no answer within 200 ms"));
	}

	@Test
	void recoversWhenNatsComesBack() throws Exception {
		NatsAuthPort port = port(Duration.ofSeconds(2));
		nats.stop();

		// Until the client notices the lost connection, a call may wait out its timeout; after that, none waits.
		assertThat(port.authenticate("Bearer good")).isInstanceOf(AuthResult.Unavailable.class);
		Instant deadline = Instant.now().plusSeconds(10);
		while (client.getStatus() == Connection.Status.CONNECTED && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(port.authenticate("Bearer good"))
			.isEqualTo(new AuthResult.Unavailable("auth service unreachable: not connected to NATS"));

		nats.start();
		AuthResult result = awaitAnswer(port);
		assertThat(result).isEqualTo(new AuthResult.Authenticated(AUTHOR));
	}

	@Test
	void isDiscoverableAsAnAdr32Service() throws Exception {
		JsonNode ping = JSON.readTree(client.request("$SRV.PING.auth", new byte[0], Duration.ofSeconds(2)).getData());
		JsonNode info = JSON.readTree(client.request("$SRV.INFO.auth", new byte[0], Duration.ofSeconds(2)).getData());

		assertThat(ping.path("name").asString()).isEqualTo("auth");
		assertThat(ping.path("version").asString()).isEqualTo("1.0.0");
		assertThat(info.path("endpoints").valueStream().map(endpoint -> endpoint.path("subject").asString()))
			.containsExactlyInAnyOrder("auth.authentication", "auth.authorization", "auth.profile.user");
		assertThat(info.path("endpoints").valueStream().map(endpoint -> endpoint.path("queue_group").asString()))
			.containsOnly("q");
	}

	@Test
	void speaksTheReferencesEnvelope() throws Exception {
		Message badToken = raw("auth.authentication", "{\"data\":{\"value\":\"Bearer bad\"}}");
		Message goodToken = raw("auth.authentication", "{\"data\":{\"value\":\"Bearer good\"}}");
		Message missingRole = raw("auth.authorization",
				"{\"data\":{\"user\":{\"id\":\"" + AUTHOR.id() + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"},\"roles\":[\"EDITOR\"]}}");
		Message profile = raw("auth.profile.user", "{\"data\":{\"value\":\"" + AUTHOR.id() + "\"}}");

		assertThat(body(badToken)).isEqualTo("{\"error\":\"401:permission denied: invalid access token\"}");
		assertThat(badToken.getHeaders().getFirst("Nats-Service-Error-Code")).isEqualTo("401");
		assertThat(badToken.getHeaders().getFirst("Nats-Service-Error")).isEqualTo("permission denied: invalid access token");
		JsonNode user = JSON.readTree(body(goodToken)).path("data");
		assertThat(user.path("id").asString()).isEqualTo(AUTHOR.id().toString());
		assertThat(user.path("email").asString()).isEqualTo("ada@example.com");
		assertThat(user.path("roles").get(0).asString()).isEqualTo("AUTHOR");
		assertThat(body(missingRole)).isEqualTo("{\"error\":\"403:permission denied: does not have suffient role\"}");
		assertThat(JSON.readTree(body(profile)).path("data").has("email")).isFalse();
		assertThat(body(raw("auth.authentication", "{\"data\":{}}"))).isEqualTo("{\"error\":\"400:value is required\"}");
	}

	@Test
	void carriesTheRequestIdAcrossTheHop() {
		MDC.put(RequestId.MDC_KEY, "trace-42");
		try {
			port(Duration.ofSeconds(2)).authenticate("Bearer good");
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
		}

		assertThat(requestIdSeenByAuth.get()).isEqualTo("trace-42");
	}

	@Test
	void resolvesRolesFromAnAuthThatDoesNotSendThem() throws Exception {
		responder.stop();
		var goAuth = server.createDispatcher(message -> {
			String subject = message.getSubject();
			String reply = switch (subject) {
				case "auth.authentication" -> "{\"data\":{\"id\":\"" + AUTHOR.id() + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}}";
				default -> new String(message.getData(), StandardCharsets.UTF_8).contains("\"AUTHOR\"")
						? "{\"data\":{\"id\":\"" + AUTHOR.id() + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}}"
						: "{\"error\":\"403:permission denied: does not have suffient role\"}";
			};
			server.publish(message.getReplyTo(), reply.getBytes(StandardCharsets.UTF_8));
		});
		goAuth.subscribe("auth.authentication", "q");
		goAuth.subscribe("auth.authorization", "q");
		server.flush(Duration.ofSeconds(2));

		AuthResult result = port(Duration.ofSeconds(2)).authenticate("Bearer good");

		assertThat(result).isInstanceOfSatisfying(AuthResult.Authenticated.class,
				authenticated -> assertThat(authenticated.user().roles()).containsExactly(Role.AUTHOR));
	}

	private Message raw(String subject, String json) throws InterruptedException {
		return client.request(subject, json.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));
	}

	private static String body(Message message) {
		return new String(message.getData(), StandardCharsets.UTF_8);
	}

	private static AuthResult awaitAnswer(NatsAuthPort port) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(15);
		AuthResult result = port.authenticate("Bearer good");
		while (result instanceof AuthResult.Unavailable && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			result = port.authenticate("Bearer good");
		}
		return result;
	}

	private void pause() {
		try {
			Thread.sleep(authDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
