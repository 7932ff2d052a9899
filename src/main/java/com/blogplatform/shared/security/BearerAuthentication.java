package com.blogplatform.shared.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A bearer credential: before authentication the raw {@code Authorization} header value, after it
 * the principal the module's authentication manager resolved (with roles as authorities).
 */
public final class BearerAuthentication extends AbstractAuthenticationToken {

	private final String authorizationHeader;

	private final Object principal;

	private BearerAuthentication(String authorizationHeader, Object principal,
			Collection<? extends GrantedAuthority> authorities, boolean authenticated) {
		super(authorities);
		this.authorizationHeader = authorizationHeader;
		this.principal = principal;
		setAuthenticated(authenticated);
	}

	public static BearerAuthentication unauthenticated(String authorizationHeader) {
		return new BearerAuthentication(authorizationHeader, null, List.of(), false);
	}

	public static BearerAuthentication authenticated(Object principal, Collection<? extends GrantedAuthority> authorities) {
		return new BearerAuthentication(null, principal, authorities, true);
	}

	/** The header value as received; {@code null} once authenticated. */
	public String authorizationHeader() {
		return authorizationHeader;
	}

	@Override
	public Object getCredentials() {
		return authorizationHeader;
	}

	@Override
	public Object getPrincipal() {
		return principal;
	}
}
