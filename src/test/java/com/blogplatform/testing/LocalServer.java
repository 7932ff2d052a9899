package com.blogplatform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of type {@link ApiClient} that {@link LocalServerExtension} sets, before each test,
 * to a client of the server the test's Spring context runs (what {@code @LocalServerPort} and
 * {@code new ApiClient("http://localhost:" + port)} did in every test class). {@link ApiTest}
 * registers the extension.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LocalServer {
}
