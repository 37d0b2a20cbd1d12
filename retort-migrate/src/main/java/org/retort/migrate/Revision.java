package org.retort.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Migration} class as one revision of the schema (Alembic's {@code revision} /
 * {@code down_revision} module variables).
 *
 * <pre>{@code
 * @Revision(id = "1a2b3c4d5e6f", down = "0f9e8d7c6b5a", message = "add email to user_account")
 * public class AddEmail implements Migration { ... }
 * }</pre>
 *
 * <p>A revision with no {@code down} starts a history (a base); two entries in {@code down} make a merge
 * revision that joins two branches.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
    /** {@return the revision id, unique in the script directory (Alembic uses 12 hex digits)} */
    String id();

    /** {@return the revisions this one follows: none for a base, one normally, several for a merge} */
    String[] down() default {};

    /** {@return a one-line description shown by {@code history}} */
    String message() default "";

    /** {@return branch labels, usable in targets as {@code label@head}} */
    String[] labels() default {};

    /** {@return revisions, possibly on other branches, that must be applied before this one} */
    String[] dependsOn() default {};
}
