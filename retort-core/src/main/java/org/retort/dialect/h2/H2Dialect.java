package org.retort.dialect.h2;

import java.sql.SQLException;
import java.util.Properties;
import org.retort.dialect.Dialect;
import org.retort.dialect.ErrorClass;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.PoolKind;
import org.retort.dialect.ReservedWords;
import org.retort.engine.URL;
import org.retort.exc.DBAPIException;

/**
 * H2 through {@code com.h2database:h2}.
 *
 * <p>Retort connects with {@code DATABASE_TO_LOWER=TRUE} so that unquoted names fold to lower case as on
 * PostgreSQL, and an in-memory database ({@code h2:mem:name}) lives until the engine is disposed
 * ({@code DB_CLOSE_DELAY=-1}) rather than until its last connection closes.
 */
public class H2Dialect extends Dialect {
    /** Creates the H2 dialect; engines get theirs from {@link org.retort.dialect.Dialects}. */
    public H2Dialect() {
    }

    private static final IdentifierPreparer PREPARER = new IdentifierPreparer("\"", "\"",
            ReservedWords.with("_rowid_", "day", "hour", "minute", "month", "second", "year", "qualify", "regexp",
                    "sysdate", "systime", "systimestamp", "today", "top", "value", "minus", "ilike", "if",
                    "intersects", "default", "current_catalog", "current_schema", "current_path", "unknown"),
            false);

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String jdbcUrl(URL url) {
        if (url.jdbcUrl().isPresent()) {
            return url.jdbcUrl().get();
        }
        String db = url.database().orElse("mem:");
        if (url.host().isPresent()) {
            db = "tcp://" + url.host().get() + url.port().map(p -> ":" + p).orElse("") + "/" + db;
        }
        return "jdbc:h2:" + db;
    }

    @Override
    public Properties connectProperties(URL url) {
        Properties props = super.connectProperties(url);
        props.putIfAbsent("DATABASE_TO_LOWER", "TRUE");
        if (isMemoryDatabase(url)) {
            props.putIfAbsent("DB_CLOSE_DELAY", "-1");
        }
        return props;
    }

    @Override
    public String driverClassName() {
        return "org.h2.Driver";
    }

    @Override
    public String driverCoordinates() {
        return "com.h2database:h2";
    }

    @Override
    public boolean isMemoryDatabase(URL url) {
        return jdbcUrl(url).startsWith("jdbc:h2:mem:");
    }

    @Override
    public PoolKind defaultPool(URL url) {
        return PoolKind.QUEUE;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsNativeUuid() {
        return true;
    }

    @Override
    public boolean supportsNativeEnum() {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return 256;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return PREPARER;
    }

    /**
     * H2's own errors (codes 90000 and up) are lost connections (90067 connection broken, 90098 database closed,
     * 90121 closed at shutdown) besides the standard SQLSTATE class 08.
     */
    @Override
    public boolean isDisconnect(SQLException e) {
        int code = e.getErrorCode();
        return super.isDisconnect(e) || code == 90067 || code == 90098 || code == 90121;
    }

    /**
     * H2 reports its error code as the SQLSTATE. Standard codes (23505 unique, 23503/23506 foreign key, 23502
     * NOT NULL, 22001 value too long, 42102 table not found, 42122 column not found, 40001 deadlock, ...) map by
     * class; H2's own 9xxxx codes and its lock timeout (50200) are mapped here by number.
     */
    @Override
    public DBAPIException translate(SQLException e, String statement, Object parameters, boolean disconnect) {
        ErrorClass c = disconnect ? ErrorClass.OPERATIONAL : switch (e.getErrorCode()) {
            case 50200, 90020, 90028, 90031, 90067, 90098, 90121 -> ErrorClass.OPERATIONAL;
            case 90004, 90008, 90026 -> ErrorClass.DATA;
            case 90012, 90022, 90045, 90057, 90079, 90085, 90090, 90107 -> ErrorClass.PROGRAMMING;
            case 90046 -> ErrorClass.INTERFACE;
            default -> ErrorClass.fromSqlState(e.getSQLState(), false);
        };
        return c.create(statement, parameters, e, disconnect);
    }

    // ------------------------------------------------------------------ schema: types, DDL, reflection

    @Override
    public org.retort.types.TypeCompiler typeCompiler() {
        return new H2TypeCompiler(this);
    }

    @Override
    public org.retort.schema.DdlCompiler ddlCompiler() {
        return new H2DdlCompiler(this);
    }

    @Override
    public org.retort.inspect.Reflector reflector() {
        return new H2Reflector(this);
    }

    /** {@return the compiler that renders this database's SQL} */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new H2Compiler(this);
    }
}
