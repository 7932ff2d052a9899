package com.blogplatform.auth.bootstrap;

import com.blogplatform.shared.startup.UnsafeConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code platform.production=true} (profile prod), refuses to start when one of auth's
 * secrets is missing or a well-known value: the bootstrap API key, the bootstrap administrator's
 * e-mail and password, and the JWT signing key (without one, every auth instance would generate
 * its own and reject the others' tokens). Runs before any bean is created, so nothing has touched
 * a database when it refuses. The reason names the variable, never the value.
 */
@Component
class ProductionSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

	/** The reference's API key and the placeholders of the development defaults and deploy/.env.example. */
	static final Set<String> WELL_KNOWN = Set.of("1d3f2dd1a5de725dd4df1d82bbb37", "changeit", "changeme", "secret", "password",
			"admin", "12345678", "123456789", "1234567890");

	static final int MIN_API_KEY_LENGTH = 16;

	static final int MIN_PASSWORD_LENGTH = 8;

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!environment.getProperty("platform.production", Boolean.class, false)) {
			return;
		}
		Binder binder = Binder.get(environment);
		List<String> problems = problems(binder.bindOrCreate("auth.bootstrap", BootstrapProperties.class),
				binder.bind("auth.token.private-key", String.class).orElse(""));
		if (!problems.isEmpty()) {
			throw new UnsafeConfigurationException(problems);
		}
	}

	static List<String> problems(BootstrapProperties bootstrap, String privateKey) {
		List<String> problems = new ArrayList<>();
		secret(problems, "AUTH_BOOTSTRAP_API_KEY", bootstrap.apiKey(), MIN_API_KEY_LENGTH);
		if (bootstrap.adminEmail() == null || bootstrap.adminEmail().isBlank()) {
			problems.add("AUTH_BOOTSTRAP_ADMIN_EMAIL is not set");
		}
		secret(problems, "AUTH_BOOTSTRAP_ADMIN_PASSWORD", bootstrap.adminPassword(), MIN_PASSWORD_LENGTH);
		if (privateKey == null || privateKey.isBlank()) {
			problems.add("AUTH_TOKEN_PRIVATE_KEY is not set (every auth instance must sign with the same key: "
					+ "a PEM file such as file:/run/secrets/jwt-private-key)");
		}
		return problems;
	}

	private static void secret(List<String> problems, String variable, String value, int minLength) {
		if (value == null || value.isBlank()) {
			problems.add(variable + " is not set");
		}
		else if (isWellKnown(value)) {
			problems.add(variable + " is a well-known development value");
		}
		else if (value.length() < minLength) {
			problems.add(variable + " is shorter than " + minLength + " characters");
		}
	}

	static boolean isWellKnown(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		return WELL_KNOWN.contains(normalized) || normalized.startsWith("change-me") || normalized.startsWith("changeit");
	}
}
