package com.blogplatform.auth.session;

import com.blogplatform.auth.user.Account;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * What authenticating an access token needs, read in one statement ({@link Query}): the active user
 * with its active roles, and the session of the token if it is still active ({@code null} ids and
 * expiry otherwise).
 */
record SessionGrant(Account account, UUID sessionId, UUID familyId, Instant sessionExpiresAt) {

	boolean sessionActive() {
		return sessionId != null;
	}

	/**
	 * The hot path of every protected request: one statement, no transaction, one connection borrowed
	 * once. A row per active role (ordered by code), or one row with no role; none when there is no
	 * active user. Plain {@link JdbcTemplate} rather than a repository method: a third of this call's
	 * CPU was the repository's proxies and parameter conversion, and two aggregate sub-queries cost
	 * PostgreSQL more than the joined rows.
	 */
	@Component
	static final class Query {

		private static final String SQL = """
				SELECT u.id, u.email, u.name, u.profile_pic_url, k.id AS session_id, k.family_id, k.expires_at, r.id AS role_id, r.code AS role_code
				FROM users u
				LEFT JOIN keystore k ON k.user_id = u.id AND k.p_key = ? AND k.status AND k.expires_at > ?
				LEFT JOIN user_roles ur ON ur.user_id = u.id
				LEFT JOIN roles r ON r.id = ur.role_id AND r.status
				WHERE u.id = ? AND u.status
				ORDER BY r.code""";

		private final JdbcTemplate jdbc;

		Query(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		Optional<SessionGrant> find(UUID userId, String accessId, Instant now) {
			return Optional.ofNullable(jdbc.query(SQL, ROWS, accessId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), userId));
		}

		private static final ResultSetExtractor<SessionGrant> ROWS = Query::grant;

		private static SessionGrant grant(ResultSet rows) throws SQLException {
			if (!rows.next()) {
				return null;
			}
			UUID id = rows.getObject("id", UUID.class);
			String email = rows.getString("email");
			String name = rows.getString("name");
			String picture = rows.getString("profile_pic_url");
			UUID sessionId = rows.getObject("session_id", UUID.class);
			UUID familyId = rows.getObject("family_id", UUID.class);
			OffsetDateTime expiresAt = rows.getObject("expires_at", OffsetDateTime.class);
			List<Account.AssignedRole> roles = new ArrayList<>(4);
			do {
				UUID roleId = rows.getObject("role_id", UUID.class);
				if (roleId != null) {
					roles.add(new Account.AssignedRole(roleId, rows.getString("role_code")));
				}
			}
			while (rows.next());
			return new SessionGrant(new Account(id, email, name, picture, List.copyOf(roles)), sessionId, familyId,
					expiresAt == null ? null : expiresAt.toInstant());
		}
	}
}
