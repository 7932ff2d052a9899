package com.blogplatform.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationContext;

/** What an application context holds, for tests of which modules run in it. */
public final class ContextBeans {

	private ContextBeans() {
	}

	/** The class names of the context's beans that belong to this package or one below it. */
	public static List<String> typesIn(ApplicationContext context, String packageName) {
		return Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(Objects::nonNull)
			.map(Class::getName)
			.filter(name -> name.startsWith(packageName + "."))
			.toList();
	}
}
