package org.retort.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.func;
import static org.retort.sql.Sql.insert;
import static org.retort.sql.Sql.select;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** Numeric columns accept any Java number that fits, as SQLAlchemy's do, and refuse the rest clearly. */
class NumericBindingTest {

    @BackendTest
    void integerLiteralsCompareWithBigintExpressionsAndNumbersWidenOrNarrowWhenTheyFit(TestDatabase db) {
        Engine engine = db.engine();
        MetaData md = new MetaData();
        Table t = md.table("nums",
                column("id", Types.INTEGER, primaryKey()),
                column("big", Types.BIGINT),
                column("small", Types.SMALLINT),
                column("amount", Types.NUMERIC(10, 2)),
                column("ratio", Types.DOUBLE));
        md.createAll(engine);
        engine.begin(conn -> conn.execute(insert(t), List.of(
                Map.of("id", 1L, "big", 7, "small", 3, "amount", 5, "ratio", 2),
                Map.of("id", 2, "big", 8L, "small", (short) 4, "amount", new BigDecimal("1.25"), "ratio", 0.5f))));
        try (Connection conn = engine.connect()) {
            assertThat(conn.execute(select(func.count()).selectFrom(t).having(func.count().gt(1L))).scalar())
                    .isIn(2, 2L);
            assertThat(conn.execute(select(t.c("amount")).orderBy(t.c("id"))).scalars(BigDecimal.class).all())
                    .containsExactly(new BigDecimal("5.00"), new BigDecimal("1.25"));
            assertThatThrownBy(() -> conn.execute(insert(t), Map.of("id", 3, "small", 70_000)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("SMALLINT")
                    .hasMessageContaining("70000");
            assertThatThrownBy(() -> conn.execute(insert(t), Map.of("id", "four")))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("INTEGER")
                    .hasMessageContaining("'four'");
        }
    }
}
