package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.testing.ServerProcess;
import com.blogplatform.testing.Waiting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.support.StaticApplicationContext;

/**
 * TLS on the bus, as configured in production: nats-server with a certificate generated for this
 * run (openssl), the service connecting to {@code tls://} and trusting it through the Spring Boot
 * SSL bundle named by {@code platform.nats.ssl-bundle}; without the bundle the certificate is not
 * trusted and no connection is made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NatsTlsTests {

	private final Path work = Path.of("target", "nats-tls", UUID.randomUUID().toString()).toAbsolutePath();

	private ServerProcess nats;

	private String certificate;

	@BeforeAll
	void startNatsWithTls() throws Exception {
		Files.createDirectories(work);
		Path cert = work.resolve("server.pem");
		Path key = work.resolve("server-key.pem");
		int exit;
		try {
			exit = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
					"/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()))
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("openssl.log").toFile())
				.start()
				.waitFor();
		}
		catch (IOException noOpenssl) {
			exit = -1;
		}
		Assumptions.assumeTrue(exit == 0, "openssl is needed to generate the test certificate");
		certificate = Files.readString(cert);
		Path config = Files.writeString(work.resolve("tls.conf"),
				"tls {\n  cert_file: \"" + cert + "\"\n  key_file: \"" + key + "\"\n  timeout: 2\n}\n");
		nats = ServerProcess.nats(config, Map.of(), work).start();
	}

	@AfterAll
	void stopNats() {
		if (nats != null) {
			nats.close();
		}
	}

	@Test
	void connectsOverTlsTrustingTheBundlesCertificate() {
		SslBundles bundles = new DefaultSslBundleRegistry("nats",
				SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(certificate))));
		try (NatsConnector connector = connector("nats", bundles)) {
			Waiting.until(Duration.ofSeconds(10), () -> connector.connected() != null);
			assertThat(connector.status()).isEqualTo("CONNECTED");
		}
	}

	@Test
	void doesNotConnectToACertificateItDoesNotTrust() {
		try (NatsConnector connector = connector(null, new DefaultSslBundleRegistry())) {
			Waiting.until(Duration.ofSeconds(3), () -> connector.connected() != null);
			assertThat(connector.connected()).isNull();
			assertThat(connector.status()).isNotEqualTo("CONNECTED");
		}
	}

	private NatsConnector connector(String bundle, SslBundles bundles) {
		NatsProperties properties = new NatsProperties("tls://127.0.0.1:" + nats.port(), null, null, bundle, Duration.ofMillis(500),
				Duration.ofSeconds(5), new NatsProperties.Responder(false, "auth", "1.0.0"));
		StaticApplicationContext context = new StaticApplicationContext();
		context.getBeanFactory().registerSingleton("sslBundles", bundles);
		ObjectProvider<SslBundles> provider = context.getBeanProvider(SslBundles.class);
		return new NatsConfiguration().natsConnector(properties, provider, "tls-test");
	}
}
