package org.retort.types;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.retort.dialect.Dialect;

/**
 * A Java enum stored by constant name (SQLAlchemy's {@code Enum}, which also persists names): a native
 * {@code ENUM} type on PostgreSQL ({@code CREATE TYPE name AS ENUM (...)}, made before the tables that use it
 * and dropped after them), an inline {@code ENUM('A', 'B')} on MySQL/MariaDB and H2, and elsewhere
 * {@code VARCHAR} as long as the longest name plus a {@code CHECK (col IN (...))} constraint.
 *
 * @param enumClass the enum class
 * @param typeName the PostgreSQL type name (default: the class's simple name in lower case)
 * @param nativeEnum false to use VARCHAR plus CHECK even where native enums exist
 * @param <E> the enum type
 */
public record EnumType<E extends Enum<E>>(Class<E> enumClass, String typeName, boolean nativeEnum)
        implements SqlType<E> {

    /**
     * Fills in the default type name.
     *
     * @param enumClass the enum class
     * @param typeName the PostgreSQL type name, or null for the class's simple name in lower case
     * @param nativeEnum false to use VARCHAR plus CHECK even where native enums exist
     */
    public EnumType {
        Objects.requireNonNull(enumClass, "enumClass");
        if (typeName == null) {
            typeName = enumClass.getSimpleName().toLowerCase(Locale.ROOT);
        }
    }

    /** {@return the names stored, in declaration order} */
    public List<String> values() {
        return Arrays.stream(enumClass.getEnumConstants()).map(Enum::name).toList();
    }

    /** {@return the length of the longest name, the VARCHAR length of the non-native form} */
    public int length() {
        return values().stream().mapToInt(String::length).max().orElse(1);
    }

    @Override
    public Class<E> javaType() {
        return enumClass;
    }

    @Override
    public String name() {
        return "ENUM";
    }

    @Override
    public ValueBinder<E> binder(Dialect dialect) {
        return dialect.typeCompiler().binder(this);
    }

    @Override
    public ValueReader<E> reader(Dialect dialect) {
        return dialect.typeCompiler().reader(this);
    }
}
