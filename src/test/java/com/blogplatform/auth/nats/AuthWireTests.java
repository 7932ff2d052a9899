package com.blogplatform.auth.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.blogplatform.auth.AuthenticatedUser;
import com.blogplatform.auth.Role;
import com.blogplatform.auth.UserProfile;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The port's messages on NATS in the reference's shapes, so our services and the reference's Go
 * services understand each other: the envelope {@code {"data": ...}} or
 * {@code {"error": "<status>:<message>"}}, absent fields omitted.
 */
class AuthWireTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final UUID ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");

	static final AuthenticatedUser ADA = new AuthenticatedUser(ID, "Ada", "ada@example.com", "https://img.example.com/ada.png",
			EnumSet.of(Role.EDITOR, Role.AUTHOR));

	@Test
	void encodesARequestAsTheReferencesValueEnvelope() {
		byte[] request = AuthWire.request(new AuthWire.Value("Bearer a.b.c"));

		assertJson(request, "{\"data\":{\"value\":\"Bearer a.b.c\"}}");
	}

	@Test
	void encodesAnAuthorizationRequestWithTheUserIdAndRoleCodes() {
		var authorization = new AuthWire.Authorization(new AuthWire.User(ID.toString(), null, null, null, null),
				List.of("AUTHOR", "EDITOR"));

		assertJson(AuthWire.request(authorization),
				"{\"data\":{\"user\":{\"id\":\"" + ID + "\"},\"roles\":[\"AUTHOR\",\"EDITOR\"]}}");
	}

	@Test
	void encodesAnAuthenticatedUserWithItsRolesSorted() {
		assertJson(AuthWire.success(AuthWire.User.of(ADA)), "{\"data\":{\"id\":\"" + ID + "\",\"name\":\"Ada\","
				+ "\"email\":\"ada@example.com\",\"profilePicUrl\":\"https://img.example.com/ada.png\",\"roles\":[\"AUTHOR\",\"EDITOR\"]}}");
	}

	@Test
	void encodesAPublicProfileWithoutEmailRolesOrAMissingPicture() {
		assertJson(AuthWire.success(AuthWire.User.of(new UserProfile(ID, "Ada", null))),
				"{\"data\":{\"id\":\"" + ID + "\",\"name\":\"Ada\"}}");
	}

	@Test
	void encodesAFailureAsStatusColonMessage() {
		assertJson(AuthWire.failure(new AuthWire.Failure(401, "permission denied: invalid access token")),
				"{\"error\":\"401:permission denied: invalid access token\"}");
		assertJson(AuthWire.failure(new AuthWire.Failure(AuthWire.Failure.UNSPECIFIED, "no rows in result set")),
				"{\"error\":\"no rows in result set\"}");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"data":{"value":"Bearer a.b.c"}}           | Bearer a.b.c
			{"data":{"value":"x"},"error":""}           | x
			{"error":"","data":{"value":"y","extra":1}} | y
			""")
	void decodesARequestsValueAnEmptyErrorBeingNoError(String message, String value) {
		AuthWire.Envelope envelope = AuthWire.decode(bytes(message));

		assertThat(envelope.failed()).isFalse();
		assertThat(envelope.data(AuthWire.Value.class).value()).isEqualTo(value);
	}

	@Test
	void decodesAUserWithRolesIgnoringUnknownFields() {
		AuthWire.Envelope envelope = AuthWire.decode(bytes("{\"data\":{\"id\":\"" + ID + "\",\"name\":\"Ada\","
				+ "\"email\":\"ada@example.com\",\"roles\":[\"EDITOR\",\"AUTHOR\",\"ROOT\"],\"createdAt\":\"2024-01-01\"}}"));

		AuthWire.User user = envelope.data(AuthWire.User.class);

		assertThat(envelope.failed()).isFalse();
		assertThat(user.knownRoles()).as("unknown role codes are ignored").contains(EnumSet.of(Role.AUTHOR, Role.EDITOR));
		assertThat(user.toAuthenticatedUser(user.knownRoles().orElseThrow()))
			.isEqualTo(new AuthenticatedUser(ID, "Ada", "ada@example.com", null, Set.of(Role.AUTHOR, Role.EDITOR)));
		assertThat(user.toProfile()).isEqualTo(new UserProfile(ID, "Ada", null));
	}

	@Test
	void aUserWithoutRolesHasNoKnownRolesWhileAnEmptyListIsNone() {
		AuthWire.User withoutRoles = AuthWire.decode(bytes("{\"data\":{\"id\":\"" + ID + "\",\"name\":\"Ada\"}}"))
			.data(AuthWire.User.class);
		AuthWire.User noRoles = AuthWire.decode(bytes("{\"data\":{\"id\":\"" + ID + "\",\"roles\":[]}}")).data(AuthWire.User.class);

		assertThat(withoutRoles.roles()).isNull();
		assertThat(withoutRoles.knownRoles()).as("the reference's Go auth sends none: ask per role").isEmpty();
		assertThat(noRoles.knownRoles()).contains(Set.of());
	}

	@Test
	void anEncodedUserDecodesToTheSameUser() {
		AuthWire.User user = AuthWire.decode(AuthWire.success(AuthWire.User.of(ADA))).data(AuthWire.User.class);

		assertThat(user.toAuthenticatedUser(user.knownRoles().orElseThrow())).isEqualTo(ADA);
	}

	@Test
	void decodesAnErrorWithItsStatus() {
		AuthWire.Envelope envelope = AuthWire.decode(bytes("{\"error\":\"403:permission denied: does not have suffient role\"}"));

		assertThat(envelope.failed()).isTrue();
		assertThat(envelope.failure()).isEqualTo(new AuthWire.Failure(403, "permission denied: does not have suffient role"));
		assertThat(envelope.data()).isNull();
	}

	@Test
	void anErrorWinsOverData() {
		AuthWire.Envelope envelope = AuthWire.decode(bytes("{\"data\":{\"value\":\"x\"},\"error\":\"503:store down\"}"));

		assertThat(envelope.failure()).isEqualTo(new AuthWire.Failure(503, "store down"));
	}

	@Test
	void parsesOnlyAThreeDigitPrefixAsTheStatus() {
		assertThat(AuthWire.Failure.parse("401:permission denied: invalid Authorization"))
			.isEqualTo(new AuthWire.Failure(401, "permission denied: invalid Authorization"));
		assertThat(AuthWire.Failure.parse("no rows in result set"))
			.isEqualTo(new AuthWire.Failure(AuthWire.Failure.UNSPECIFIED, "no rows in result set"));
		assertThat(AuthWire.Failure.parse("40:short")).isEqualTo(new AuthWire.Failure(AuthWire.Failure.UNSPECIFIED, "40:short"));
		assertThat(AuthWire.Failure.parse("4011:long")).isEqualTo(new AuthWire.Failure(AuthWire.Failure.UNSPECIFIED, "4011:long"));
		assertThat(AuthWire.Failure.parse("abc:letters")).isEqualTo(new AuthWire.Failure(AuthWire.Failure.UNSPECIFIED, "abc:letters"));
		assertThat(AuthWire.Failure.parse("500:")).isEqualTo(new AuthWire.Failure(500, ""));
	}

	@Test
	void aFailureSurvivesTheRoundTrip() {
		var failure = new AuthWire.Failure(401, "permission denied: token is expired");

		assertThat(AuthWire.decode(AuthWire.failure(failure)).failure()).isEqualTo(failure);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{}", "{\"data\":null}", "{\"value\":\"Bearer a.b.c\"}", "[]" })
	void anEnvelopeWithoutDataOrErrorIsInvalid(String message) {
		assertThat(AuthWire.decode(bytes(message)).failure()).isEqualTo(new AuthWire.Failure(400, "invalid payload for validation"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{\"data\":", "{\"data\":{}}}", "{\"data\":{\"value\":\"x\"}} trailing" })
	void malformedJsonIsABadRequest(String message) {
		assertThat(AuthWire.decode(bytes(message)).failure()).isEqualTo(new AuthWire.Failure(400, "malformed message"));
	}

	@Test
	void aReuseIsSentInMillisecondsAndOnlyWhenThereIsOne() {
		assertThat(AuthWire.reuseHeaders(Duration.ofMillis(250)).getFirst(AuthWire.REUSE)).isEqualTo("250");
		assertThat(AuthWire.reuseHeaders(Duration.ZERO)).isNull();
	}

	@ParameterizedTest
	@CsvSource(nullValues = "none", value = { "250, 250", "none, 0", "0, 0", "-5, 0", "soon, 0", "86400000, 5000" })
	void aReuseIsReadAsAtMostFiveSecondsAndNothingElseAsNone(String header, long millis) {
		Headers headers = new Headers();
		if (header != null) {
			headers.put(AuthWire.REUSE, header);
		}

		assertThat(AuthWire.reuse(headers)).isEqualTo(Duration.ofMillis(millis));
		assertThat(AuthWire.reuse(null)).isZero();
	}

	@Test
	void namesSubjectsAfterTheService() {
		assertThat(AuthWire.subject("auth", AuthWire.AUTHENTICATION)).isEqualTo("auth.authentication");
		assertThat(AuthWire.subject("auth", AuthWire.AUTHORIZATION)).isEqualTo("auth.authorization");
		assertThat(AuthWire.subject("auth", AuthWire.PROFILE_GROUP, AuthWire.PROFILE)).isEqualTo("auth.profile.user");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void assertJson(byte[] actual, String expected) {
		JsonNode tree = JSON.readTree(new String(actual, StandardCharsets.UTF_8));
		assertThat(tree).as(new String(actual, StandardCharsets.UTF_8)).isEqualTo(JSON.readTree(expected));
	}
}
