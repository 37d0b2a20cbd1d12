package org.retort.dialect.h2;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.retort.types.ArrayType;
import org.retort.types.EnumType;
import org.retort.types.IntervalType;
import org.retort.types.JsonType;
import org.retort.types.TextType;
import org.retort.types.TimeType;
import org.retort.types.TypeCompiler;
import org.retort.types.ValueBinder;
import org.retort.types.ValueReader;

/**
 * H2's types: {@code CLOB} for text, {@code TIME(6)}, a native {@code INTERVAL DAY TO SECOND}, inline
 * {@code ENUM(...)}, {@code item ARRAY}, and JSON bound as UTF-8 bytes (a string bound to a JSON column would
 * be stored as a JSON string literal).
 */
public class H2TypeCompiler extends TypeCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the H2 dialect
     */
    public H2TypeCompiler(H2Dialect dialect) {
        super(dialect);
    }

    @Override
    protected String visitText(TextType t) {
        return "CLOB";
    }

    @Override
    protected String visitTime(TimeType t) {
        return "TIME(6)";
    }

    @Override
    protected String visitInterval(IntervalType t) {
        return "INTERVAL DAY TO SECOND(6)";
    }

    @Override
    protected ValueBinder<Duration> intervalBinder() {
        return objectBinder(java.sql.Types.OTHER);
    }

    @Override
    protected ValueReader<Duration> intervalReader() {
        return (rs, i) -> rs.getObject(i, Duration.class);
    }

    @Override
    protected String visitEnum(EnumType<?> t) {
        return t.nativeEnum() ? "ENUM(" + enumLiterals(t) + ")" : super.visitEnum(t);
    }

    @Override
    protected String visitArray(ArrayType<?> t) {
        return render(t.itemType()) + " ARRAY";
    }

    @Override
    protected <T> ValueBinder<T> jsonBinder(JsonType<T> t) {
        return (st, i, v) -> {
            if (v == null) {
                st.setNull(i, java.sql.Types.OTHER);
            } else {
                st.setBytes(i, toJson(v).getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    protected <T> ValueReader<T> jsonReader(JsonType<T> t) {
        return (rs, i) -> {
            byte[] b = rs.getBytes(i);
            return b == null ? null : fromJson(new String(b, StandardCharsets.UTF_8), t.javaType());
        };
    }
}
