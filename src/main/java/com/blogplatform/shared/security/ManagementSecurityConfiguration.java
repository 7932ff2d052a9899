package com.blogplatform.shared.security;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator's endpoints, on whichever port they are served: health and its probes open, the
 * Prometheus scrape behind the API key ({@link ApiSecurity#forManagement}), so a single jar
 * reachable by clients does not hand its metrics to anyone.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

	@Bean
	@Order(3)
	SecurityFilterChain managementSecurityChain(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.forManagement(http, EndpointRequest.toAnyEndpoint(), EndpointRequest.to(HealthEndpoint.class)).build();
	}
}
