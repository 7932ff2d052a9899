package com.blogplatform.auth.apikey;

import com.blogplatform.auth.audit.SecurityEvent;
import com.blogplatform.auth.audit.SecurityEvent.Action;
import com.blogplatform.auth.audit.SecurityEvent.Outcome;
import com.blogplatform.shared.security.ApiKeyVerifier;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * API keys: the verdict behind every request's {@code x-api-key} check, and their administration
 * (create, list, revoke).
 * <p>
 * Keys are stored as SHA-256 hashes, never in plain text: they are long random strings, so a fast
 * hash is enough to make a stolen table useless, and it lets the lookup use an index. Looking up a
 * digest leaks nothing through timing that helps an attacker, who would need a preimage to aim it.
 * <p>
 * Verdicts (active or not, by digest) are cached in-process for {@code auth.api-key.cache-ttl}
 * after they were read, never longer: an entry is not refreshed by use, and while PostgreSQL is
 * down an expired one is not served but answered with the store's failure (503). A revocation
 * drops its entry at once on the instance that made it; other instances read the new state when
 * their entry expires. A failed lookup caches nothing.
 */
@Service
public class ApiKeyManagement implements ApiKeyVerifier {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyManagement.class);

	/** 256 bits from the platform's strong generator, as 64 upper-case hex digits like the reference's key. */
	static final int KEY_BYTES = 32;

	private static final HexFormat KEY_FORMAT = HexFormat.of().withUpperCase();

	private final SecureRandom random = new SecureRandom();

	private final ApiKeys keys;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	/** Digest of a presented key to whether it is active. */
	private final Cache<String, Boolean> verdicts;

	@Autowired
	ApiKeyManagement(ApiKeys keys, ApiKeyProperties properties, TransactionOperations transactions,
			ApplicationEventPublisher events) {
		this(keys, properties, transactions, events, Ticker.systemTicker());
	}

	ApiKeyManagement(ApiKeys keys, ApiKeyProperties properties, TransactionOperations transactions,
			ApplicationEventPublisher events, Ticker ticker) {
		this.keys = keys;
		this.transactions = transactions;
		this.events = events;
		this.verdicts = Caffeine.newBuilder()
			.expireAfterWrite(properties.cacheTtl())
			.maximumSize(properties.cacheSize())
			.ticker(ticker)
			.build();
	}

	/** A key just created: its value is shown this once and stored nowhere. */
	public record IssuedKey(ApiKeySummary summary, String key) {

		@Override
		public String toString() {
			return "IssuedKey[" + summary + ", key=******]";
		}
	}

	/** The outcome of {@link #revoke}. */
	public sealed interface Revocation {

		record Revoked(ApiKeySummary key) implements Revocation {
		}

		/** Revoked before: nothing changed. */
		record AlreadyRevoked(ApiKeySummary key) implements Revocation {
		}

		record NotFound() implements Revocation {
		}

		/** The key the request was sent with: revoking it would lock its caller out mid-operation. */
		record InUse() implements Revocation {
		}

		/** The only active key: revoking it would leave no way to call the API. */
		record LastActiveKey() implements Revocation {
		}
	}

	@Override
	public boolean isActive(String presentedKey) {
		return verdicts.get(digest(presentedKey), hash -> keys.findStatusByKeyHash(hash).orElse(false));
	}

	/** Creates an active key; the value is returned once, only its digest is stored. */
	public IssuedKey create(String description, UUID createdBy) {
		String key = KEY_FORMAT.formatHex(nextBytes());
		ApiKey stored = transactions.execute(status -> {
			ApiKey saved = keys.save(ApiKey.issue(digest(key), description, createdBy, now()));
			events.publishEvent(SecurityEvent.of(Action.API_KEY_CREATE, Outcome.SUCCESS, createdBy, "key " + saved.id()));
			return saved;
		});
		// Nobody can have presented it before, but a verdict must never predate the row it is about.
		verdicts.invalidate(stored.keyHash());
		return new IssuedKey(stored.summary(), key);
	}

	/** A page of keys, newest first. */
	public List<ApiKeySummary> list(int page, int limit) {
		return keys.findPage(limit, (long) (page - 1) * limit).stream().map(ApiKey::summary).toList();
	}

	/**
	 * Revokes a key, unless it is the one {@code presentedKey} (the caller's) or the last active one.
	 * The cached verdict is dropped after the change is committed, so the next request on this
	 * instance reads the new state: one that started loading before the commit finishes first.
	 */
	public Revocation revoke(UUID id, String presentedKey, UUID revokedBy) {
		Decision decision = transactions.execute(status -> decide(id, presentedKey, revokedBy));
		if (decision.outcome() instanceof Revocation.Revoked) {
			verdicts.invalidate(decision.keyHash());
		}
		return decision.outcome();
	}

	private record Decision(Revocation outcome, String keyHash) {
	}

	private Decision decide(UUID id, String presentedKey, UUID revokedBy) {
		List<UUID> active = keys.lockActive();
		ApiKey key = keys.findById(id).orElse(null);
		if (key == null) {
			return new Decision(new Revocation.NotFound(), null);
		}
		if (!active.contains(id)) {
			return new Decision(new Revocation.AlreadyRevoked(key.summary()), key.keyHash());
		}
		if (MessageDigest.isEqual(key.keyHash().getBytes(StandardCharsets.US_ASCII), digest(presentedKey).getBytes(StandardCharsets.US_ASCII))) {
			events.publishEvent(SecurityEvent.of(Action.API_KEY_REVOKE, Outcome.FAILURE, revokedBy, "key " + id + " is the caller's"));
			return new Decision(new Revocation.InUse(), key.keyHash());
		}
		if (active.size() == 1) {
			events.publishEvent(SecurityEvent.of(Action.API_KEY_REVOKE, Outcome.FAILURE, revokedBy,
					"key " + id + " is the last active key"));
			return new Decision(new Revocation.LastActiveKey(), key.keyHash());
		}
		Instant at = now();
		keys.revoke(id, revokedBy, at);
		events.publishEvent(SecurityEvent.of(Action.API_KEY_REVOKE, Outcome.SUCCESS, revokedBy, "key " + id));
		return new Decision(new Revocation.Revoked(new ApiKeySummary(key.id(), key.description(), false, key.createdAt(), at)),
				key.keyHash());
	}

	/**
	 * Stores a key unless its digest is known already (idempotent, safe with concurrent instances).
	 * A known key is left as it is: a revoked bootstrap key stays revoked at every later start.
	 */
	public void ensureKey(String plainKey, String description) {
		String hash = digest(plainKey);
		var status = keys.findStatusByKeyHash(hash);
		if (status.isPresent()) {
			if (!status.get()) {
				log.warn("The configured {} was revoked and stays revoked; configure another one to replace it", description);
			}
			return;
		}
		try {
			keys.save(ApiKey.issue(hash, description, null, now()));
			log.info("Stored the {}", description);
		}
		catch (DuplicateKeyException createdConcurrently) {
			// another instance stored it first
		}
		finally {
			verdicts.invalidate(hash);
		}
	}

	private byte[] nextBytes() {
		byte[] bytes = new byte[KEY_BYTES];
		random.nextBytes(bytes);
		return bytes;
	}

	/** Microseconds, as PostgreSQL stores them: the instant returned is the one listed later. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static String digest(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
