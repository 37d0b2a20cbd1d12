package org.retort.types;

import org.retort.dialect.Dialect;

/**
 * A type Retort does not know, spelled in DDL by the type itself (SQLAlchemy's {@code UserDefinedType}):
 * implement {@link #columnSpec(Dialect)} and, when the driver needs help, {@code binder} and {@code reader}.
 *
 * @param <T> the Java type of the values
 */
public interface UserDefinedType<T> extends SqlType<T> {

    /**
     * The type as written in CREATE TABLE on a dialect.
     *
     * @param dialect the dialect
     * @return the DDL type, e.g. {@code "POINT"}
     */
    String columnSpec(Dialect dialect);
}
