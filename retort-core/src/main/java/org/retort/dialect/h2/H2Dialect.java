package org.retort.dialect.h2;

import java.util.Properties;
import org.retort.dialect.Dialect;
import org.retort.dialect.IdentifierPreparer;
import org.retort.dialect.PoolKind;
import org.retort.dialect.ReservedWords;
import org.retort.engine.URL;

/**
 * H2 through {@code com.h2database:h2}.
 *
 * <p>Retort connects with {@code DATABASE_TO_LOWER=TRUE} so that unquoted names fold to lower case as on
 * PostgreSQL, and an in-memory database ({@code h2:mem:name}) lives until the engine is disposed
 * ({@code DB_CLOSE_DELAY=-1}) rather than until its last connection closes.
 */
public class H2Dialect extends Dialect {
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

    /** @return the compiler that renders this database's SQL */
    @Override
    public org.retort.sql.compiler.SqlCompiler sqlCompiler() {
        return new H2Compiler(this);
    }
}
