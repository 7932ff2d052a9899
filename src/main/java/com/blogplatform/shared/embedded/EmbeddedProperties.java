package com.blogplatform.shared.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded development mode ({@code platform.embedded.*}), in one place: the single jar and
 * each service run with nothing installed unless profile {@code prod} switches it off.
 * @param enabled the mode as a whole (off in profile prod)
 * @param dataDirectory where the embedded servers and the generated development key keep their data
 * @param postgres the embedded PostgreSQL of auth
 * @param mongodb the in-process MongoDB wire-protocol server of blog
 * @param loopback whether a down loopback interface may be brought up (a fresh network namespace)
 */
@ConfigurationProperties("platform.embedded")
public record EmbeddedProperties(@DefaultValue("true") boolean enabled, @DefaultValue(".blog-platform") Path dataDirectory,
		@DefaultValue Server postgres, @DefaultValue Server mongodb, @DefaultValue Loopback loopback) {

	/**
	 * @param enabled whether this embedded server runs (defaults to the mode's setting in application.yml)
	 * @param persistent keep data on disk across restarts (MongoDB: in memory when false)
	 * @param database the database name (MongoDB)
	 */
	public record Server(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean persistent,
			@DefaultValue("blog") String database) {
	}

	public record Loopback(@DefaultValue("true") boolean bringUp) {
	}
}
