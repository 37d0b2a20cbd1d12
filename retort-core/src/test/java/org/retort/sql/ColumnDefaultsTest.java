package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Fixtures.PG;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.types.SqlType;

/** Client-side column defaults: fixed values, SQL expressions and per-row suppliers, on INSERT and UPDATE. */
class ColumnDefaultsTest {

    /** A column with client-side defaults, as a schema Column would report them. */
    static final class DefaultedColumn<T> extends ColumnClause<T> {
        private final ColumnDefault onInsert;
        private final ColumnDefault onUpdate;

        DefaultedColumn(String name, SqlType<T> type, TableClause table, ColumnDefault onInsert, ColumnDefault onUpdate) {
            super(name, type, table);
            this.onInsert = onInsert;
            this.onUpdate = onUpdate;
        }

        @Override
        public ColumnDefault insertDefault() {
            return onInsert;
        }

        @Override
        public ColumnDefault updateDefault() {
            return onUpdate;
        }
    }

    static final class Stamped extends TableClause {
        final AtomicInteger counter = new AtomicInteger();

        Stamped() {
            super("stamped", null);
            addColumn(new ColumnClause<>("id", TestTypes.INTEGER, this));
            addColumn(new ColumnClause<>("name", TestTypes.VARCHAR, this));
            addColumn(new DefaultedColumn<>("status", TestTypes.VARCHAR, this, ColumnDefault.value("new"), null));
            addColumn(new DefaultedColumn<>("token", TestTypes.INTEGER, this,
                    ColumnDefault.callable(counter::incrementAndGet), null));
            addColumn(new DefaultedColumn<>("version", TestTypes.INTEGER, this, ColumnDefault.value(1),
                    ColumnDefault.sql(literalColumn("version + 1"))));
        }
    }

    @Test
    void insertAddsDefaultsOfColumnsItDoesNotSet() {
        Stamped t = new Stamped();
        Compiled c = insert(t).values(Map.of("name", "a", "status", "given")).compile(PG);
        assertThat(c.sql()).isEqualTo("INSERT INTO stamped (name, status, token, version) VALUES (?, ?, ?, ?)");
        assertThat(c.params()).containsEntry("status", "given").containsEntry("version", 1);
        assertThat(c.bind(insert(t).values(Map.of("name", "a")).boundValues(), Map.of()).values()).containsExactly("a", "new", 1, 1);
        assertThat(c.bind(insert(t).values(Map.of("name", "a")).boundValues(), Map.of()).values()[2]).isEqualTo(2);
    }

    @Test
    void literalBindsComputeSuppliedDefaults() {
        Stamped t = new Stamped();
        assertThat(insert(t).values(Map.of("name", "a")).compile(PG, true).sql())
                .isEqualTo("INSERT INTO stamped (name, status, token, version) VALUES ('a', 'new', 1, 1)");
    }

    @Test
    void updateAddsOnUpdateDefaults() {
        Stamped t = new Stamped();
        assertThat(update(t).set(Map.of("name", "b")).where(t.c("id").eq(1)).compile(PG).sql())
                .isEqualTo("UPDATE stamped SET name=?, version=version + 1 WHERE stamped.id = ?");
    }

    @BackendTest
    void defaultsApplyPerRowOnEveryBackend(TestDatabase db) {
        Stamped t = new Stamped();
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE stamped (id INTEGER PRIMARY KEY, name VARCHAR(20), status VARCHAR(20), token INTEGER, "
                    + "version INTEGER)"));
            conn.execute(insert(t), List.of(Map.of("id", 1, "name", "a"), Map.of("id", 2, "name", "b"), Map.of("id", 3, "name", "c")));
            conn.execute(insert(t).values(Map.of("id", 4, "name", "d", "status", "vip")));
            conn.execute(update(t).set(Map.of("name", "bb")).where(t.c("id").eq(2)));
            List<List<Object>> rows = conn.execute(select(t.c("status"), t.c("token"), t.c("version")).orderBy(t.c("id"))).all()
                    .stream().map(r -> List.<Object>of(r.get(0), ((Number) r.get(1)).intValue(), ((Number) r.get(2)).intValue()))
                    .toList();
            assertThat(rows).containsExactly(List.of("new", 1, 1), List.of("new", 2, 2), List.of("new", 3, 1), List.of("vip", 4, 1));
        }
    }
}
