package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retort.exc.ArgumentException;
import org.retort.inspect.Inspector;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** The declaration API: typed handles, keys, defaults, naming conventions, dependency order. */
class SchemaApiTest {

    @Test
    void typedColumnHandlesAreSchemaColumns() {
        MetaData md = Fixtures.users(new MetaData());
        Table users = md.table("user_account");
        Column<Integer> id = users.c("id", Integer.class);
        Column<String> name = users.c("name", String.class);
        assertThat(id.table()).isSameAs(users);
        assertThat(id.isPrimaryKey()).isTrue();
        assertThat(id.isNullable()).isFalse();
        assertThat(id.isAutoincrement()).isTrue();
        assertThat(name.isNullable()).isFalse();
        assertThat(users.c("fullname").isNullable()).isTrue();
        assertThat(users.primaryKey().columns()).containsExactly(id);
        assertThatThrownBy(() -> users.c("id", String.class)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("holds java.lang.Integer values, not java.lang.String");
        assertThatThrownBy(() -> users.c("nope")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("has no column 'nope'");
        assertThatThrownBy(() -> md.table("nope")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("has no table 'nope'");
    }

    @Test
    void autoincrementFollowsSqlalchemyAutoRules() {
        MetaData md = new MetaData();
        md.table("p", column("id", INTEGER, primaryKey()));
        Table composite = md.table("c", column("a", INTEGER, primaryKey()), column("b", INTEGER, primaryKey()));
        Table fk = md.table("f", column("id", INTEGER, primaryKey(), foreignKey("p.id")));
        Table text = md.table("t", column("code", VARCHAR(5), primaryKey()));
        Table off = md.table("o", column("id", INTEGER, primaryKey(), noAutoincrement()));
        Table forced = md.table("x", column("a", INTEGER, primaryKey()), column("b", INTEGER, primaryKey(),
                autoincrement()));
        assertThat(composite.c("a").isAutoincrement()).isFalse();
        assertThat(fk.c("id").isAutoincrement()).isFalse();
        assertThat(text.c("code").isAutoincrement()).isFalse();
        assertThat(off.c("id").isAutoincrement()).isFalse();
        assertThat(forced.c("b").isAutoincrement()).isTrue();
    }

    @Test
    void defaultsAreValuesOrSuppliersEvaluatedPerRow() {
        AtomicInteger n = new AtomicInteger();
        Table t = new MetaData().table("d", column("id", INTEGER, primaryKey()),
                column("status", VARCHAR(10), defaultValue("new")),
                column("seq", INTEGER, defaultValue(n::incrementAndGet), onUpdate(() -> -1)),
                column("at", DATETIME, serverDefault("CURRENT_TIMESTAMP"), serverOnUpdate("CURRENT_TIMESTAMP")));
        assertThat(t.c("status").insertDefault()).isEqualTo(org.retort.sql.ColumnDefault.value("new"));
        assertThat(callDefault(t.c("seq").insertDefault())).isEqualTo(1);
        assertThat(callDefault(t.c("seq").insertDefault())).isEqualTo(2);
        assertThat(callDefault(t.c("seq").updateDefault())).isEqualTo(-1);
        assertThat(t.c("at").serverDefault().sql()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(t.c("at").serverOnUpdate()).isNotNull();
        Table clock = new MetaData().table("c", column("at", DATETIME, defaultValue(LocalDateTime::now)));
        assertThat(callDefault(clock.c("at").insertDefault())).isInstanceOf(LocalDateTime.class);
    }

    @Test
    void namingConventionTokens() {
        MetaData md = new MetaData(NamingConvention.of(Map.of(
                "fk", "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s_%(referred_column_0_name)s",
                "uq", "uq_%(column_0N_name)s", "ix", "%(column_0_label)s_idx", "pk", "pk_%(table_name)s",
                "ck", "ck_%(table_name)s_%(constraint_name)s")));
        md.table("p", column("a", INTEGER), column("b", INTEGER), primaryKeyConstraint("a", "b"));
        Table t = md.table("t", column("x", INTEGER, index()), column("y", INTEGER), column("z", INTEGER),
                uniqueConstraint("y", "z"), check("x > 0").named("positive"),
                foreignKeyConstraint(List.of("y", "z"), List.of("p.a", "p.b")));
        assertThat(t.foreignKeys().get(0).name()).isEqualTo("fk_t_y_z_p_a");
        assertThat(t.uniqueConstraints().get(0).name()).isEqualTo("uq_yz");
        assertThat(t.indexes().get(0).name()).isEqualTo("t_x_idx");
        assertThat(t.checkConstraints().get(0).name()).isEqualTo("ck_t_positive");
        assertThat(md.table("p").primaryKey().name()).isEqualTo("pk_p");
        assertThatThrownBy(() -> md.table("u", column("v", INTEGER), check("v > 0")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("zz", "x")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Unknown naming convention key 'zz'");
    }

    @Test
    void sortedTablesPutReferredTablesFirstAndSurviveCycles() {
        MetaData md = new MetaData();
        md.table("c", column("id", INTEGER, primaryKey()), column("b_id", INTEGER, foreignKey("b.id")));
        md.table("b", column("id", INTEGER, primaryKey()), column("a_id", INTEGER, foreignKey("a.id")));
        md.table("a", column("id", INTEGER, primaryKey()), column("self", INTEGER, foreignKey("a.id")));
        assertThat(md.sortedTables()).extracting(Table::name).containsExactly("a", "b", "c");
        MetaData cyclic = new MetaData();
        cyclic.table("x", column("id", INTEGER, primaryKey()), column("y_id", INTEGER, foreignKey("y.id")));
        cyclic.table("y", column("id", INTEGER, primaryKey()), column("x_id", INTEGER, foreignKey("x.id")));
        assertThat(cyclic.sortedTables()).extracting(Table::name).containsExactly("x", "y");
        assertThat(TableSorter.sort(cyclic.tables()).deferred()).hasSize(1);
    }

    @BackendTest
    void cyclicForeignKeysAreAddedAfterTheTablesAndDroppedFirst(TestDatabase db) {
        MetaData md = new MetaData(NamingConvention.of(Map.of("fk", "fk_%(table_name)s_%(column_0_name)s")));
        md.table("x", column("id", INTEGER, primaryKey()), column("y_id", INTEGER, foreignKey("y.id")));
        md.table("y", column("id", INTEGER, primaryKey()), column("x_id", INTEGER, foreignKey("x.id")));
        md.createAll(db.engine());
        Inspector insp = Inspector.of(db.engine());
        assertThat(insp.foreignKeys("x", null)).extracting(f -> f.referredTable()).containsExactly("y");
        assertThat(insp.foreignKeys("y", null)).extracting(f -> f.referredTable()).containsExactly("x");
        md.dropAll(db.engine());
        assertThat(insp.tableNames()).isEmpty();
    }

    @BackendTest
    void sequencesAreCreatedAndDroppedWhereTheDatabaseHasThem(TestDatabase db) {
        db.engine().connect().close();   // the dialect learns the server version (MariaDB has sequences from 10.3)
        db.require(db.dialect().supportsSequences(), "no sequences");
        MetaData md = new MetaData();
        md.sequence(Sequence.named("standalone_seq").startWith(5));
        md.table("s", column("id", BIGINT, primaryKey(), Sequence.named("s_id_seq")));
        md.createAll(db.engine());
        Inspector insp = Inspector.of(db.engine());
        assertThat(insp.sequenceNames(null)).contains("standalone_seq", "s_id_seq");
        md.dropAll(db.engine());
        assertThat(insp.sequenceNames(null)).doesNotContain("standalone_seq", "s_id_seq");
    }

    @BackendTest
    void singleTableCreateAndDrop(TestDatabase db) {
        MetaData md = Fixtures.users(new MetaData());
        md.table("user_account").create(db.engine());
        md.table("user_account").create(db.engine());
        assertThat(Inspector.of(db.engine()).tableNames()).containsExactly("user_account");
        md.table("user_account").drop(db.engine());
        assertThat(Inspector.of(db.engine()).tableNames()).isEmpty();
    }

    @BackendTest
    void aTableWithAUseAlterKeyCreatedAloneSkipsTheKeyUntilItsTargetExists(TestDatabase db) {
        MetaData md = new MetaData();
        Table dept = md.table("dept", column("id", INTEGER, primaryKey()),
                column("boss_id", INTEGER, foreignKey("emp.id").named("fk_dept_boss").useAlter()));
        md.table("emp", column("id", INTEGER, primaryKey()), column("dept_id", INTEGER, foreignKey("dept.id")));
        dept.create(db.engine());
        assertThat(Inspector.of(db.engine()).tableNames()).containsExactly("dept");
        md.createAll(db.engine());
        assertThat(Inspector.of(db.engine()).tableNames()).containsExactly("dept", "emp");
        if (!db.isSqlite()) {     // SQLite cannot add a foreign key to an existing table
            assertThat(Inspector.of(db.engine()).foreignKeys("dept", null)).extracting(f -> f.name())
                    .containsExactly("fk_dept_boss");
        }
        md.dropAll(db.engine());
        assertThat(Inspector.of(db.engine()).tableNames()).isEmpty();
    }

    @BackendTest
    void createAllOnACallersConnectionRollsBackWithItWhereDdlIsTransactional(TestDatabase db) {
        db.require(db.dialect().supportsTransactionalDdl(), "DDL commits by itself");
        MetaData md = Fixtures.users(new MetaData());
        try (org.retort.engine.Connection conn = db.engine().connect()) {
            md.createAll(conn, true);
            assertThat(Inspector.of(conn).tableNames()).containsExactly("address", "user_account");
            conn.rollback();
        }
        assertThat(Inspector.of(db.engine()).tableNames()).isEmpty();
    }

    private static Object callDefault(org.retort.sql.ColumnDefault d) {
        return ((org.retort.sql.ColumnDefault.Callable) d).supplier().get();
    }
}
