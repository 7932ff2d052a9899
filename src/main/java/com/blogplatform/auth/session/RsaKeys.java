package com.blogplatform.auth.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RS256 key pair: read from configured PEM files, or, in development, generated once into a
 * local folder and reused on restart. Several instances sharing that folder agree on one key,
 * because the first writer wins an atomic create and the others read its file.
 */
record RsaKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {

	private static final Logger log = LoggerFactory.getLogger(RsaKeys.class);

	static final String GENERATED_FILE = "jwt-private.pem";

	static RsaKeys load(TokenProperties properties) {
		try {
			if (properties.privateKey() != null) {
				RSAPrivateKey privateKey = parsePrivate(properties.privateKey().getContentAsString(StandardCharsets.US_ASCII));
				RSAPublicKey publicKey = properties.publicKey() != null
						? parsePublic(properties.publicKey().getContentAsString(StandardCharsets.US_ASCII))
						: derivePublic(privateKey);
				return new RsaKeys(privateKey, publicKey);
			}
			return loadOrGenerate(properties.generatedKeyDirectory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the JWT signing key", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot parse the JWT signing key", ex);
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
		KeyFactory rsa = KeyFactory.getInstance("RSA");
		if (pem.contains("BEGIN RSA PRIVATE KEY")) {
			var pkcs1 = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der(pem));
			return (RSAPrivateKey) rsa.generatePrivate(new RSAPrivateCrtKeySpec(pkcs1.getModulus(),
					pkcs1.getPublicExponent(), pkcs1.getPrivateExponent(), pkcs1.getPrime1(), pkcs1.getPrime2(),
					pkcs1.getExponent1(), pkcs1.getExponent2(), pkcs1.getCoefficient()));
		}
		return (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
	}

	static RSAPublicKey parsePublic(String pem) throws GeneralSecurityException {
		return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
	}

	private static RSAPublicKey derivePublic(RSAPrivateKey privateKey) throws GeneralSecurityException {
		if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalStateException("Configure auth.token.public-key: it cannot be derived from this private key");
		}
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
	}

	private static byte[] der(String pem) {
		String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

	static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}
}
