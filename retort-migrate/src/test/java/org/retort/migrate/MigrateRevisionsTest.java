package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.index;
import static org.retort.schema.Schema.notNull;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.schema.Schema.serverDefault;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.VARCHAR;

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

/** Revisions applied and undone on every backend: tables, columns, indexes, constraints, data, version table. */
class MigrateRevisionsTest {

    @Revision(id = "a1", message = "create account and note")
    public static class CreateAccount implements Migration {
        @Override
        public void upgrade(Operations op) {
            Table account = op.createTable("mg_account",
                    column("id", INTEGER, primaryKey()),
                    column("name", VARCHAR(30), notNull()),
                    column("status", VARCHAR(10), serverDefault("'new'")),
                    index("ix_mg_account_name", "name"));
            op.createTable("mg_note",
                    column("id", INTEGER, primaryKey()),
                    column("account_id", INTEGER, foreignKey("mg_account.id")),
                    column("body", VARCHAR(200)));
            op.bulkInsert(account, List.of(Map.of("id", 1, "name", "ada"), Map.of("id", 2, "name", "bob")));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("mg_note");
            op.dropTable("mg_account");
        }
    }

    @Revision(id = "b2", down = "a1", message = "add email, unique")
    public static class AddEmail implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("mg_account", column("email", VARCHAR(100)));
            op.execute("UPDATE mg_account SET email = 'ada@example.com' WHERE id = 1");
            op.execute("UPDATE mg_account SET email = 'bob@example.com' WHERE id = 2");
            op.batchAlterTable("mg_account", b -> b.createUniqueConstraint("uq_mg_account_email", "email"));
        }

        @Override
        public void downgrade(Operations op) {
            op.batchAlterTable("mg_account", b -> b.dropConstraint("uq_mg_account_email", ConstraintKind.UNIQUE)
                    .dropColumn("email"));
        }
    }

    @Revision(id = "c3", down = "b2", message = "widen name, rename status")
    public static class WidenName implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.batchAlterTable("mg_account", b -> b
                    .alterColumn("name", AlterColumn.change().type(VARCHAR(80)))
                    .alterColumn("status", AlterColumn.change().newName("state")));
            op.renameTable("mg_note", "mg_memo");
            op.createIndex("ix_mg_memo_body", "mg_memo", "body");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("ix_mg_memo_body", "mg_memo");
            op.renameTable("mg_memo", "mg_note");
            op.batchAlterTable("mg_account", b -> b
                    .alterColumn("state", AlterColumn.change().newName("status"))
                    .alterColumn("name", AlterColumn.change().type(VARCHAR(30))));
        }
    }

    private static Migrator migrator(Engine engine) {
        return Migrator.builder(engine).scripts(ScriptDirectory.of(CreateAccount.class, AddEmail.class,
                WidenName.class)).build();
    }

    private static ReflectedColumn col(Engine engine, String table, String name) {
        return Inspector.of(engine).columns(table).stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    @BackendTest
    void upgradeToHeadThenDowngradeStepByStepToBase(TestDatabase db) {
        Engine engine = db.engine();
        Migrator m = migrator(engine);
        assertThat(m.current()).isEmpty();

        assertThat(m.upgrade("head")).extracting(RevisionScript::id).containsExactly("a1", "b2", "c3");
        assertThat(m.current()).containsExactly("c3");
        Inspector insp = Inspector.of(engine);
        assertThat(insp.hasTable("mg_memo", null)).isTrue();
        assertThat(insp.hasTable("mg_note", null)).isFalse();
        assertThat(col(engine, "mg_account", "state")).isNotNull();
        assertThat(col(engine, "mg_account", "status")).isNull();
        assertThat(insp.uniqueConstraints("mg_account", null)).extracting(u -> u.columns())
                .contains(List.of("email"));
        try (Connection conn = engine.connect()) {
            List<Object> emails = conn.execute(Sql.text("SELECT email FROM mg_account ORDER BY id")).scalars().all();
            assertThat(emails).containsExactly("ada@example.com", "bob@example.com");
        }

        m.downgrade("-1");
        assertThat(m.current()).containsExactly("b2");
        assertThat(col(engine, "mg_account", "status")).isNotNull();
        assertThat(Inspector.of(engine).hasTable("mg_note", null)).isTrue();

        m.downgrade("a1");
        assertThat(m.current()).containsExactly("a1");
        assertThat(col(engine, "mg_account", "email")).isNull();
        try (Connection conn = engine.connect()) {
            assertThat(((Number) conn.execute(Sql.text("SELECT COUNT(*) FROM mg_account")).scalar()).longValue()).isEqualTo(2L);
        }

        m.downgrade("base");
        assertThat(m.current()).isEmpty();
        assertThat(Inspector.of(engine).hasTable("mg_account", null)).isFalse();
    }

    @BackendTest
    void stampRecordsWithoutRunningAndRelativeUpgradeMovesFromThere(TestDatabase db) {
        Migrator m = migrator(db.engine());
        m.upgrade("+1");
        assertThat(m.current()).containsExactly("a1");
        m.stamp("b2");
        assertThat(m.current()).containsExactly("b2");
        assertThat(col(db.engine(), "mg_account", "email")).isNull();
        m.stamp("base");
        assertThat(m.current()).isEmpty();
    }

    @Revision(id = "d4", down = "a1", message = "fails half-way")
    public static class FailsHalfWay implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("mg_account", column("nickname", VARCHAR(20)));
            op.createTable("mg_half", column("id", INTEGER, primaryKey()));
            op.execute("INSERT INTO mg_no_such_table VALUES (1)");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("mg_half");
            op.dropColumn("mg_account", "nickname");
        }
    }

    @BackendTest
    void aFailingRevisionNamesItselfAndLeavesTheVersionOnTheLastGoodOne(TestDatabase db) {
        Engine engine = db.engine();
        Migrator m = Migrator.builder(engine).scripts(ScriptDirectory.of(CreateAccount.class, FailsHalfWay.class))
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Revision d4")
                .hasMessageContaining("execute INSERT INTO mg_no_such_table")
                .satisfies(e -> assertThat(((MigrationException) e).revision()).isEqualTo("d4"));
        assertThat(m.current()).containsExactly("a1");
        if (engine.dialect().supportsTransactionalDdl()) {
            // PostgreSQL and SQLite: the half-done revision is rolled back entirely
            assertThat(Inspector.of(engine).hasTable("mg_half", null)).isFalse();
            assertThat(col(engine, "mg_account", "nickname")).isNull();
        }
    }
}
