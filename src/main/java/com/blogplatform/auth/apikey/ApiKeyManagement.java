package com.blogplatform.auth.apikey;

import com.blogplatform.shared.security.ApiKeyVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * API keys are stored as SHA-256 hashes, never in plain text: keys are long random strings, so a
 * fast hash is enough to make a stolen table useless, and lets the lookup use an index. The stored
 * and computed hashes are compared in constant time.
 */
@Service
public class ApiKeyManagement implements ApiKeyVerifier {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyManagement.class);

	private final ApiKeys keys;

	ApiKeyManagement(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public boolean isActive(String presentedKey) {
		byte[] presented = sha256(presentedKey);
		return keys.findByKeyHash(HexFormat.of().formatHex(presented))
			.filter(key -> MessageDigest.isEqual(HexFormat.of().parseHex(key.keyHash()), presented))
			.map(ApiKey::status)
			.orElse(false);
	}

	/** Stores a key unless it is known already (idempotent, safe with concurrent instances). */
	public void ensureKey(String plainKey, String description) {
		String hash = HexFormat.of().formatHex(sha256(plainKey));
		if (keys.findByKeyHash(hash).isPresent()) {
			return;
		}
		try {
			keys.save(new ApiKey(null, hash, description, true, Instant.now()));
			log.info("Stored the bootstrap API key ({})", description);
		}
		catch (DuplicateKeyException createdConcurrently) {
			// another instance stored it first
		}
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
