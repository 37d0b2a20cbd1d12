package org.retort.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per backend (sqlite-file, sqlite-memory, h2, postgresql, mariadb), each time with a
 * fresh, isolated database passed in as a {@link TestDatabase} parameter and dropped afterwards.
 *
 * <p>A server that cannot be reached is skipped with a printed notice locally, and fails the test when the
 * environment variable {@code CI} is {@code true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BackendExtension.class)
public @interface BackendTest {
    /** @return backend names to run on; empty means all */
    String[] only() default {};

    /** @return backend names to leave out */
    String[] exclude() default {};
}
