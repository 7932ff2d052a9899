package com.blogplatform.auth.nats;

import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.Role;
import com.blogplatform.auth.UserProfile;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The port's messages on NATS, in the reference's shapes so that our services and the reference's
 * Go services can talk to each other: subjects {@code auth.authentication},
 * {@code auth.authorization} and {@code auth.profile.user}; every message is
 * {@code {"data": ..., "error": "<status>:<message>"}} with either field omitted when absent.
 * <p>
 * Beyond the reference, in a NATS header that its Go services neither send nor read: a granted
 * authentication may say for how long the caller may reuse it ({@value #REUSE}, in milliseconds).
 */
final class AuthWire {

	static final String AUTHENTICATION = "authentication";

	static final String AUTHORIZATION = "authorization";

	static final String PROFILE_GROUP = "profile";

	static final String PROFILE = "user";

	/** How long a granted authentication may be reused, in milliseconds, counted from when it was asked for. */
	static final String REUSE = "Auth-Reuse-Millis";

	/** The longest reuse a caller honours, whatever a reply says: a misconfigured responder cannot make it longer. */
	static final Duration MAX_REUSE = Duration.ofSeconds(5);

	static String subject(String serviceName, String... path) {
		return serviceName + "." + String.join(".", path);
	}

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	/** {@code {"value": "..."}}: the Authorization header for authentication, a user id for profiles. */
	record Value(String value) {
	}

	/**
	 * The reference's User object plus {@code roles}, which its Go decoder ignores: one round trip
	 * answers "who is this, and what may they do".
	 */
	record User(String id, String name, String email, String profilePicUrl, List<String> roles) {

		static User of(AuthenticatedUser user) {
			return new User(user.id().toString(), user.name(), user.email(), user.profilePicUrl(),
					user.roles().stream().map(Role::name).sorted().toList());
		}

		static User of(UserProfile profile) {
			return new User(profile.id().toString(), profile.name(), null, profile.profilePicUrl(), null);
		}

		AuthenticatedUser toAuthenticatedUser(Set<Role> resolvedRoles) {
			return new AuthenticatedUser(UUID.fromString(id), name, email, profilePicUrl, resolvedRoles);
		}

		Optional<Set<Role>> knownRoles() {
			return roles == null ? Optional.empty()
					: Optional.of(roles.stream().flatMap(code -> Role.fromCode(code).stream()).collect(Collectors.toSet()));
		}

		UserProfile toProfile() {
			return new UserProfile(UUID.fromString(id), name, profilePicUrl);
		}
	}

	/** {@code {"user": {...}, "roles": ["AUTHOR"]}}: does this user hold any of these roles? */
	record Authorization(User user, List<String> roles) {
	}

	/** A decoded envelope: the raw {@code data} node or an error. */
	record Envelope(JsonNode data, Failure failure) {

		boolean failed() {
			return failure != null;
		}

		<T> T data(Class<T> type) {
			return JSON.treeToValue(data, type);
		}
	}

	/**
	 * An error as written on the wire: {@code "<status>:<message>"}, or a bare message (the
	 * reference writes library errors such as {@code no rows in result set} without a status).
	 */
	record Failure(int status, String message) {

		static final int UNSPECIFIED = 0;

		static Failure parse(String text) {
			int colon = text.indexOf(':');
			if (colon == 3 && text.substring(0, 3).chars().allMatch(Character::isDigit)) {
				return new Failure(Integer.parseInt(text.substring(0, 3)), text.substring(4));
			}
			return new Failure(UNSPECIFIED, text);
		}

		String wire() {
			return status == UNSPECIFIED ? message : status + ":" + message;
		}
	}

	static byte[] request(Object data) {
		return JSON.writeValueAsBytes(new Outgoing(data, null));
	}

	static byte[] success(Object data) {
		return JSON.writeValueAsBytes(new Outgoing(data, null));
	}

	static byte[] failure(Failure failure) {
		return JSON.writeValueAsBytes(new Outgoing(null, failure.wire()));
	}

	/**
	 * Decodes an envelope. A missing {@code data} with no error is itself an error, as in the
	 * reference ({@code invalid payload for validation}).
	 */
	static Envelope decode(byte[] bytes) {
		try {
			JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
			JsonNode error = root.path("error");
			if (error.isString() && !error.asString().isEmpty()) {
				return new Envelope(null, Failure.parse(error.asString()));
			}
			JsonNode data = root.path("data");
			if (data.isMissingNode() || data.isNull()) {
				return new Envelope(null, new Failure(400, "invalid payload for validation"));
			}
			return new Envelope(data, null);
		}
		catch (JacksonException ex) {
			return new Envelope(null, new Failure(400, "malformed message"));
		}
	}

	/** The header of a granted authentication that may be reused for {@code reuse}; none when it may not. */
	static Headers reuseHeaders(Duration reuse) {
		return reuse.isPositive() ? new Headers().put(REUSE, String.valueOf(reuse.toMillis())) : null;
	}

	/** What a reply's headers allow, at most {@link #MAX_REUSE}; zero when they say nothing or nonsense. */
	static Duration reuse(Headers headers) {
		String millis = headers == null ? null : headers.getFirst(REUSE);
		if (millis == null) {
			return Duration.ZERO;
		}
		try {
			long allowed = Long.parseLong(millis.trim());
			return allowed <= 0 ? Duration.ZERO : Duration.ofMillis(Math.min(allowed, MAX_REUSE.toMillis()));
		}
		catch (NumberFormatException ex) {
			return Duration.ZERO;
		}
	}

	private record Outgoing(Object data, String error) {
	}
}
