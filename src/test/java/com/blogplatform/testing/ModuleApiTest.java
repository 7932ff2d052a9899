package com.blogplatform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application module alone on a random port: the module of the test class's package with the
 * shared kernel (Spring Modulith's standalone bootstrap), against the test servers on loopback. A
 * {@link LocalServer} field is a client of that server, as in {@link ApiTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(LocalServerExtension.class)
public @interface ModuleApiTest {
}
