package com.blogplatform.blog.web;

import com.blogplatform.auth.AuthPort;
import com.blogplatform.auth.AuthResult;
import com.blogplatform.auth.Role;
import com.blogplatform.shared.security.ApiSecurity;
import com.blogplatform.shared.security.BearerAuthentication;
import com.blogplatform.shared.security.RejectedAuthenticationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The security chain of {@code /blog/**}: API key (where this process holds the key store), then,
 * for the author and editor routes, one call to {@link AuthPort} that returns the user with roles,
 * and an exact role check. An unreachable auth is a 503, never a 401.
 */
@Configuration(proxyBeanMethods = false)
class BlogSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain blogSecurityChain(HttpSecurity http, ApiSecurity api, AuthPort auth) throws Exception {
		var protectedRoutes = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/blog/author"),
				PathPatternRequestMatcher.pathPattern("/blog/author/**"), PathPatternRequestMatcher.pathPattern("/blog/editor/**"));
		api.forPrefix(http, "/blog");
		api.requireBearer(http, protectedRoutes, portAuthentication(auth));
		http.authorizeHttpRequests(routes -> routes
			.requestMatchers("/blog/author", "/blog/author/**").hasRole(Role.AUTHOR.name())
			.requestMatchers("/blog/editor/**").hasRole(Role.EDITOR.name())
			.anyRequest().permitAll());
		return http.build();
	}

	private static AuthenticationManager portAuthentication(AuthPort auth) {
		return authentication -> switch (auth.authenticate(((BearerAuthentication) authentication).authorizationHeader())) {
			case AuthResult.Authenticated authenticated -> BearerAuthentication.authenticated(authenticated.user(),
					ApiSecurity.roles(authenticated.user().roles().stream().map(Role::name).toList()));
			case AuthResult.Unauthenticated rejected ->
				throw new RejectedAuthenticationException(HttpStatus.UNAUTHORIZED, rejected.reason());
			case AuthResult.Forbidden forbidden -> throw new RejectedAuthenticationException(HttpStatus.FORBIDDEN, forbidden.reason());
			case AuthResult.Unavailable unavailable -> throw new RejectedAuthenticationException(HttpStatus.SERVICE_UNAVAILABLE,
					"authentication service unavailable, try again later");
		};
	}
}
