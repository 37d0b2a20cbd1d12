package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Row;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * Property-style check: seeded random expression trees (arithmetic, comparisons, AND/OR/NOT, CASE, coalesce, IN,
 * BETWEEN, IS NULL, IS DISTINCT FROM) compile and run on the backend without errors and return exactly the rows
 * an in-memory SQLite database returns for the same statement.
 */
class RandomExpressionTest {
    private static final Fixtures.T T = new Fixtures.T("nums", null);
    private static final ColumnClause<Integer> ID = T.col("id", TestTypes.INTEGER);
    private static final ColumnClause<Integer> A = T.col("a", TestTypes.INTEGER);
    private static final ColumnClause<Integer> B = T.col("b", TestTypes.INTEGER);
    private static final ColumnClause<Integer> C = T.col("c", TestTypes.INTEGER);
    private static final int TREES = 120;

    private final Random random = new Random(20240501L);

    private Expression<?> number(int depth) {
        int pick = depth == 0 ? random.nextInt(2) : random.nextInt(9);
        return switch (pick) {
            case 0 -> List.of(A, B, C).get(random.nextInt(3));
            case 1 -> literal(random.nextInt(19) - 9, TestTypes.INTEGER);
            case 2 -> number(depth - 1).plus(number(depth - 1));
            case 3 -> number(depth - 1).minus(number(depth - 1));
            case 4 -> number(depth - 1).times(number(depth - 1));
            case 5 -> case_(condition(depth - 1), number(depth - 1)).otherwise(number(depth - 1));
            case 6 -> func.coalesce(number(depth - 1), number(depth - 1));
            case 7 -> number(depth - 1).neg();
            default -> func.abs(number(depth - 1));
        };
    }

    private Expression<?> condition(int depth) {
        int pick = depth == 0 ? random.nextInt(3) : random.nextInt(11);
        return switch (pick) {
            case 0 -> number(0).lt(number(0));
            case 1 -> number(0).isNull();
            case 2 -> number(0).eq(number(0));
            case 3 -> condition(depth - 1).and(condition(depth - 1));
            case 4 -> condition(depth - 1).or(condition(depth - 1));
            case 5 -> condition(depth - 1).not();
            case 6 -> number(depth - 1).untyped().between(random.nextInt(10) - 5, random.nextInt(10));
            case 7 -> number(depth - 1).untyped().in(List.of(random.nextInt(5), random.nextInt(5) - 3, 1));
            case 8 -> number(depth - 1).isDistinctFrom(number(depth - 1));
            case 9 -> number(depth - 1).ge(number(depth - 1));
            default -> number(depth - 1).untyped().notIn(List.of(random.nextInt(4)));
        };
    }

    private static List<List<Object>> rows(Connection conn, Select s) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : conn.execute(s).all()) {
            List<Object> values = new ArrayList<>();
            for (Object v : r) {
                values.add(v == null ? null : ((Number) v).longValue());
            }
            out.add(values);
        }
        return out;
    }

    private static void fill(Connection conn) {
        conn.execute(text("CREATE TABLE nums (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, c INTEGER)"));
        List<Map<String, Object>> data = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 1; i <= 12; i++) {
            data.add(SampleData.nullable("id", i, "a", r.nextInt(7) - 3, "b", i % 4 == 0 ? null : r.nextInt(9) - 4,
                    "c", i % 5 == 0 ? null : r.nextInt(5)));
        }
        conn.execute(insert(T), data);
        conn.commit();
    }

    @BackendTest
    void randomTreesGiveTheSameRowsAsSqlite(TestDatabase db) {
        db.require(db.isSqlite() || db.dialect().name().equals("postgresql"), "the property compares SQLite and PostgreSQL");
        Engine reference = Engine.create("sqlite://");
        try (Connection conn = db.engine().connect(); Connection ref = reference.connect()) {
            fill(conn);
            fill(ref);
            for (int i = 0; i < TREES; i++) {
                Select s = select(ID, number(3).label("v")).where(condition(3)).orderBy(ID);
                assertThat(rows(conn, s)).as("tree %d: %s", i, s).isEqualTo(rows(ref, s));
            }
        } finally {
            reference.dispose();
        }
    }
}
