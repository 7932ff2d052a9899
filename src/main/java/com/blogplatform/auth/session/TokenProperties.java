package com.blogplatform.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code auth.token.*}).
 * @param privateKey PEM private key (PKCS#8 or PKCS#1); when absent, a key pair is generated once
 * into {@code generatedKeyDirectory} and reused on restart (development)
 * @param publicKey PEM public key; derived from the private key when absent
 * @param clockSkew leeway for {@code exp}/{@code nbf} between machines
 */
@Validated
@ConfigurationProperties("auth.token")
record TokenProperties(@NotBlank @DefaultValue("api.blogplatform.dev") String issuer,
		@NotBlank @DefaultValue("blogplatform.dev") String audience,
		@NotNull @DefaultValue("1h") Duration accessTokenValidity,
		@NotNull @DefaultValue("7d") Duration refreshTokenValidity,
		@NotNull @DefaultValue("30s") Duration clockSkew,
		Resource privateKey, Resource publicKey,
		@NotNull @DefaultValue(".blog-platform/keys") Path generatedKeyDirectory) {
}
