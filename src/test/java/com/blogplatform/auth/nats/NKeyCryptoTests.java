package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * jnats runs on the one BouncyCastle of the class path (bcprov-jdk18on, app/pom.xml excludes the LTS
 * copy it declares): its NKeys' Ed25519 still creates, signs and verifies.
 */
class NKeyCryptoTests {

	@Test
	void nkeysSignAndVerifyWithTheBouncyCastleOfTheClassPath() throws Exception {
		NKey user = NKey.createUser(null);
		byte[] nonce = "nonce from the server".getBytes(StandardCharsets.UTF_8);

		byte[] signature = user.sign(nonce);
		NKey verifier = NKey.fromPublicKey(user.getPublicKey());

		assertThat(verifier.verify(nonce, signature)).isTrue();
		assertThat(verifier.verify("another nonce".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
		assertThat(getClass().getClassLoader().getResource("org/bouncycastle/crypto/NativeLoader.class"))
			.as("only bcprov-jdk18on, which has no native loader").isNull();
	}
}
