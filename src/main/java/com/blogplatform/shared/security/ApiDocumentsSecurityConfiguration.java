package com.blogplatform.shared.security;

import com.blogplatform.shared.web.ApiDocumentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The OpenAPI documents ({@code GET /<module>/v3/api-docs}) need no credentials: they describe
 * routes that all still need theirs, and a Swagger UI or a code generator must be able to fetch
 * them. Ahead of the modules' chains, which need the API key on everything under their prefix.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentsSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain apiDocumentsChain(HttpSecurity http, ApiSecurity api) throws Exception {
		return api.open(http, PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/{module}" + ApiDocumentation.DOCUMENT_PATH))
			.build();
	}
}
