package com.blogplatform.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The building blocks every module's {@code SecurityFilterChain} is assembled from: stateless,
 * failures in the envelope, the {@code x-api-key} check on every route but health, and a bearer
 * authentication step whose {@link AuthenticationManager} the module provides.
 * <p>
 * Each module owns the chain for its own URL prefix ({@code /auth/**}, {@code /blog/**}), so a
 * module's rules travel with it when it is packaged as a service of its own.
 */
@Component
public class ApiSecurity {

	public static final String API_KEY_HEADER = "x-api-key";

	private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

	private final Optional<ApiKeyVerifier> apiKeys;

	private final EnvelopeWriter envelope;

	ApiSecurity(ObjectProvider<ApiKeyVerifier> apiKeys, EnvelopeWriter envelope) {
		this.apiKeys = Optional.ofNullable(apiKeys.getIfAvailable());
		this.envelope = envelope;
		if (this.apiKeys.isEmpty()) {
			log.info("No API key store in this process: the x-api-key check is left to the gateway");
		}
	}

	/**
	 * Applies the common settings to a module's chain for {@code prefix} (e.g. {@code /blog}):
	 * the chain matches {@code prefix/**}, {@code prefix/health} is open, and every other route
	 * needs a valid API key.
	 */
	public HttpSecurity forPrefix(HttpSecurity http, String prefix) throws Exception {
		String health = prefix + "/health";
		http.securityMatcher(prefix + "/**", prefix);
		common(http);
		apiKeys.ifPresent(verifier -> http.addFilterBefore(apiKeyFilter(verifier, request -> isHealth(request, health)),
				BasicAuthenticationFilter.class));
		return http;
	}

	/**
	 * The chain of the actuator's endpoints ({@code endpoints}): those matching {@code open}
	 * (health and its probes, which orchestrators and the gateway call without credentials) are
	 * open; the others (the Prometheus scrape) need a valid API key wherever this process checks
	 * keys. Where it does not (the blog service, which trusts the gateway and sits on an internal
	 * network that Kong never routes {@code /actuator} into), they are left to that network.
	 */
	public HttpSecurity forManagement(HttpSecurity http, RequestMatcher endpoints, RequestMatcher open) throws Exception {
		http.securityMatcher(endpoints);
		common(http);
		apiKeys.ifPresent(verifier -> http.addFilterBefore(apiKeyFilter(verifier, open), BasicAuthenticationFilter.class));
		http.authorizeHttpRequests(routes -> {
			routes.requestMatchers(open).permitAll();
			if (apiKeys.isPresent()) {
				routes.anyRequest().authenticated();
			}
			else {
				routes.anyRequest().permitAll();
			}
		});
		return http;
	}

	/**
	 * A chain for requests anyone may make ({@code matcher}, e.g. the OpenAPI documents): the same
	 * stateless settings and envelope failures, and no credentials asked.
	 */
	public HttpSecurity open(HttpSecurity http, RequestMatcher matcher) throws Exception {
		http.securityMatcher(matcher);
		common(http);
		return http.authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
	}

	/**
	 * Stateless: no HTTP session is ever created or read (the security context lives in a request
	 * attribute), so the session-management filters have nothing to do and are left out, as is the
	 * servlet-API wrapper of the request (nothing here asks the request for its principal): two
	 * filters and a wrapper fewer on every request.
	 */
	private void common(HttpSecurity http) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.sessionManagement(session -> session.disable())
			.servletApi(servletApi -> servletApi.disable())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(envelope).accessDeniedHandler(envelope));
	}

	/**
	 * Adds an authentication step, after the API-key check, that hands the raw {@code Authorization}
	 * header of every request matching {@code paths} to {@code manager} as a
	 * {@link BearerAuthentication}. A missing header is passed on too, so the manager answers it
	 * with the contract's message.
	 */
	public HttpSecurity requireBearer(HttpSecurity http, RequestMatcher paths, AuthenticationManager manager) {
		AuthenticationFilter filter = new AuthenticationFilter(manager,
				request -> BearerAuthentication.unauthenticated(request.getHeader("Authorization")));
		filter.setRequestMatcher(paths);
		configure(filter);
		return http.addFilterAfter(filter, BasicAuthenticationFilter.class);
	}

	/** The {@code x-api-key} check on every request of the chain but those {@code exempt}. */
	private AuthenticationFilter apiKeyFilter(ApiKeyVerifier verifier, RequestMatcher exempt) {
		AuthenticationManager manager = authentication -> {
			String key = (String) authentication.getCredentials();
			if (key == null || key.isEmpty()) {
				throw new RejectedAuthenticationException(HttpStatus.UNAUTHORIZED, "x-api-key header is missing");
			}
			boolean active;
			try {
				active = verifier.isActive(key);
			}
			catch (RuntimeException ex) {
				log.warn("API key store unavailable: {}", ex.toString());
				throw new RejectedAuthenticationException(HttpStatus.SERVICE_UNAVAILABLE,
						"authentication service unavailable, try again later");
			}
			if (!active) {
				throw new RejectedAuthenticationException(HttpStatus.FORBIDDEN, "permission denied: invalid x-api-key");
			}
			return ApiKeyAuthentication.verified();
		};
		AuthenticationFilter filter = new AuthenticationFilter(manager,
				request -> ApiKeyAuthentication.presented(request.getHeader(API_KEY_HEADER)));
		filter.setRequestMatcher(request -> !exempt.matches(request));
		configure(filter);
		return filter;
	}

	private static boolean isHealth(HttpServletRequest request, String health) {
		return health.equals(request.getRequestURI()) && "GET".equals(request.getMethod());
	}

	private void configure(AuthenticationFilter filter) {
		filter.setSuccessHandler((request, response, authentication) -> {
			// continue down the chain: the default handler would redirect
		});
		filter.setFailureHandler(envelope);
		filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
	}

	/** A presented or verified API key; it grants no role. */
	static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

		private final String key;

		private ApiKeyAuthentication(String key, boolean verified) {
			super(List.of());
			this.key = key;
			setAuthenticated(verified);
		}

		static ApiKeyAuthentication presented(String key) {
			return new ApiKeyAuthentication(key, false);
		}

		static ApiKeyAuthentication verified() {
			return new ApiKeyAuthentication(null, true);
		}

		@Override
		public Object getCredentials() {
			return key;
		}

		@Override
		public Object getPrincipal() {
			return "api-key";
		}
	}

	/** Used by modules to grant roles as authorities ({@code ROLE_AUTHOR}). */
	public static List<org.springframework.security.core.GrantedAuthority> roles(java.util.Collection<String> roles) {
		return AuthorityUtils.createAuthorityList(roles.stream().map(role -> "ROLE_" + role).toList());
	}
}
