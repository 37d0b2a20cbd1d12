package org.retort.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.sql.Sql.text;
import static org.retort.types.Types.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialect;
import org.retort.dialect.Dialects;
import org.retort.engine.Connection;
import org.retort.schema.CreateTable;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/** TypeDecorator, UserDefinedType and withVariant: user types on top of the built-in ones. */
class CustomTypeTest {

    record Cents(long value) {
    }

    /** Money stored as NUMERIC(12, 2), seen in Java as whole cents. */
    static final class Money extends TypeDecorator<Cents, BigDecimal> {
        Money() {
            super(Cents.class, NUMERIC(12, 2));
        }

        @Override
        protected BigDecimal toDatabase(Cents value) {
            return BigDecimal.valueOf(value.value(), 2);
        }

        @Override
        protected Cents fromDatabase(BigDecimal value) {
            return new Cents(value.movePointRight(2).longValueExact());
        }
    }

    /** A PostgreSQL-style POINT spelled by the type itself, stored as text. */
    record Point() implements UserDefinedType<String> {
        @Override
        public String columnSpec(Dialect dialect) {
            return dialect.name().equals("postgresql") ? "POINT" : "VARCHAR(40)";
        }

        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public String name() {
            return "POINT";
        }
    }

    @BackendTest
    void typeDecoratorConvertsBothWays(TestDatabase db) {
        MetaData md = new MetaData();
        md.table("wallet", column("id", INTEGER, primaryKey()), column("amount", new Money()));
        md.createAll(db.engine());
        Map<String, SqlType<?>> types = new LinkedHashMap<>();
        types.put("amount", new Money());
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("INSERT INTO wallet (id, amount) VALUES (1, :a)").bindType("a", new Money()),
                    Map.of("a", new Cents(123_456)));
            conn.commit();
            assertThat(conn.execute(text("SELECT amount FROM wallet").columns(types)).scalar())
                    .isEqualTo(new Cents(123_456));
            assertThat(conn.execute(text("SELECT amount FROM wallet")).scalar().toString()).isEqualTo("1234.56");
        }
    }

    @Test
    void userDefinedTypeAndVariantsRenderPerDialect() {
        Table t = new MetaData().table("geo", column("p", new Point()),
                column("doc", JSON().withVariant(JSONB(), "postgresql")),
                column("m", new Money()));
        assertThat(new CreateTable(t).compile(Dialects.forName("postgresql")).sql())
                .isEqualTo("CREATE TABLE geo (\n\tp POINT,\n\tdoc JSONB,\n\tm NUMERIC(12, 2)\n)");
        assertThat(new CreateTable(t).compile(Dialects.forName("sqlite")).sql())
                .isEqualTo("CREATE TABLE geo (\n\tp VARCHAR(40),\n\tdoc JSON,\n\tm NUMERIC(12, 2)\n)");
        assertThat(new CreateTable(t).compile(Dialects.forName("mysql")).sql())
                .isEqualTo("CREATE TABLE geo (\n\tp VARCHAR(40),\n\tdoc JSON,\n\tm NUMERIC(12, 2)\n)");
        assertThat(new Money()).isEqualTo(new Money());
    }
}
