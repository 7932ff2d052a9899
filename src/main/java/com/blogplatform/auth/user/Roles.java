package com.blogplatform.auth.user;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface Roles extends Repository<StoredRole, UUID> {

	List<StoredRole> findByStatusTrue();
}
