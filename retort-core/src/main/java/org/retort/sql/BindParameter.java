package org.retort.sql;

import java.util.Objects;
import org.retort.types.SqlType;

/**
 * A bind parameter: a {@code ?} in the SQL whose value travels separately (SQLAlchemy's {@code BindParameter}).
 * Literal values in expressions become <em>unique</em> parameters, named {@code key_1}, {@code key_2}... in the
 * order they appear in the statement, so equal statements get equal names and share one compiled form.
 * A named parameter made with {@link Sql#bindparam(String)} keeps its name and takes its value at execution.
 *
 * @param key the parameter's name, or its base name when {@code unique}
 * @param value the value, when {@code hasValue}
 * @param type the type whose binder sets the value
 * @param expanding true for an IN-list parameter whose collection value expands into one {@code ?} per item
 * @param unique true when the compiler gives it a fresh {@code key_N} name
 * @param hasValue false when the value must be passed at execution
 * @param <T> the Java type of the value
 */
public record BindParameter<T>(String key, Object value, SqlType<T> type, boolean expanding, boolean unique,
                               boolean hasValue) implements Expression<T> {

    /**
     * Creates a parameter.
     *
     * @param key the name
     * @param value the value
     * @param type the type
     * @param expanding IN-list parameter
     * @param unique renamed uniquely
     * @param hasValue whether the value is set
     */
    public BindParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Returns this parameter with a value.
     *
     * @param newValue the value
     * @return the new parameter
     */
    public BindParameter<T> withValue(Object newValue) {
        return new BindParameter<>(key, newValue, type, expanding, unique, true);
    }

    @Override
    public String toString() {
        return ":" + key;
    }
}
