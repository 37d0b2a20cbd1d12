package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Sql.text;
import static org.retort.types.Types.*;

import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.exc.CompileException;
import org.retort.inspect.Inspector;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Bad input fails early with a message that names the object and says what to do. */
class BadInputTest {

    @org.junit.jupiter.api.Test
    void duplicateTableNameIsRefused() {
        MetaData md = new MetaData();
        md.table("t", column("id", INTEGER, primaryKey()));
        assertThatThrownBy(() -> md.table("t", column("x", INTEGER)))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("Table 't' is already defined in this MetaData");
        MetaData other = new MetaData();
        other.table("t", column("id", INTEGER), schema("a"));
        other.table("t", column("id", INTEGER), schema("b"));   // same name, other schema: allowed
        assertThat(other.tables()).hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void duplicateColumnIsRefused() {
        assertThatThrownBy(() -> new MetaData().table("t", column("a", INTEGER), column("a", TEXT)))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("already has a column named 'a'");
    }

    @org.junit.jupiter.api.Test
    void foreignKeyToMissingColumnOrTableFailsWhenResolved() {
        MetaData md = new MetaData();
        md.table("parent", column("id", INTEGER, primaryKey()));
        Table child = md.table("child", column("id", INTEGER, primaryKey()),
                column("parent_id", INTEGER, foreignKey("parent.ident")));
        assertThatThrownBy(() -> new CreateTable(child).compile(org.retort.dialect.Dialects.forName("sqlite")))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("refers to column 'ident' of table 'parent', which has no such column")
                .hasMessageContaining("[id]");
        Table orphan = md.table("orphan", column("x", INTEGER, foreignKey("nowhere.id")));
        assertThatThrownBy(orphan::referredTables).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("refers to table 'nowhere', which this MetaData does not have");
    }

    @org.junit.jupiter.api.Test
    void constraintOnUnknownColumnIsRefused() {
        assertThatThrownBy(() -> new MetaData().table("t", column("a", INTEGER), uniqueConstraint("a", "b")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("names column 'b'");
        assertThatThrownBy(() -> new MetaData().table("t", column("a", INTEGER), primaryKeyConstraint("z")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("the primary key names column 'z'");
        assertThatThrownBy(() -> foreignKey("no_dot")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("\"table.column\"");
        assertThatThrownBy(() -> new MetaData().table("t", column("a", INTEGER, notNull(), nullable())))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("both notNull() and nullable()");
    }

    @BackendTest
    void typeTheDatabaseCannotStoreFailsBeforeAnythingIsCreated(TestDatabase db) {
        db.require(!db.name().equals("postgresql") && !db.name().equals("h2"), "PostgreSQL and H2 have arrays");
        MetaData md = new MetaData();
        md.table("ok_table", column("id", INTEGER, primaryKey()));
        md.table("tags", column("id", INTEGER, primaryKey()), column("labels", ARRAY(TEXT)));
        assertThatThrownBy(() -> md.createAll(db.engine()))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("Column 'tags.labels'")
                .hasMessageContaining("no DDL for type ARRAY");
    }

    @BackendTest
    void reservedWordAndMixedCaseNamesAreQuotedAndWork(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table t = md.table("select", column("from", INTEGER, primaryKey()), column("Order", VARCHAR(10)),
                column("group by", INTEGER, index()));
        md.createAll(engine);
        String table = db.dialect().quote("select");
        String cols = db.dialect().quote("from") + ", " + db.dialect().quote("Order") + ", "
                + db.dialect().quote("group by");
        try (Connection conn = engine.connect()) {
            conn.execute(text("INSERT INTO " + table + " (" + cols + ") VALUES (:a, :b, :c)"),
                    Map.of("a", 1, "b", "x", "c", 2));
            conn.commit();
            assertThat(conn.execute(text("SELECT " + cols + " FROM " + table)).all()).hasSize(1);
        }
        assertThat(Inspector.of(engine).tableNames()).contains("select");
        assertThat(Inspector.of(engine).columns("select", null)).extracting(c -> c.name())
                .containsExactly("from", "Order", "group by");
        assertThat(t.c("Order").name()).isEqualTo("Order");
        md.dropAll(engine);
        assertThat(Inspector.of(engine).tableNames()).isEmpty();
    }

    @BackendTest
    void userGivenNameLongerThanTheDatabaseAllowsIsAnError(TestDatabase db) {
        int max = db.dialect().maxIdentifierLength();
        String longName = "t" + "x".repeat(max);
        MetaData md = new MetaData();
        md.table(longName, column("id", INTEGER, primaryKey()));
        assertThatThrownBy(() -> md.createAll(db.engine(), false))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("is " + longName.length() + " characters long; " + db.dialect().name()
                        + " allows " + max);
    }

    @BackendTest
    void generatedNameLongerThanTheDatabaseAllowsIsShortenedAndWorks(TestDatabase db) {
        db.require(db.dialect().maxIdentifierLength() <= 256, "the limit is too large to reach");
        int max = db.dialect().maxIdentifierLength();
        String column = "c".repeat(Math.min(max - 10, 60));
        MetaData md = new MetaData(NamingConvention.of(Map.of("uq", "uq_%(table_name)s_%(column_0_N_name)s")));
        Table t = md.table("long_names", column("id", INTEGER, primaryKey()), column(column, INTEGER),
                column(column.replace('c', 'd'), INTEGER), column(column.replace('c', 'e'), INTEGER),
                column(column.replace('c', 'f'), INTEGER), column(column.replace('c', 'g'), INTEGER),
                uniqueConstraint(column, column.replace('c', 'd'), column.replace('c', 'e'), column.replace('c', 'f'),
                        column.replace('c', 'g')));
        String full = t.uniqueConstraints().get(0).name();
        assertThat(full.length()).isGreaterThan(max);
        md.createAll(db.engine());
        List<String> names = Inspector.of(db.engine()).uniqueConstraints("long_names", null).stream()
                .map(u -> u.name()).toList();
        String shortened = DdlCompiler.truncate(full, max);
        // as SQLAlchemy: the first max-8 characters, '_', the last 4 hex digits of the name's MD5
        assertThat(shortened).hasSize(max - 3).startsWith(full.substring(0, max - 8) + "_");
        assertThat(names).containsExactly(shortened);
    }
}
