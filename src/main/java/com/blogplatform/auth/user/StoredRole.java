package com.blogplatform.auth.user;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code roles}; inactive roles are invisible to every check. */
@Table("roles")
record StoredRole(@Id UUID id, String code, boolean status) {
}
