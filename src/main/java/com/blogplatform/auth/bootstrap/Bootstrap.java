package com.blogplatform.auth.bootstrap;

import com.blogplatform.auth.Role;
import com.blogplatform.auth.apikey.ApiKeyManagement;
import com.blogplatform.auth.user.AccountManagement;
import com.blogplatform.shared.embedded.EmbeddedProperties;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the configured API key and administrator if they are missing; a configured key that was
 * revoked through the API counts as present and stays revoked. In the embedded
 * development mode it also prints where the API listens and the key to call it with.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final BootstrapProperties properties;

	private final ApiKeyManagement apiKeys;

	private final AccountManagement accounts;

	private final boolean embedded;

	Bootstrap(BootstrapProperties properties, ApiKeyManagement apiKeys, AccountManagement accounts,
			EmbeddedProperties embedded) {
		this.properties = properties;
		this.apiKeys = apiKeys;
		this.accounts = accounts;
		this.embedded = embedded.enabled();
	}

	/** Runs after the schema is migrated and before the web server accepts requests. */
	@Override
	public void afterSingletonsInstantiated() {
		if (properties.hasApiKey()) {
			apiKeys.ensureKey(properties.apiKey(), "bootstrap key");
		}
		if (properties.hasAdmin()) {
			String name = properties.adminName() == null || properties.adminName().isBlank() ? "Admin" : properties.adminName();
			try {
				accounts.ensureAccount(properties.adminEmail(), properties.adminPassword(), name, EnumSet.allOf(Role.class));
			}
			catch (DuplicateKeyException anotherInstanceCreatedIt) {
				// Several instances start at once: one creates the account, the others now find it.
				accounts.ensureAccount(properties.adminEmail(), properties.adminPassword(), name, EnumSet.allOf(Role.class));
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce(ApplicationReadyEvent ready) {
		if (embedded) {
			Environment env = ready.getApplicationContext().getEnvironment();
			String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
			log.info("""

					  Blog platform (single jar, embedded development mode) is ready.
					    API:      http://localhost:{}/auth/... and http://localhost:{}/blog/...
					    API key:  send header 'x-api-key: {}'   (set AUTH_BOOTSTRAP_API_KEY to choose another)
					    Admin:    {} (all roles; set AUTH_BOOTSTRAP_ADMIN_EMAIL / AUTH_BOOTSTRAP_ADMIN_PASSWORD)
					""", port, port, properties.hasApiKey() ? properties.apiKey() : "(none configured)",
					properties.hasAdmin() ? properties.adminEmail() : "(none configured)");
		}
	}
}
