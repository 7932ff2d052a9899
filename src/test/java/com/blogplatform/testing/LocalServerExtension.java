package com.blogplatform.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Sets every {@link LocalServer} field of a test instance (its superclasses' too) to an
 * {@link ApiClient} of the server that the test's Spring application context started on its random
 * port: {@code local.server.port} of that context's {@code Environment}, the context being the one
 * {@link SpringExtension} loads (or has cached) for the test class. The client sends the development
 * API key, as every {@link ApiClient} does.
 */
public final class LocalServerExtension implements TestInstancePostProcessor {

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
		List<Field> fields = AnnotationSupport.findAnnotatedFields(testInstance.getClass(), LocalServer.class);
		if (fields.isEmpty()) {
			return;
		}
		ApiClient client = new ApiClient("http://localhost:" + port(context));
		for (Field field : fields) {
			if (field.getType() != ApiClient.class || Modifier.isStatic(field.getModifiers())
					|| Modifier.isFinal(field.getModifiers())) {
				throw new ExtensionConfigurationException("@LocalServer needs a non-static, non-final ApiClient field: " + field);
			}
			field.setAccessible(true);
			field.set(testInstance, client);
		}
	}

	private static String port(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
					+ " has a @LocalServer field but its context runs no web server (webEnvironment = RANDOM_PORT)");
		}
		return port;
	}
}
