package com.blogplatform.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code auth.token.*}).
 * @param privateKey the PEM private key (PKCS#8 or PKCS#1): the PEM text itself, or where to read it
 * ({@code file:/run/secrets/jwt-private-key}, a path, {@code classpath:...}); when absent, a key pair
 * is generated once into {@code generatedKeyDirectory} and reused on restart (development only:
 * profile prod refuses to start without it, so every auth instance signs with the same key)
 * @param publicKey the PEM public key, text or location; derived from the private key when absent
 * @param clockSkew leeway for {@code exp}/{@code nbf} between machines
 */
@Validated
@ConfigurationProperties("auth.token")
record TokenProperties(@NotBlank @DefaultValue("api.blogplatform.dev") String issuer,
		@NotBlank @DefaultValue("blogplatform.dev") String audience,
		@NotNull @DefaultValue("1h") Duration accessTokenValidity,
		@NotNull @DefaultValue("7d") Duration refreshTokenValidity,
		@NotNull @DefaultValue("30s") Duration clockSkew,
		String privateKey, String publicKey,
		@NotNull @DefaultValue(".blog-platform/keys") Path generatedKeyDirectory) {

	boolean hasPrivateKey() {
		return privateKey != null && !privateKey.isBlank();
	}

	/** Never prints key material. */
	@Override
	public String toString() {
		return "TokenProperties[issuer=" + issuer + ", audience=" + audience + ", accessTokenValidity=" + accessTokenValidity
				+ ", refreshTokenValidity=" + refreshTokenValidity + ", privateKey=" + (hasPrivateKey() ? "******" : null) + "]";
	}
}
