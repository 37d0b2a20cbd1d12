package org.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class to a table (SQLAlchemy's declarative class with {@code __tablename__}).
 *
 * <pre>{@code
 * @Entity(table = "user_account")
 * public class User { @MappedColumn(primaryKey = true) Long id; @MappedColumn String name; }
 * }</pre>
 *
 * <p>The class needs no base class and no setters; it needs a no-argument constructor (any visibility).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /** {@return the table name; empty means the class name through the registry's naming strategy} */
    String table() default "";

    /** {@return the schema; empty means the MetaData's default schema} */
    String schema() default "";
}
