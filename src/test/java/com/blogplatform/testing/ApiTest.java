package com.blogplatform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, against the test servers on loopback. All classes so
 * annotated that add nothing of their own to the context (no test configuration, no dynamic
 * properties) share one application context. A {@link LocalServer} field is a client of that
 * server ({@link LocalServerExtension}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(LocalServerExtension.class)
public @interface ApiTest {
}
