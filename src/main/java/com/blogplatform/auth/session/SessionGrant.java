package com.blogplatform.auth.session;

import com.blogplatform.auth.user.Account;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/**
 * What authenticating an access token needs, read in one query ({@link Sessions#findGrant}): the
 * active user with its active roles, and the session of the token if it is still active
 * ({@code null} ids otherwise).
 */
record SessionGrant(Account account, UUID sessionId, UUID familyId) {

	boolean sessionActive() {
		return sessionId != null;
	}

	/** Maps the row of {@link Sessions#findGrant}. */
	static final class Mapper implements RowMapper<SessionGrant> {

		@Override
		public SessionGrant mapRow(ResultSet row, int rowNumber) throws SQLException {
			UUID[] roleIds = elements(row.getArray("role_ids"), UUID[].class);
			String[] roleCodes = elements(row.getArray("role_codes"), String[].class);
			List<Account.AssignedRole> roles = new ArrayList<>(roleIds.length);
			for (int i = 0; i < roleIds.length; i++) {
				roles.add(new Account.AssignedRole(roleIds[i], roleCodes[i]));
			}
			Account account = new Account(row.getObject("id", UUID.class), row.getString("email"), row.getString("name"),
					row.getString("profile_pic_url"), List.copyOf(roles));
			return new SessionGrant(account, row.getObject("session_id", UUID.class), row.getObject("family_id", UUID.class));
		}

		private static <T> T elements(Array array, Class<T> type) throws SQLException {
			return type.cast(array.getArray());
		}
	}
}
