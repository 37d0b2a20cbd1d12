package org.retort.sql;

import java.util.Objects;
import org.retort.types.SqlType;

/**
 * A bind parameter: a {@code ?} in the SQL whose value travels separately (SQLAlchemy's {@code BindParameter}).
 * Literal values in expressions become <em>unique</em> parameters, named {@code key_1}, {@code key_2}... in the
 * order they appear in the statement, so equal statements get equal names and share one compiled form.
 * A named parameter made with {@link Sql#bindparam(String)} keeps its name and takes its value at execution.
 *
 * <p>A <em>literal-execute</em> parameter ({@link #withLiteralExecute()}, SQLAlchemy's
 * {@code bindparam(..., literal_execute=True)}) stays a parameter in the statement's cache key and compiled form,
 * where {@link Compiled#sql()} shows it as {@code __[POSTCOMPILE_name]}; each execution writes its value into the
 * SQL text as a literal escaped by the dialect's {@link org.retort.dialect.LiteralStyle}, so the compiled form is
 * still shared by every value. It is for the places a driver or database cannot take a {@code ?}: LIMIT/OFFSET on
 * some servers, an IN list the planner should see.
 *
 * @param key the parameter's name, or its base name when {@code unique}
 * @param value the value, when {@code hasValue}
 * @param type the type whose binder sets the value
 * @param expanding true for an IN-list parameter whose collection value expands into one {@code ?} per item
 * @param unique true when the compiler gives it a fresh {@code key_N} name
 * @param hasValue false when the value must be passed at execution
 * @param literalExecute true when each execution renders the value inline as an escaped literal
 * @param <T> the Java type of the value
 */
public record BindParameter<T>(String key, Object value, SqlType<T> type, boolean expanding, boolean unique,
                               boolean hasValue, boolean literalExecute) implements Expression<T> {

    /**
     * Creates a parameter.
     *
     * @param key the name
     * @param value the value
     * @param type the type
     * @param expanding IN-list parameter
     * @param unique renamed uniquely
     * @param hasValue whether the value is set
     * @param literalExecute rendered inline as a literal at each execution
     */
    public BindParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Creates a parameter whose value is sent separately from the SQL (not literal-execute).
     *
     * @param key the name
     * @param value the value
     * @param type the type
     * @param expanding IN-list parameter
     * @param unique renamed uniquely
     * @param hasValue whether the value is set
     */
    public BindParameter(String key, Object value, SqlType<T> type, boolean expanding, boolean unique,
                         boolean hasValue) {
        this(key, value, type, expanding, unique, hasValue, false);
    }

    /**
     * Returns this parameter with a value.
     *
     * @param newValue the value
     * @return the new parameter
     */
    public BindParameter<T> withValue(Object newValue) {
        return new BindParameter<>(key, newValue, type, expanding, unique, true, literalExecute);
    }

    /**
     * Returns this parameter as a literal-execute one (SQLAlchemy's {@code literal_execute=True}): the compiled,
     * cached statement keeps a {@code __[POSTCOMPILE_name]} marker, and every execution writes the value there as
     * a SQL literal escaped for the dialect ({@code LIMIT 10}, {@code IN (1, 2, 3)}, {@code = 'O''Brien'}). A value
     * with no literal form (a NUL character on PostgreSQL, an unpaired surrogate, an object no literal spells) is
     * refused at execution with a {@link org.retort.exc.CompileException}. The value is part of the SQL text, so
     * echo, listeners and error messages show it even with {@code hideParameters(true)}; do not use it for secrets.
     * Each distinct value is distinct SQL to the driver and server (one prepared statement per value).
     *
     * <pre>{@code
     * select(users.c("name")).limit(bindparam("n", 10).withLiteralExecute())     // ... LIMIT 10
     * users.c("id").in(bindparamExpanding("ids").withLiteralExecute())         // ... IN (1, 2, 3)
     * }</pre>
     *
     * @return the new parameter
     */
    public BindParameter<T> withLiteralExecute() {
        return new BindParameter<>(key, value, type, expanding, unique, hasValue, true);
    }

    @Override
    public String toString() {
        return ":" + key;
    }
}
