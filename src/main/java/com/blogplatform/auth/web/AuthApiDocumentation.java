package com.blogplatform.auth.web;

import com.blogplatform.auth.Role;
import com.blogplatform.shared.web.ApiDocumentation;
import java.util.Arrays;
import java.util.Set;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * auth's OpenAPI document, {@code GET /auth/v3/api-docs}: what {@link ApiDocumentation} derives for
 * every route, plus what only auth knows: a route naming a user by id answers 404 when there is
 * none, and the credential routes are rate limited (429).
 */
@Configuration(proxyBeanMethods = false)
class AuthApiDocumentation {

	/** The routes that take a password or a refresh token: throttled per account and per client address. */
	static final Set<String> CREDENTIAL_ROUTES = Set.of("POST /auth/signup/basic", "POST /auth/signin/basic",
			"POST /auth/token/refresh", "PUT /auth/password");

	@Bean
	GroupedOpenApi authApi(ApiDocumentation documentation) {
		return documentation
			.module("auth", "Auth", "Accounts, sign-in with token pairs, profiles, API keys and role administration.",
					Arrays.stream(Role.values()).map(Role::name).toList())
			.addOpenApiCustomizer(openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> {
					if (path.contains("{")) {
						ApiDocumentation.failure(operation, 404, "No such user (or key).", "user does not exists");
					}
					if (CREDENTIAL_ROUTES.contains(method + " " + path)) {
						ApiDocumentation.failure(operation, 401,
								"The x-api-key header is missing, or the password or tokens presented are wrong.", "wrong password");
						ApiDocumentation.failure(operation, 429,
								"Too many attempts for this account or from this address: retry after the Retry-After header's seconds.",
								"too many requests, try again later");
					}
				})))
			.build();
	}
}
