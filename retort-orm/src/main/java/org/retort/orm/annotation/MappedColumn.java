package org.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.retort.types.SqlType;

/**
 * Maps a field to a column (SQLAlchemy's {@code mapped_column()}). Every non-static, non-{@link Transient} field
 * of an {@link Entity} is mapped; the annotation is needed only to say more than the defaults.
 *
 * <p>Defaults: the column name comes from the field name through the naming strategy ({@code emailAddress}
 * becomes {@code email_address}); the SQL type from the Java type ({@code String -> VARCHAR},
 * {@code long -> BIGINT}, {@code LocalDateTime -> DATETIME}, enums, UUID, BigDecimal, byte[], ...); a primitive
 * field or a primary key column is NOT NULL.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MappedColumn {
    /** {@return the column name; empty means derived from the field name} */
    String name() default "";

    /** {@return true when the column is (part of) the primary key} */
    boolean primaryKey() default false;

    /** {@return false for NOT NULL; ignored (NOT NULL) for primary keys and primitive fields} */
    boolean nullable() default true;

    /** {@return the length of a string or binary column; -1 for the type's default} */
    int length() default -1;

    /** {@return the precision of a decimal column; -1 for the type's default} */
    int precision() default -1;

    /** {@return the scale of a decimal column; -1 for the type's default} */
    int scale() default -1;

    /** {@return true for a UNIQUE constraint on the column} */
    boolean unique() default false;

    /** {@return true for an index on the column} */
    boolean index() default false;

    /**
     * {@return true to leave the column out of queries unless one asks for it ({@code Load.undefer}); a large
     * text or binary column that most reads do not need. The field keeps its initial value until
     * {@code session.refresh(obj, "field")} or an undeferring query loads it}
     */
    boolean deferred() default false;

    /**
     * An explicit SQL type class with a public no-argument constructor, instead of the one derived from the
     * field's Java type; {@code SqlType.class} means "derive".
     *
     * @return the type class
     */
    @SuppressWarnings("rawtypes")
    Class<? extends SqlType> type() default SqlType.class;

    /** {@return true for an autoincrementing integer primary key (the default for a single integer key)} */
    boolean autoincrement() default true;

    /** {@return a foreign key target {@code "table.column"} or {@code "schema.table.column"}; empty for none} */
    String foreignKey() default "";

    /**
     * A Java-side default for INSERT, given as text converted to the field's type ({@code "0"}, {@code "true"},
     * {@code "NEW"} for an enum); empty for none.
     *
     * @return the default
     */
    String defaultValue() default "";

    /**
     * A class whose instances supply the value on INSERT when the field is null (SQLAlchemy's
     * {@code insert_default} callable); {@code Supplier.class} means none.
     *
     * @return the supplier class, with a no-argument constructor
     */
    @SuppressWarnings("rawtypes")
    Class<? extends Supplier> insertDefault() default Supplier.class;

    /**
     * A class whose instances supply the value on every UPDATE (SQLAlchemy's {@code onupdate});
     * {@code Supplier.class} means none.
     *
     * @return the supplier class, with a no-argument constructor
     */
    @SuppressWarnings("rawtypes")
    Class<? extends Supplier> updateDefault() default Supplier.class;

    /** {@return a server-side DEFAULT, as SQL text ({@code "CURRENT_TIMESTAMP"}); empty for none} */
    String serverDefault() default "";

    /** {@return a server-side ON UPDATE expression as SQL text (MySQL's {@code ON UPDATE CURRENT_TIMESTAMP}); empty for none} */
    String serverOnUpdate() default "";

    /** {@return a column comment; empty for none} */
    String comment() default "";
}
