package org.retort.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.comment;
import static org.retort.schema.Schema.foreignKey;
import static org.retort.schema.Schema.index;
import static org.retort.schema.Schema.notNull;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.NUMERIC;
import static org.retort.types.Types.TEXT;
import static org.retort.types.Types.VARCHAR;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialects;
import org.retort.schema.Schema;
import org.retort.schema.Sequence;

/** Each operation as each database spells it, string by string (compile only; Oracle and SQL Server have no server here). */
class MigrateDdlRenderingTest {

    private static String sql(String dialect, Consumer<Operations> body) {
        StringBuilder out = new StringBuilder();
        body.accept(Operations.offline(Dialects.forName(dialect), out));
        return out.toString();
    }

    private static final AlterColumn RENAME = AlterColumn.change().newName("full_name").existingType(VARCHAR(10))
            .existingNullable(true);

    @Test
    void renameColumn() {
        Consumer<Operations> op = o -> o.alterColumn("person", "name", RENAME);
        assertThat(sql("postgresql", op)).isEqualTo("ALTER TABLE person RENAME COLUMN name TO full_name;\n\n");
        assertThat(sql("sqlite", op)).isEqualTo("ALTER TABLE person RENAME COLUMN name TO full_name;\n\n");
        assertThat(sql("h2", op)).isEqualTo("ALTER TABLE person ALTER COLUMN name RENAME TO full_name;\n\n");
        assertThat(sql("mysql", op)).isEqualTo("ALTER TABLE person CHANGE name full_name VARCHAR(10) NULL;\n\n");
        assertThat(sql("oracle", op)).isEqualTo("ALTER TABLE person RENAME COLUMN name TO full_name\n\n/\n\n");
        assertThat(sql("mssql", op)).isEqualTo("EXEC sp_rename 'person.name', 'full_name', 'COLUMN';\n\nGO\n\n");
    }

    @Test
    void typeChangeWithPostgresqlUsing() {
        assertThat(sql("postgresql", o -> o.alterColumn("ledger", "amount",
                AlterColumn.change().type(NUMERIC(12, 2)).using("amount::numeric"))))
                .isEqualTo("ALTER TABLE ledger ALTER COLUMN amount TYPE NUMERIC(12, 2) USING amount::numeric;\n\n");
        assertThat(sql("h2", o -> o.alterColumn("ledger", "amount", AlterColumn.change().type(NUMERIC(12, 2)))))
                .isEqualTo("ALTER TABLE ledger ALTER COLUMN amount SET DATA TYPE NUMERIC(12, 2);\n\n");
        assertThat(sql("oracle", o -> o.alterColumn("ledger", "amount", AlterColumn.change().type(NUMERIC(12, 2))
                .nullable(false)))).isEqualTo("ALTER TABLE ledger MODIFY amount NUMERIC(12, 2)\n\n/\n\n"
                + "ALTER TABLE ledger MODIFY amount NOT NULL\n\n/\n\n");
    }

    @Test
    void mysqlRestatesTheColumnAndNeedsItsCurrentShapeOffline() {
        assertThat(sql("mysql", o -> o.alterColumn("person", "name", AlterColumn.change().nullable(false)
                .existingType(VARCHAR(10)).existingServerDefault("'x'").existingComment("the name"))))
                .isEqualTo("ALTER TABLE person MODIFY name VARCHAR(10) NOT NULL DEFAULT 'x' COMMENT 'the name';\n\n");
        assertThat(sql("mariadb", o -> o.alterColumn("person", "name", AlterColumn.change().serverDefault("'y'"))))
                .isEqualTo("ALTER TABLE person ALTER COLUMN name SET DEFAULT 'y';\n\n");
        assertThatThrownBy(() -> sql("mysql", o -> o.alterColumn("person", "name", AlterColumn.change().nullable(false))))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("operation 'alter column person.name'")
                .hasMessageContaining("give its current type with existingType(...)");
    }

    @Test
    void sqlServerDefaultsAreConstraintsFoundByName() {
        assertThat(sql("mssql", o -> o.alterColumn("person", "age", AlterColumn.change().serverDefault("0")
                .existingType(INTEGER).existingServerDefault("1"))))
                .isEqualTo("DECLARE @const_name VARCHAR(256)\n"
                        + "SELECT @const_name = QUOTENAME([name]) FROM sys.default_constraints\n"
                        + "WHERE parent_object_id = OBJECT_ID('person')\n"
                        + "AND COL_NAME(parent_object_id, parent_column_id) = 'age'\n"
                        + "EXEC('ALTER TABLE person DROP CONSTRAINT ' + @const_name);\n\nGO\n\n"
                        + "ALTER TABLE person ADD DEFAULT 0 FOR age;\n\nGO\n\n");
        assertThatThrownBy(() -> sql("mssql", o -> o.alterColumn("person", "age", AlterColumn.change().comment("x")
                .existingType(INTEGER)))).hasMessageContaining("mssql keeps no comments");
    }

    @Test
    void commentsWhereTheDatabaseKeepsThem() {
        assertThat(sql("postgresql", o -> o.alterColumn("person", "name", AlterColumn.change().comment("it's"))))
                .isEqualTo("COMMENT ON COLUMN person.name IS 'it''s';\n\n");
        assertThat(sql("postgresql", o -> o.setTableComment("person", null)))
                .isEqualTo("COMMENT ON TABLE person IS NULL;\n\n");
        assertThat(sql("mysql", o -> o.setTableComment("person", "people")))
                .isEqualTo("ALTER TABLE person COMMENT 'people';\n\n");
        assertThat(sql("postgresql", o -> o.addColumn("person", column("nick", VARCHAR(20), comment("short")))))
                .isEqualTo("ALTER TABLE person ADD COLUMN nick VARCHAR(20);\n\nCOMMENT ON COLUMN person.nick IS 'short';\n\n");
    }

    @Test
    void dropConstraintByKindOnMysqlAndMariadb() {
        assertThat(sql("mysql", o -> o.dropConstraint("fk_a", "t", ConstraintKind.FOREIGN_KEY)))
                .isEqualTo("ALTER TABLE t DROP FOREIGN KEY fk_a;\n\n");
        assertThat(sql("mysql", o -> o.dropConstraint("uq_a", "t", ConstraintKind.UNIQUE)))
                .isEqualTo("ALTER TABLE t DROP INDEX uq_a;\n\n");
        assertThat(sql("mysql", o -> o.dropConstraint("ck_a", "t", ConstraintKind.CHECK)))
                .isEqualTo("ALTER TABLE t DROP CHECK ck_a;\n\n");
        assertThat(sql("mariadb", o -> o.dropConstraint("ck_a", "t", ConstraintKind.CHECK)))
                .isEqualTo("ALTER TABLE t DROP CONSTRAINT ck_a;\n\n");
        assertThat(sql("mysql", o -> o.dropConstraint("pk_t", "t", ConstraintKind.PRIMARY_KEY)))
                .isEqualTo("ALTER TABLE t DROP PRIMARY KEY;\n\n");
        assertThat(sql("postgresql", o -> o.dropConstraint("fk_a", "t", ConstraintKind.FOREIGN_KEY)))
                .isEqualTo("ALTER TABLE t DROP CONSTRAINT fk_a;\n\n");
    }

    @Test
    void constraintsAndIndexes() {
        assertThat(sql("postgresql", o -> o.createForeignKey("t", Schema.foreignKeyConstraint(List.of("p_id"),
                List.of("parent.id")).named("fk_t_parent").onDelete("CASCADE"))))
                .isEqualTo("ALTER TABLE t ADD CONSTRAINT fk_t_parent FOREIGN KEY(p_id) REFERENCES parent (id) "
                        + "ON DELETE CASCADE;\n\n");
        assertThat(sql("postgresql", o -> o.createUniqueConstraint("uq_t_ab", "t", "a", "b")))
                .isEqualTo("ALTER TABLE t ADD CONSTRAINT uq_t_ab UNIQUE (a, b);\n\n");
        assertThat(sql("oracle", o -> o.createCheckConstraint("ck_t_a", "t", "a > 0")))
                .isEqualTo("ALTER TABLE t ADD CONSTRAINT ck_t_a CHECK (a > 0)\n\n/\n\n");
        assertThat(sql("mssql", o -> o.createPrimaryKey("pk_t", "t", "a", "b")))
                .isEqualTo("ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (a, b);\n\nGO\n\n");
        assertThat(sql("postgresql", o -> o.createIndex("sales.t", index("ix_t_a", "a").unique().where("a > 0"))))
                .isEqualTo("CREATE UNIQUE INDEX ix_t_a ON sales.t (a) WHERE a > 0;\n\n");
        assertThat(sql("postgresql", o -> o.dropIndex("ix_t_a", "sales.t"))).isEqualTo("DROP INDEX sales.ix_t_a;\n\n");
        assertThat(sql("mysql", o -> o.dropIndex("ix_t_a", "sales.t"))).isEqualTo("DROP INDEX ix_t_a ON sales.t;\n\n");
        assertThat(sql("mssql", o -> o.renameTable("t", "u"))).isEqualTo("EXEC sp_rename 't', 'u';\n\nGO\n\n");
    }

    @Test
    void sqliteSendsWhatItCannotAlterToBatchMode() {
        assertThatThrownBy(() -> sql("sqlite", o -> o.createUniqueConstraint("uq", "t", "a")))
                .hasMessageContaining("SQLite cannot add constraint")
                .hasMessageContaining("op.batchAlterTable(\"t\", batch -> ...)");
        assertThatThrownBy(() -> sql("sqlite", o -> o.alterColumn("t", "a", AlterColumn.change().nullable(false))))
                .hasMessageContaining("SQLite cannot change the type, nullability or default of column 'a'");
        assertThat(sql("sqlite", o -> o.addColumn("t", column("p_id", INTEGER, foreignKey("parent.id")))))
                .isEqualTo("ALTER TABLE t ADD COLUMN p_id INTEGER REFERENCES parent (id);\n\n");
        assertThat(sql("postgresql", o -> o.addColumn("t", column("p_id", INTEGER, notNull(),
                foreignKey("parent.id").named("fk_t_p")))))
                .isEqualTo("ALTER TABLE t ADD COLUMN p_id INTEGER NOT NULL;\n\n"
                        + "ALTER TABLE t ADD CONSTRAINT fk_t_p FOREIGN KEY(p_id) REFERENCES parent (id);\n\n");
    }

    @Test
    void identityAddedAndDropped() {
        AlterColumn add = AlterColumn.change().identity(org.retort.schema.Identity.generatedAlways().start(10))
                .existingType(INTEGER);
        assertThat(sql("postgresql", o -> o.alterColumn("t", "n", add)))
                .isEqualTo("ALTER TABLE t ALTER COLUMN n ADD GENERATED ALWAYS AS IDENTITY (START WITH 10);\n\n");
        assertThat(sql("h2", o -> o.alterColumn("t", "n", add)))
                .isEqualTo("ALTER TABLE t ALTER COLUMN n INTEGER GENERATED ALWAYS AS IDENTITY (START WITH 10);\n\n");
        assertThat(sql("oracle", o -> o.alterColumn("t", "n", AlterColumn.change().dropIdentity())))
                .isEqualTo("ALTER TABLE t MODIFY n DROP IDENTITY\n\n/\n\n");
        assertThatThrownBy(() -> sql("mssql", o -> o.alterColumn("t", "n", add)))
                .hasMessageContaining("SQL Server cannot add or remove IDENTITY on existing column t.n");
        assertThatThrownBy(() -> sql("mysql", o -> o.alterColumn("t", "n", add)))
                .hasMessageContaining("mysql has AUTO_INCREMENT, not IDENTITY");
    }

    @Test
    void sequencesWhereTheDatabaseHasThem() {
        assertThat(sql("postgresql", o -> o.createSequence(Sequence.named("order_no").startWith(1000))))
                .isEqualTo("CREATE SEQUENCE order_no START WITH 1000;\n\n");
        assertThat(sql("oracle", o -> o.dropSequence(Sequence.named("order_no"))))
                .isEqualTo("DROP SEQUENCE order_no\n\n/\n\n");
        assertThatThrownBy(() -> sql("sqlite", o -> o.createSequence(Sequence.named("s"))))
                .hasMessageContaining("sqlite has no sequences");
    }

    @Test
    void offlineBatchNeedsTheTableDefinitionOnSqlite() {
        assertThatThrownBy(() -> sql("sqlite", o -> o.batchAlterTable("t", b -> b.alterColumn("a",
                AlterColumn.change().type(TEXT)))))
                .hasMessageContaining("offline (--sql) mode cannot")
                .hasMessageContaining("batchAlterTable(table, op.table(...), changes)");
    }
}
