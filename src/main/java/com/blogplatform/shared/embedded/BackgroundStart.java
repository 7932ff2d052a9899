package com.blogplatform.shared.embedded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded server on a thread of its own as soon as the context begins to refresh (bean
 * factory post-processing, before any bean is created), so that its start overlaps the creation of the
 * web server and of every bean before the one that needs it. That bean takes it with {@link #server()}
 * (waiting if it is still starting, failing with the start's exception); if the context fails before,
 * the server is stopped when the context is destroyed. Register it from a {@code static} {@code @Bean}
 * method of a configuration guarded by the server's condition.
 * @param <T> the server
 */
public final class BackgroundStart<T> implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

	private final String name;

	private final Function<EmbeddedProperties, T> start;

	private final Consumer<T> stop;

	private Environment environment;

	private CompletableFuture<T> starting;

	private volatile boolean handedOver;

	/**
	 * @param name the starting thread's name
	 * @param start starts the server from the embedded mode's settings
	 * @param stop stops a server never handed over
	 */
	public BackgroundStart(String name, Function<EmbeddedProperties, T> start, Consumer<T> stop) {
		this.name = name;
		this.start = start;
		this.stop = stop;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		EmbeddedProperties embedded = Binder.get(environment).bindOrCreate("platform.embedded", EmbeddedProperties.class);
		starting = new CompletableFuture<>();
		Thread.ofPlatform().name(name).start(() -> {
			try {
				starting.complete(start.apply(embedded));
			}
			catch (Throwable ex) {
				starting.completeExceptionally(ex);
			}
		});
	}

	/** The started server, once it is up; from now on its bean owns (and stops) it. */
	public T server() {
		try {
			T server = starting.join();
			handedOver = true;
			return server;
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void destroy() {
		if (!handedOver && starting != null) {
			T unused = starting.exceptionally(failed -> null).join();
			if (unused != null) {
				stop.accept(unused);
			}
		}
	}
}
