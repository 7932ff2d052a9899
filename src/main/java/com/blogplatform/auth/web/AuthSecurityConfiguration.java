package com.blogplatform.auth.web;

import com.blogplatform.auth.Role;
import com.blogplatform.auth.session.SessionManagement;
import com.blogplatform.shared.security.ApiSecurity;
import com.blogplatform.shared.security.BearerAuthentication;
import com.blogplatform.shared.security.RejectedAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The security chain of {@code /auth/**}: API key everywhere but health, a bearer token for
 * sign-out, the own profile, the password change and administration, and the ADMIN role for administration.
 */
@Configuration(proxyBeanMethods = false)
class AuthSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuthSecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain authSecurityChain(HttpSecurity http, ApiSecurity api, SessionManagement sessions) throws Exception {
		var bearerRoutes = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/auth/signout"),
				PathPatternRequestMatcher.pathPattern("/auth/profile/mine"),
				PathPatternRequestMatcher.pathPattern("/auth/password"),
				PathPatternRequestMatcher.pathPattern("/auth/admin/**"));
		api.forPrefix(http, "/auth");
		api.requireBearer(http, bearerRoutes, sessionAuthentication(sessions));
		http.authorizeHttpRequests(routes -> routes
			.requestMatchers("/auth/admin/**").hasRole(Role.ADMIN.name())
			.anyRequest().permitAll());
		return http.build();
	}

	private static AuthenticationManager sessionAuthentication(SessionManagement sessions) {
		return authentication -> {
			String header = ((BearerAuthentication) authentication).authorizationHeader();
			SessionManagement.Authentication result;
			try {
				result = sessions.authenticate(header);
			}
			catch (DataAccessException ex) {
				log.warn("Session store unavailable: {}", ex.toString());
				throw new RejectedAuthenticationException(HttpStatus.SERVICE_UNAVAILABLE,
						"authentication service unavailable, try again later");
			}
			return switch (result) {
				case SessionManagement.Authentication.Granted granted -> BearerAuthentication.authenticated(granted.principal(),
						ApiSecurity.roles(granted.principal().account().roleCodes()));
				case SessionManagement.Authentication.Denied denied ->
					throw new RejectedAuthenticationException(HttpStatus.UNAUTHORIZED, denied.reason());
			};
		};
	}
}
