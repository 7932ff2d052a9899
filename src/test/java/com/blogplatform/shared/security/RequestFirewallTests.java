package com.blogplatform.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The header-value rule of {@link RequestFirewall} is the firewall's default, code point for code point.
 */
class RequestFirewallTests {

	/** StrictHttpFirewall's own default for header values. */
	private static final Pattern DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Test
	void acceptsWhatTheDefaultAcceptsForEveryCodePoint() {
		int differences = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String value = "a" + Character.toString(codePoint) + "b";
			if (RequestFirewall.allowedHeaderValue(value) != DEFAULT.matcher(value).matches()) {
				differences++;
			}
		}
		assertThat(differences).isZero();
	}

	@Test
	void refusesControlsAnywhereAndAcceptsTokens() {
		assertThat(RequestFirewall.allowedHeaderValue("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
		assertThat(RequestFirewall.allowedHeaderValue("")).isTrue();
		assertThat(RequestFirewall.allowedHeaderValue("tab\there")).isFalse();
		assertThat(RequestFirewall.allowedHeaderValue("x\u0085")).isFalse();
		assertThat(RequestFirewall.allowedHeaderValue("\u0000")).isFalse();
		assertThat(RequestFirewall.allowedHeaderValue("\u0378")).isFalse(); // unassigned
		assertThat(RequestFirewall.allowedHeaderValue("caf\u00e9 \ud83d\ude00")).isTrue();
	}
}
