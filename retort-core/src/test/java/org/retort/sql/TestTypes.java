package org.retort.sql;

import org.retort.types.SqlType;

/** Minimal typed SqlTypes for tests, until the real types exist. */
public final class TestTypes {
    private TestTypes() {
    }

    /** A type with a Java class and a SQL name. */
    public record Simple<T>(Class<T> javaType, String name) implements SqlType<T> {
        @Override
        @SuppressWarnings("unchecked")
        public org.retort.types.ValueReader<T> reader(org.retort.dialect.Dialect dialect) {
            if (javaType == Integer.class) {
                return (rs, i) -> {
                    Object v = rs.getObject(i);
                    return v == null ? null : (T) Integer.valueOf(((Number) v).intValue());
                };
            }
            return org.retort.types.ValueReader.as(javaType);
        }
    }

    /** INTEGER values as Integer. */
    public static final SqlType<Integer> INTEGER = new Simple<>(Integer.class, "INTEGER");
    /** VARCHAR values as String. */
    public static final SqlType<String> VARCHAR = new Simple<>(String.class, "VARCHAR(50)");
}
