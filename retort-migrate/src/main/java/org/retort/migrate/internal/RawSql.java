package org.retort.migrate.internal;

import org.retort.dialect.Dialect;
import org.retort.sql.Compiled;
import org.retort.sql.Executable;
import org.retort.sql.StatementKind;

/**
 * A statement sent as written, with no bind parameter parsing (DDL may contain {@code ::} casts or colons in
 * defaults that {@code text()} would read as parameters).
 *
 * @param sql the SQL
 */
public record RawSql(String sql) implements Executable {
    @Override
    public Compiled compile(Dialect dialect) {
        return Compiled.ofSql(dialect, StatementKind.DDL, sql);
    }
}
