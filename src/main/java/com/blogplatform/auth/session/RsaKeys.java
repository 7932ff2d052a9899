package com.blogplatform.auth.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * The RS256 key pair: the configured PEM key (text or location, read by Spring Boot's PEM support:
 * PKCS#8 or PKCS#1), or, in development, generated once into a local folder and reused on restart.
 * Several instances sharing that folder agree on one key, because the first writer wins an atomic
 * create and the others read its file.
 */
record RsaKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {

	private static final Logger log = LoggerFactory.getLogger(RsaKeys.class);

	static final String GENERATED_FILE = "jwt-private.pem";

	static RsaKeys load(TokenProperties properties) {
		try {
			if (properties.hasPrivateKey()) {
				RSAPrivateKey privateKey = parsePrivate(pemText(properties.privateKey()));
				RSAPublicKey publicKey = properties.publicKey() != null && !properties.publicKey().isBlank()
						? parsePublic(pemText(properties.publicKey())) : derivePublic(privateKey);
				return new RsaKeys(privateKey, publicKey);
			}
			return loadOrGenerate(properties.generatedKeyDirectory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the JWT signing key (auth.token.private-key)", ex);
		}
		catch (GeneralSecurityException | IllegalStateException ex) {
			throw new IllegalStateException("Cannot parse the JWT signing key (auth.token.private-key): " + ex.getMessage(), ex);
		}
	}

	/** The PEM text itself, or the content of the resource it names. */
	private static String pemText(String textOrLocation) throws IOException {
		if (PemContent.isPresentInText(textOrLocation)) {
			return textOrLocation;
		}
		try (InputStream in = ApplicationResourceLoader.get().getResource(textOrLocation.trim()).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

	private static RsaKeys loadOrGenerate(Path directory) throws IOException, GeneralSecurityException {
		Path file = directory.resolve(GENERATED_FILE);
		if (!Files.exists(file)) {
			Files.createDirectories(directory);
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
			Path temp = Files.createTempFile(directory, "jwt", ".tmp");
			Files.writeString(temp, pem("PRIVATE KEY", pkcs8));
			try {
				Files.move(temp, file);
				log.info("Generated a development JWT signing key in {}", file.toAbsolutePath());
			}
			catch (FileAlreadyExistsException anotherInstanceWon) {
				Files.delete(temp);
			}
		}
		RSAPrivateKey privateKey = parsePrivate(Files.readString(file));
		return new RsaKeys(privateKey, derivePublic(privateKey));
	}

	static RSAPrivateKey parsePrivate(String pem) throws GeneralSecurityException {
		PrivateKey key = PemContent.of(pem).getPrivateKey();
		if (!(key instanceof RSAPrivateKey rsa)) {
			throw new GeneralSecurityException("not an RSA private key" + (key == null ? "" : ": " + key.getAlgorithm()));
		}
		return rsa;
	}

	static RSAPublicKey parsePublic(String pem) throws GeneralSecurityException {
		String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
	}

	private static RSAPublicKey derivePublic(RSAPrivateKey privateKey) throws GeneralSecurityException {
		if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalStateException("Configure auth.token.public-key: it cannot be derived from this private key");
		}
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
	}

	static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}
}
