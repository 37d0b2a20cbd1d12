package org.retort.dialect.mssql;

import org.retort.types.BooleanType;
import org.retort.types.DateTimeTzType;
import org.retort.types.DateTimeType;
import org.retort.types.JsonType;
import org.retort.types.LargeBinaryType;
import org.retort.types.StringType;
import org.retort.types.TextType;
import org.retort.types.UuidType;
import org.retort.types.TypeCompiler;

/**
 * SQL Server's types: {@code BIT}, {@code VARCHAR(max)}, {@code DATETIME2}, {@code DATETIMEOFFSET},
 * {@code VARBINARY(max)}, {@code UNIQUEIDENTIFIER}; JSON is stored as {@code NVARCHAR(max)}.
 */
public class MssqlTypeCompiler extends TypeCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQL Server dialect
     */
    public MssqlTypeCompiler(MssqlDialect dialect) {
        super(dialect);
    }

    @Override
    protected String visitBoolean(BooleanType t) {
        return "BIT";
    }

    @Override
    protected String visitString(StringType t) {
        String base = t.unicode() ? "NVARCHAR" : "VARCHAR";
        return base + "(" + (t.length() == null ? "max" : t.length()) + ")";
    }

    @Override
    protected String visitText(TextType t) {
        return "VARCHAR(max)";
    }

    @Override
    protected String visitDateTime(DateTimeType t) {
        return "DATETIME2";
    }

    @Override
    protected String visitDateTimeTz(DateTimeTzType t) {
        return "DATETIMEOFFSET";
    }

    @Override
    protected String visitLargeBinary(LargeBinaryType t) {
        return "VARBINARY(max)";
    }

    @Override
    protected String visitUuid(UuidType t) {
        return t.nativeUuid() ? "UNIQUEIDENTIFIER" : "CHAR(32)";
    }

    @Override
    protected String visitJson(JsonType<?> t) {
        return "NVARCHAR(max)";
    }
}
