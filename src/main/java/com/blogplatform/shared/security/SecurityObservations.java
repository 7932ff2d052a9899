package com.blogplatform.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What Spring Security observes. Left to its defaults it wraps every filter of every chain in an
 * observation (a span and a timer each, before and after the servlet) and observes each request again
 * as secured/unsecured and each authorization decision: about a fifth of the CPU of a cached public
 * read, for what {@code http.server.requests} (with its status) and the auth port's own observation
 * already show. Authentications stay observed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	/** Static: Spring Security's post-processors read it while the filter chains are being built. */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false).build();
	}
}
