/**
 * Retort Core: engine, pool, dialects, SQL expression language, schema, types and reflection.
 */
module org.retort.core {
    requires transitive java.sql;
    requires org.slf4j;
    requires transitive com.zaxxer.hikari;   // EngineBuilder.hikari(...) hands out its HikariConfig
    requires static com.fasterxml.jackson.databind;
    requires static micrometer.core;

    exports org.retort.engine;
    exports org.retort.pool;
    exports org.retort.dialect;
    exports org.retort.dialect.sqlite;
    exports org.retort.dialect.h2;
    exports org.retort.dialect.postgresql;
    exports org.retort.dialect.mysql;
    exports org.retort.dialect.oracle;
    exports org.retort.dialect.mssql;
    exports org.retort.sql;
    exports org.retort.sql.compiler;
    exports org.retort.types;
    exports org.retort.schema;
    exports org.retort.inspect;
    exports org.retort.exc;
    exports org.retort.event;
    exports org.retort.metrics;

    uses org.retort.dialect.DialectProvider;
}
