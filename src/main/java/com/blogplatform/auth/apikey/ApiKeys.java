package com.blogplatform.auth.apikey;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ApiKeys extends ListCrudRepository<ApiKey, UUID> {

	Optional<ApiKey> findByKeyHash(String keyHash);
}
