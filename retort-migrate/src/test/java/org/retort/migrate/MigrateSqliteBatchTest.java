package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.index;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.NUMERIC;
import static org.retort.types.Types.TEXT;
import static org.retort.types.Types.VARCHAR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.inspect.Inspector;
import org.retort.inspect.ReflectedColumn;
import org.retort.schema.Table;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * SQLite batch mode: changing a column's type and dropping a column of a 10,000-row table rebuilds it by move and
 * copy, keeping every row, its indexes, its own foreign keys and the rows of a table that refers to it.
 */
class MigrateSqliteBatchTest {

    @Revision(id = "s1", message = "ledger with 10,000 rows")
    public static class Ledger implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("sb_owner", column("id", INTEGER, primaryKey()), column("name", VARCHAR(20)));
            Table ledger = op.createTable("sb_ledger",
                    column("id", INTEGER, primaryKey()),
                    column("owner_id", INTEGER, notNull(), foreignKey("sb_owner.id")),
                    column("amount", TEXT),
                    column("legacy", VARCHAR(10)),
                    index("ix_sb_ledger_owner", "owner_id"));
            op.createTable("sb_note",
                    column("id", INTEGER, primaryKey()),
                    column("ledger_id", INTEGER, foreignKey("sb_ledger.id").onDelete("CASCADE")));
            op.bulkInsert(op.table("sb_owner", column("id", INTEGER), column("name", VARCHAR(20))),
                    List.of(Map.of("id", 1, "name", "ada"), Map.of("id", 2, "name", "bob")));
            List<Map<String, ?>> rows = new ArrayList<>();
            for (int i = 1; i <= 10_000; i++) {
                rows.add(Map.of("id", i, "owner_id", 1 + i % 2, "amount", (i / 100) + "." + String.format("%02d", i % 100),
                        "legacy", "x" + i));
            }
            op.bulkInsert(ledger, rows);
            op.bulkInsert(op.table("sb_note", column("id", INTEGER), column("ledger_id", INTEGER)),
                    List.of(Map.of("id", 1, "ledger_id", 5), Map.of("id", 2, "ledger_id", 9999)));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("sb_note");
            op.dropTable("sb_ledger");
            op.dropTable("sb_owner");
        }
    }

    @Revision(id = "s2", down = "s1", message = "amount becomes NUMERIC, legacy goes")
    public static class Retype implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.batchAlterTable("sb_ledger", batch -> batch
                    .alterColumn("amount", AlterColumn.change().type(NUMERIC(12, 2)).nullable(false))
                    .dropColumn("legacy"));
        }

        @Override
        public void downgrade(Operations op) {
            op.batchAlterTable("sb_ledger", batch -> batch
                    .addColumn(column("legacy", VARCHAR(10)))
                    .alterColumn("amount", AlterColumn.change().type(TEXT).nullable(true)));
        }
    }

    private static ReflectedColumn col(Engine e, String name) {
        return Inspector.of(e).columns("sb_ledger").stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    @BackendTest(only = {"sqlite-file", "sqlite-memory"})
    void changingATypeAndDroppingAColumnKeepsTenThousandRowsIndexesAndForeignKeys(TestDatabase db) {
        Engine engine = db.engine();
        Migrator m = Migrator.builder(engine).scripts(ScriptDirectory.of(Ledger.class, Retype.class)).build();
        m.upgrade("s1");
        assertThatThrownBy(() -> {
            try (Connection conn = engine.connect()) {
                Operations.online(conn, null).alterColumn("sb_ledger", "amount", AlterColumn.change().type(INTEGER));
            }
        }).hasMessageContaining("op.batchAlterTable(\"sb_ledger\"");

        m.upgrade("head");
        assertThat(col(engine, "legacy")).isNull();
        assertThat(col(engine, "amount").nullable()).isFalse();
        assertThat(col(engine, "amount").type().name()).isEqualTo("NUMERIC");
        Inspector insp = Inspector.of(engine);
        assertThat(insp.indexes("sb_ledger", null)).extracting(i -> i.name()).contains("ix_sb_ledger_owner");
        assertThat(insp.foreignKeys("sb_ledger", null)).extracting(f -> f.referredTable()).containsExactly("sb_owner");
        assertThat(insp.foreignKeys("sb_note", null)).extracting(f -> f.referredTable()).containsExactly("sb_ledger");
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.execute(Sql.text("SELECT COUNT(*) FROM sb_ledger")).scalar()).intValue())
                    .isEqualTo(10_000);
            assertThat(((Number) conn.execute(Sql.text("SELECT COUNT(*) FROM sb_note")).scalar()).intValue())
                    .isEqualTo(2);
            Object amount = conn.execute(Sql.text("SELECT amount FROM sb_ledger WHERE id = 1234")).scalar();
            assertThat(new BigDecimal(amount.toString())).isEqualByComparingTo("12.34");
            assertThat(((Number) conn.execute(Sql.text("SELECT SUM(owner_id) FROM sb_ledger")).scalar()).intValue())
                    .isEqualTo(15_000);
        }

        m.downgrade("s1");
        assertThat(col(engine, "legacy")).isNotNull();
        assertThat(col(engine, "amount").nullable()).isTrue();
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.execute(Sql.text("SELECT COUNT(*) FROM sb_ledger")).scalar()).intValue())
                    .isEqualTo(10_000);
            assertThat(((Number) conn.execute(Sql.text("SELECT COUNT(*) FROM sb_note")).scalar()).intValue())
                    .isEqualTo(2);
        }
    }
}
