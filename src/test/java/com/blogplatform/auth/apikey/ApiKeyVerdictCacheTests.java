package com.blogplatform.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blogplatform.auth.audit.SecurityEvent;
import com.blogplatform.auth.audit.SecurityEvent.Action;
import com.blogplatform.auth.audit.SecurityEvent.Outcome;
import com.blogplatform.testing.ApiClient;
import com.blogplatform.testing.ApiTest;
import com.blogplatform.testing.LocalServer;
import com.blogplatform.testing.Users;
import com.github.benmanes.caffeine.cache.Ticker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The verdict cache as a second instance of auth sees it: a second {@link ApiKeyManagement} on the
 * same schema, with its own cache, a clock the test moves and a store the test can take away. The
 * application under test is the first instance, reached through HTTP.
 */
@ApiTest
class ApiKeyVerdictCacheTests {

	private static final Duration TTL = Duration.ofSeconds(5);

	@Autowired
	ApiKeys keys;

	@Autowired
	TransactionOperations transactions;

	@LocalServer
	ApiClient api;

	private final FakeTicker clock = new FakeTicker();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger lookups = new AtomicInteger();

	private volatile boolean storeDown;

	private volatile List<UUID> activeKeysSeen;

	/** The other instance. */
	private ApiKeyManagement other;

	private ApiClient admin;

	@BeforeEach
	void startTheOtherInstance() {
		other = new ApiKeyManagement(store(), new ApiKeyProperties(TTL, 100), transactions, events::add, clock);
		admin = api.bearer(Users.admin(api).accessToken());
	}

	@Test
	void anotherInstanceRefusesARevokedKeyOnceItsVerdictExpires() {
		var created = admin.post("/auth/admin/apikeys", Map.of("description", "seen elsewhere")).data();
		String key = created.path("key").asString();
		assertThat(other.isActive(key)).isTrue();

		assertThat(admin.delete("/auth/admin/apikeys/id/" + created.path("id").asString()).status()).isEqualTo(200);

		assertThat(api.with("x-api-key", key).get("/auth/verify/apikey").status()).as("the revoking instance: at once")
			.isEqualTo(403);
		clock.advance(TTL.minusMillis(1));
		assertThat(other.isActive(key)).as("the other instance: its verdict, within the bound").isTrue();
		clock.advance(Duration.ofMillis(1));
		assertThat(other.isActive(key)).as("the other instance: refused once the bound has passed").isFalse();
		assertThat(lookups).hasValue(2);
	}

	@Test
	void asksTheStoreOncePerKeyAndTtl() {
		String key = newKey();

		for (int i = 0; i < 50; i++) {
			assertThat(other.isActive(key)).isTrue();
			assertThat(other.isActive("unknown-" + key)).isFalse();
		}
		assertThat(lookups).hasValue(2);
		clock.advance(TTL);
		assertThat(other.isActive(key)).isTrue();
		assertThat(lookups).hasValue(3);
	}

	@Test
	void aCachedVerdictOutlivesNoTtlWhileTheStoreIsDown() {
		String key = newKey();
		assertThat(other.isActive(key)).isTrue();

		storeDown = true;
		clock.advance(TTL.minusMillis(1));
		assertThat(other.isActive(key)).as("served for the rest of its TTL").isTrue();
		clock.advance(Duration.ofMillis(1));
		assertThatThrownBy(() -> other.isActive(key)).as("then the outage shows (503), never a stale yes")
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThatThrownBy(() -> other.isActive(key)).as("and the failure is not cached as a verdict")
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThatThrownBy(() -> other.isActive("never-seen-" + key)).isInstanceOf(DataAccessResourceFailureException.class);

		storeDown = false;
		assertThat(other.isActive(key)).isTrue();
	}

	@Test
	void theRevokingInstanceDropsItsVerdictAtOnceAndPublishesEvents() {
		UUID adminId = UUID.fromString(Users.admin(api).id());
		var issued = other.create("revoked here", adminId);
		assertThat(other.isActive(issued.key())).isTrue();

		var outcome = other.revoke(issued.summary().id(), ApiClient.DEV_API_KEY, adminId);

		assertThat(outcome).isInstanceOf(ApiKeyManagement.Revocation.Revoked.class);
		assertThat(other.isActive(issued.key())).as("no clock moved: the entry is gone").isFalse();
		assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(SecurityEvent.class,
				security -> assertThat(security.userId()).isEqualTo(adminId)));
		var created = (SecurityEvent) events.get(0);
		var revoked = (SecurityEvent) events.get(1);
		assertThat(created.action()).isEqualTo(Action.API_KEY_CREATE);
		assertThat(created.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(created.detail()).isEqualTo("key " + issued.summary().id()).doesNotContain(issued.key());
		assertThat(revoked.action()).isEqualTo(Action.API_KEY_REVOKE);
		assertThat(revoked.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(other.revoke(issued.summary().id(), ApiClient.DEV_API_KEY, adminId))
			.isInstanceOf(ApiKeyManagement.Revocation.AlreadyRevoked.class);
		assertThat(events).as("nothing changed, nothing published").hasSize(2);
	}

	@Test
	void neverRevokesTheLastActiveKey() {
		UUID adminId = UUID.fromString(Users.admin(api).id());
		var issued = other.create("the only one left", adminId);
		activeKeysSeen = List.of(issued.summary().id());

		var outcome = other.revoke(issued.summary().id(), ApiClient.DEV_API_KEY, adminId);

		assertThat(outcome).isInstanceOf(ApiKeyManagement.Revocation.LastActiveKey.class);
		assertThat(keys.findById(issued.summary().id()).orElseThrow().status()).isTrue();
		assertThat(other.isActive(issued.key())).isTrue();
		assertThat(((SecurityEvent) events.getLast()).outcome()).isEqualTo(Outcome.FAILURE);
	}

	private String newKey() {
		return admin.post("/auth/admin/apikeys", Map.of("description", "cached")).data().path("key").asString();
	}

	/** The schema's repository, counting key lookups, failing while {@link #storeDown}, showing {@link #activeKeysSeen}. */
	private ApiKeys store() {
		return (ApiKeys) Proxy.newProxyInstance(ApiKeys.class.getClassLoader(), new Class<?>[] { ApiKeys.class },
				(proxy, method, args) -> {
					if (storeDown) {
						throw new DataAccessResourceFailureException("PostgreSQL is down");
					}
					if (method.getName().equals("findStatusByKeyHash")) {
						lookups.incrementAndGet();
					}
					try {
						Object result = method.invoke(keys, args);
						return method.getName().equals("lockActive") && activeKeysSeen != null ? activeKeysSeen : result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	static final class FakeTicker implements Ticker {

		private final AtomicLong nanos = new AtomicLong();

		@Override
		public long read() {
			return nanos.get();
		}

		void advance(Duration duration) {
			nanos.addAndGet(duration.toNanos());
		}
	}
}
