package com.blogplatform.auth.user;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * New passwords are hashed with argon2id (OWASP parameters: 19 MiB, 2 iterations), which, unlike
 * bcrypt, has no 72-byte limit, so every password the contract allows (up to 100 characters) is
 * accepted. bcrypt hashes, including the reference's bare {@code $2a$05$...} ones, still verify
 * and are re-hashed with argon2id on the next successful sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		String current = "argon2";
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(current, Map.of(
				current, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
				"bcrypt", new BCryptPasswordEncoder(10)));
		encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
		return encoder;
	}
}
