package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.retort.dialect.Dialect;
import org.retort.dialect.Dialects;

/**
 * {@code upgrade --sql} and {@code downgrade --sql} for PostgreSQL, MySQL, SQLite, Oracle and SQL Server, checked
 * as golden text kept in {@code src/test/resources/offline/<dialect>-{upgrade,downgrade}.sql}.
 */
class MigrateOfflineSqlTest {

    private static Migrator migrator(String dialect) {
        Dialect d = Dialects.forName(dialect);
        return Migrator.offline(d).scripts(ScriptDirectory.of(OfflineScriptPrinter.CreateAccount.class,
                OfflineScriptPrinter.AddOrders.class)).build();
    }

    private static String golden(String name) throws Exception {
        java.net.URL url = MigrateOfflineSqlTest.class.getResource("/offline/" + name + ".sql");
        assertThat(url).as("golden file offline/" + name + ".sql").isNotNull();
        return Files.readString(Path.of(url.toURI()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "oracle", "mssql"})
    void upgradeScriptFromBaseToHead(String dialect) throws Exception {
        String sql = migrator(dialect).upgradeSql("base", "head");
        assertThat(sql).isEqualTo(golden(dialect + "-upgrade"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite", "oracle", "mssql"})
    void downgradeScriptFromHeadToBase(String dialect) throws Exception {
        String sql = migrator(dialect).downgradeSql("heads", "base");
        assertThat(sql).isEqualTo(golden(dialect + "-downgrade"));
    }
}
