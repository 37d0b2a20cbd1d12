package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.*;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;
import static org.retort.types.Types.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Row;
import org.retort.exc.ArgumentException;
import org.retort.schema.Column;
import org.retort.schema.CreateTable;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * A column's key (SQLAlchemy's {@code Column("user_name", String, key="name")}): the application's name for a column
 * whose database name is another. Lookups, DML value maps, bind names and row access use the key; SQL the name.
 */
class ColumnKeyTest {
    private static final MetaData MD = new MetaData();
    private static final Table USER = MD.table("ck_user",
            column("id", INTEGER, primaryKey()),
            column("user_name", VARCHAR(30), key("name"), notNull()),
            column("full_name", VARCHAR(60), key("fullname")));
    private static final Column<String> NAME = USER.c("name", String.class);

    private static void golden(Statement s, Dialect d, String sql, Map<String, Object> params) {
        Compiled c = s.compile(d);
        assertThat(c.sql()).as(d.name()).isEqualTo(sql);
        assertThat(c.params()).as(d.name() + " params").isEqualTo(params);
    }

    @Test
    void theTableFindsAColumnByItsKeyAndSaysSoWhenAskedByName() {
        assertThat(NAME.name()).isEqualTo("user_name");
        assertThat(NAME.key()).isEqualTo("name");
        assertThat(USER.c("id").key()).as("no key(): the key is the name").isEqualTo("id");
        assertThat(USER.hasColumn("name")).isTrue();
        assertThat(USER.hasColumn("user_name")).isFalse();
        assertThat(USER.columnNamed("user_name")).isSameAs(NAME);
        assertThat(USER.columnNames()).containsExactly("id", "user_name", "full_name");
        assertThatThrownBy(() -> USER.c("user_name")).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("key 'name'").hasMessageContaining("c(\"name\")");
        assertThatThrownBy(() -> new MetaData().table("t", column("a", INTEGER), column("b", INTEGER, key("a"))))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("key 'a'");
        assertThatThrownBy(() -> key("")).isInstanceOf(ArgumentException.class);
    }

    @Test
    void selectWritesTheDatabaseNameAndBindsAfterTheKey() {
        Select s = select(USER.c("id"), NAME).where(NAME.eq("x")).orderBy(USER.c("fullname"));
        for (Dialect d : List.of(PG, SQLITE, MARIADB, H2, ORACLE, MSSQL)) {
            golden(s, d, "SELECT ck_user.id, ck_user.user_name FROM ck_user WHERE ck_user.user_name = ? "
                    + "ORDER BY ck_user.full_name", Map.of("name_1", "x"));
        }
        assertThat(s.toString()).isEqualTo("SELECT ck_user.id, ck_user.user_name FROM ck_user "
                + "WHERE ck_user.user_name = :name_1 ORDER BY ck_user.full_name");
        assertThat(select(USER.alias("u").c("name")).compile(PG).sql()).isEqualTo("SELECT u.user_name FROM ck_user AS u");
        Subquery sq = select(USER.c("id"), NAME).subquery("sq");
        assertThat(select(sq.c("name")).where(sq.c("name").eq("y")).compile(PG).sql())
                .as("a subquery finds a keyed column by its key and writes its SQL name")
                .isEqualTo("SELECT sq.user_name FROM (SELECT ck_user.id, ck_user.user_name FROM ck_user) AS sq "
                        + "WHERE sq.user_name = ?");
        assertThat(select(sq.c("user_name")).compile(PG).sql()).isEqualTo(
                "SELECT sq.user_name FROM (SELECT ck_user.id, ck_user.user_name FROM ck_user) AS sq");
    }

    @Test
    void insertAndUpdateTakeValuesByKey() {
        Insert ins = insert(USER).values(Map.of("id", 1, "name", "a", "fullname", "A"));
        for (Dialect d : List.of(PG, SQLITE, MARIADB, H2, ORACLE, MSSQL)) {
            golden(ins, d, "INSERT INTO ck_user (id, user_name, full_name) VALUES (?, ?, ?)",
                    Map.of("id", 1, "name", "a", "fullname", "A"));
        }
        assertThat(ins.toString()).isEqualTo("INSERT INTO ck_user (id, user_name, full_name) VALUES (:id, :name, :fullname)");
        assertThat(insert(USER).values(Map.of(NAME, "by column")).compile(PG).params()).isEqualTo(Map.of("name", "by column"));
        assertThat(insert(USER).values(List.of(Map.of("name", "a"), Map.of("name", "b"))).toString())
                .isEqualTo("INSERT INTO ck_user (user_name) VALUES (:name_m0), (:name_m1)");
        Update up = update(USER).values(Map.of("fullname", "F")).where(NAME.eq("a"));
        golden(up, PG, "UPDATE ck_user SET full_name=? WHERE ck_user.user_name = ?", Map.of("fullname", "F", "name_1", "a"));
        golden(up, MARIADB, "UPDATE ck_user SET full_name=? WHERE ck_user.user_name = ?", Map.of("fullname", "F", "name_1", "a"));
        assertThat(insert(USER).fromSelect(List.of("id", "name"), select(USER.c("id"), NAME)).compile(PG).sql())
                .isEqualTo("INSERT INTO ck_user (id, user_name) SELECT ck_user.id, ck_user.user_name FROM ck_user");
        assertThatThrownBy(() -> insert(USER).values(Map.of("user_name", "a")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("c(\"name\")");
    }

    @Test
    void parametersOfABareInsertOrUpdateAreMatchedByKey() {
        Executable ins = insert(USER).forParameters(Map.of("id", 1, "name", "a"));
        Compiled c = ins.compile(PG);
        assertThat(c.sql()).isEqualTo("INSERT INTO ck_user (id, user_name) VALUES (?, ?)");
        assertThat(c.positionalNames()).containsExactly("id", "name");
        assertThatThrownBy(() -> insert(USER).forParameters(Map.of("id", 1, "user_name", "a")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Unconsumed column names: user_name")
                .hasMessageContaining("[id, name, fullname]");
        Compiled u = update(USER).where(USER.c("id").eq(bindparam("k"))).forParameters(Map.of("k", 1, "fullname", "z"))
                .compile(PG);
        assertThat(u.sql()).isEqualTo("UPDATE ck_user SET full_name=? WHERE ck_user.id = ?");
        assertThat(u.positionalNames()).containsExactly("fullname", "k");
    }

    @Test
    void ddlUsesTheDatabaseName() {
        assertThat(new CreateTable(USER).compile(PG).sql()).isEqualTo("CREATE TABLE ck_user (\n\tid SERIAL NOT NULL,\n"
                + "\tuser_name VARCHAR(30) NOT NULL,\n\tfull_name VARCHAR(60),\n\tPRIMARY KEY (id)\n)");
    }

    @BackendTest
    void rowsAndParametersUseTheKeyWhileTheDatabaseSeesItsNames(TestDatabase db) {
        MD.createAll(db.engine());
        try (Connection conn = db.engine().connect()) {
            conn.execute(insert(USER), List.of(Map.of("id", 1, "name", "ann", "fullname", "Ann A"),
                    Map.of("id", 2, "name", "bob", "fullname", "Bob B")));
            conn.execute(insert(USER).values(Map.of("id", 3, "name", "cy")));
            conn.execute(update(USER).values(Map.of("fullname", "Robert B")).where(NAME.eq("bob")));
            conn.execute(update(USER).where(USER.c("id").eq(bindparam("k"))), Map.of("k", 3, "fullname", "Cy C"));
            conn.commit();

            List<Row> rows = conn.execute(select(USER).orderBy(USER.c("id"))).all();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("ann", "bob", "cy");
            assertThat(rows).extracting(r -> r.get("fullname")).containsExactly("Ann A", "Robert B", "Cy C");
            assertThat(rows.get(0).get("user_name")).as("the database name finds it too").isEqualTo("ann");
            assertThat(rows.get(0).getByColumn(NAME)).isEqualTo("ann");
            assertThat(rows.get(0).keys()).as("keys are the SQL names").containsExactly("id", "user_name", "full_name");
            assertThat(conn.execute(text("SELECT user_name FROM ck_user WHERE id = 2")).scalar())
                    .as("stored under the database name").isEqualTo("bob");
            assertThat(conn.execute(select(NAME).where(NAME.in("ann", "cy")).orderBy(NAME)).scalars(String.class).all())
                    .containsExactly("ann", "cy");

            MetaData reflected = new MetaData();
            Table back = reflected.reflectTable(db.engine(), "ck_user");
            assertThat(back.columns()).extracting(ColumnClause::key).as("reflection: key == name")
                    .containsExactly("id", "user_name", "full_name");
            assertThat(conn.execute(select(back.c("user_name")).where(back.c("id").eq(1))).scalar()).isEqualTo("ann");
            conn.commit();
        }
        MD.dropAll(db.engine());
    }
}
