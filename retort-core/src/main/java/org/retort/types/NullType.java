package org.retort.types;

/**
 * The type of an expression whose type is not known, such as a bind parameter of {@code text()} or a column of
 * a textual query; values pass through as the driver gives them (SQLAlchemy's {@code NullType}).
 */
public final class NullType implements SqlType<Object> {

    /** The single instance. */
    public static final NullType INSTANCE = new NullType();

    private NullType() {
    }

    @Override
    public Class<Object> javaType() {
        return Object.class;
    }

    @Override
    public String name() {
        return "NULL";
    }

    @Override
    public String toString() {
        return "NullType";
    }
}
