package com.blogplatform.auth.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What auth creates on start-up when missing ({@code auth.bootstrap.*}): an API key and an
 * administrator holding every role. Leave a value empty to create nothing. The defaults in
 * {@code application.yml} are the reference's well-known development values, so clients written
 * for it work unchanged; production deployments set their own.
 */
@ConfigurationProperties("auth.bootstrap")
record BootstrapProperties(String apiKey, String adminEmail, String adminPassword, String adminName) {

	boolean hasApiKey() {
		return apiKey != null && !apiKey.isBlank();
	}

	boolean hasAdmin() {
		return adminEmail != null && !adminEmail.isBlank() && adminPassword != null && !adminPassword.isBlank();
	}
}
