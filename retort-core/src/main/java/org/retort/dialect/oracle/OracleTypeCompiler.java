package org.retort.dialect.oracle;

import org.retort.types.BigIntType;
import org.retort.types.BooleanType;
import org.retort.types.IntervalType;
import org.retort.types.JsonType;
import org.retort.types.SqlType;
import org.retort.types.StringType;
import org.retort.types.TextType;
import org.retort.types.TimeType;
import org.retort.types.TypeCompiler;

/**
 * Oracle's types: {@code VARCHAR2(n CHAR)}/{@code NVARCHAR2(n)}, {@code CLOB}, {@code NUMBER(19)} for BIGINT,
 * {@code SMALLINT} for BOOLEAN before 23c, native {@code INTERVAL DAY TO SECOND}; Oracle has no TIME type.
 */
public class OracleTypeCompiler extends TypeCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the Oracle dialect
     */
    public OracleTypeCompiler(OracleDialect dialect) {
        super(dialect);
    }

    @Override
    public String render(SqlType<?> type) {
        if (type instanceof BigIntType) {
            return "NUMBER(19)";
        }
        return super.render(type);
    }

    @Override
    protected String visitBoolean(BooleanType t) {
        return dialect.supportsNativeBoolean() ? "BOOLEAN" : "SMALLINT";
    }

    @Override
    protected String visitString(StringType t) {
        if (t.length() == null) {
            return unsupported(t, "Oracle needs a length for VARCHAR2: use VARCHAR(n) or TEXT");
        }
        return t.unicode() ? "NVARCHAR2(" + t.length() + ")" : "VARCHAR2(" + t.length() + " CHAR)";
    }

    @Override
    protected String visitText(TextType t) {
        return "CLOB";
    }

    @Override
    protected String visitTime(TimeType t) {
        return unsupported(t, "Oracle has no TIME type: use DATETIME, or INTERVAL for a time of day");
    }

    @Override
    protected String visitInterval(IntervalType t) {
        return "INTERVAL DAY TO SECOND";
    }

    @Override
    protected String visitJson(JsonType<?> t) {
        return "CLOB";
    }
}
