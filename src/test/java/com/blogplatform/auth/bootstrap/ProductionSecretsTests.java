package com.blogplatform.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blogplatform.shared.startup.UnsafeConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The rules profile prod applies to auth's secrets, one by one. */
class ProductionSecretsTests {

	static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";

	@Test
	void acceptsSecretsOfTheOperatorsOwn() {
		assertThat(ProductionSecrets.problems(new BootstrapProperties("k-5f0c2e8b9a7d4e21", "ops@example.com", "a-long-secret", null),
				"file:/run/secrets/jwt-private-key")).isEmpty();
		assertThat(ProductionSecrets.problems(new BootstrapProperties("k-5f0c2e8b9a7d4e21", "ops@example.com", "a-long-secret", null),
				KEY)).isEmpty();
	}

	@Test
	void refusesTheReferencesKeyTheDevelopmentPasswordAndThePlaceholders() {
		assertThat(ProductionSecrets.problems(new BootstrapProperties("1D3F2DD1A5DE725DD4DF1D82BBB37", "admin@afteracademy.com",
				"changeit", null), KEY)).containsExactly("AUTH_BOOTSTRAP_API_KEY is a well-known development value",
						"AUTH_BOOTSTRAP_ADMIN_PASSWORD is a well-known development value");
		assertThat(ProductionSecrets.problems(new BootstrapProperties("change-me-to-a-long-random-api-key", "a@b.c",
				"change-me-admin", null), KEY)).hasSize(2);
		assertThat(ProductionSecrets.isWellKnown(" ChangeIt ")).isTrue();
	}

	@Test
	void refusesMissingAndShortSecretsAndAMissingSigningKey() {
		assertThat(ProductionSecrets.problems(new BootstrapProperties(" ", null, "", null), null)).containsExactly(
				"AUTH_BOOTSTRAP_API_KEY is not set", "AUTH_BOOTSTRAP_ADMIN_EMAIL is not set",
				"AUTH_BOOTSTRAP_ADMIN_PASSWORD is not set",
				"AUTH_TOKEN_PRIVATE_KEY is not set (every auth instance must sign with the same key: a PEM file such as "
						+ "file:/run/secrets/jwt-private-key)");
		assertThat(ProductionSecrets.problems(new BootstrapProperties("short-key", "a@b.c", "seven77", null), KEY))
			.containsExactly("AUTH_BOOTSTRAP_API_KEY is shorter than 16 characters",
					"AUTH_BOOTSTRAP_ADMIN_PASSWORD is shorter than 8 characters");
	}

	@Test
	void appliesOnlyInProductionAndNeverPrintsTheValue() {
		ProductionSecrets check = new ProductionSecrets();
		MockEnvironment development = new MockEnvironment().withProperty("auth.bootstrap.api-key", "1D3F2DD1A5DE725DD4DF1D82BBB37");
		check.setEnvironment(development);
		check.postProcessBeanFactory(new DefaultListableBeanFactory());

		check.setEnvironment(development.withProperty("platform.production", "true"));
		assertThatThrownBy(() -> check.postProcessBeanFactory(new DefaultListableBeanFactory()))
			.isInstanceOf(UnsafeConfigurationException.class)
			.hasMessageStartingWith("Refusing to start with profile prod: AUTH_BOOTSTRAP_API_KEY is a well-known development value")
			.message().doesNotContain("1D3F2DD1A5DE725DD4DF1D82BBB37");
	}
}
