package org.retort.orm.internal.flush;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.orm.Model;
import org.retort.orm.Model.User;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.sql.Sql;

/**
 * RETURNING rows of a multi-row INSERT put back in the order of the INSERT's rows by their autoincrement key, which
 * the database hands out in that order (no database promises RETURNING itself lists rows in VALUES order).
 */
class InsertOrderTest {
    private static final Mapper<User> USERS = Model.registry().mapper(User.class);

    private static List<Row> rows(String sql) {
        Engine engine = Engine.create("sqlite://");
        try (Connection conn = engine.connect()) {
            return conn.execute(Sql.text(sql)).all();
        } finally {
            engine.dispose();
        }
    }

    private static List<Object> ids(List<Row> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }

    @Test
    void rowsReturnedOutOfOrderAreSortedByTheirGeneratedKeyWithTheirOtherValues() {
        List<Row> back = rows("SELECT 7 AS id, 'c' AS name UNION ALL SELECT 5, 'a' UNION ALL SELECT 6, 'b'");
        List<ColumnProperty> fetch = List.of(USERS.primaryKey().get(0));
        List<Row> ordered = UnitOfWork.inInsertOrder(USERS, fetch, back);
        assertThat(ids(ordered)).containsExactly(5, 6, 7);
        assertThat(ordered.stream().map(r -> r.get(1)).toList()).containsExactly("a", "b", "c");
    }

    @Test
    void rowsAlreadyInOrderAndKeysThatAreNotGeneratedIntegersStandAsReturned() {
        List<Row> inOrder = rows("SELECT 1 AS id UNION ALL SELECT 2 UNION ALL SELECT 3");
        List<ColumnProperty> fetch = List.of(USERS.primaryKey().get(0));
        assertThat(UnitOfWork.inInsertOrder(USERS, fetch, inOrder)).isSameAs(inOrder);
        List<Row> text = rows("SELECT 'z' AS id UNION ALL SELECT 'a'");
        assertThat(ids(UnitOfWork.inInsertOrder(USERS, fetch, text))).containsExactly("z", "a");
        List<Row> notFetched = rows("SELECT 9 AS x UNION ALL SELECT 1");
        assertThat(ids(UnitOfWork.inInsertOrder(USERS, List.of(USERS.properties().get(1)), notFetched)))
                .containsExactly(9, 1);
    }
}
