package org.retort.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.schema.MetaData;
import org.retort.schema.Table;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;
import org.retort.types.Types;

/** Hand-written DDL with odd names, quoted identifiers, a composite key and a view, reflected on every backend. */
class ForeignSchemaReflectionTest {

    @BackendTest
    void reflectsHandWrittenDdl(TestDatabase db) {
        Engine engine = db.engine();
        Dialect d = db.dialect();
        String parent = d.identifierPreparer().quoteAlways("Weird Parent");
        String keyA = d.identifierPreparer().quoteAlways("Key A");
        String pkName = d.identifierPreparer().quoteAlways("PK weird");
        String oddIndex = d.identifierPreparer().quoteAlways("ix Odd");
        try (Connection conn = engine.connect()) {
            conn.execute(text("CREATE TABLE " + parent + " (" + keyA + " INTEGER NOT NULL, key_b VARCHAR(10) NOT NULL, "
                    + "label VARCHAR(20), CONSTRAINT " + pkName + " PRIMARY KEY (" + keyA + ", key_b))"));
            conn.execute(text("CREATE TABLE child_tbl (id INTEGER NOT NULL PRIMARY KEY, a INTEGER, b VARCHAR(10), "
                    + "note VARCHAR(5) DEFAULT 'x' NOT NULL, amount DECIMAL(8, 3), "
                    + "CONSTRAINT fk_weird FOREIGN KEY (a, b) REFERENCES " + parent + " (" + keyA + ", key_b) "
                    + "ON DELETE CASCADE)"));
            conn.execute(text("CREATE UNIQUE INDEX " + oddIndex + " ON child_tbl (b, a)"));
            conn.execute(text("CREATE VIEW v_child AS SELECT id, note FROM child_tbl"));
            conn.commit();
        }
        Inspector insp = Inspector.of(engine);
        assertThat(insp.tableNames()).containsExactly("Weird Parent", "child_tbl");
        assertThat(insp.viewNames(null)).containsExactly("v_child");
        assertThat(insp.hasTable("v_child", null)).isTrue();
        assertThat(insp.primaryKey("Weird Parent", null).columns()).containsExactly("Key A", "key_b");
        if (!db.name().equals("mariadb")) {
            assertThat(insp.primaryKey("Weird Parent", null).name()).isEqualTo("PK weird");
        }
        ReflectedForeignKey fk = insp.foreignKeys("child_tbl", null).get(0);
        assertThat(fk.columns()).containsExactly("a", "b");
        assertThat(fk.referredTable()).isEqualTo("Weird Parent");
        assertThat(fk.referredColumns()).containsExactly("Key A", "key_b");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        assertThat(fk.name()).isEqualTo("fk_weird");
        List<ReflectedColumn> cols = insp.columns("child_tbl", null);
        assertThat(cols).extracting(ReflectedColumn::name).containsExactly("id", "a", "b", "note", "amount");
        assertThat(cols.get(3).defaultSql()).contains("x");
        assertThat(cols.get(3).nullable()).isFalse();
        assertThat(cols.get(4).type()).isEqualTo(Types.NUMERIC(8, 3));

        MetaData md = new MetaData();
        Table child = insp.reflectTable(md, "child_tbl", null);
        assertThat(md.hasTable("Weird Parent")).isFalse();
        md.reflect(engine);                            // adds the rest, keeps child_tbl
        assertThat(md.table("child_tbl")).isSameAs(child);
        assertThat(child.foreignKeys().get(0).referredTable()).isSameAs(md.table("Weird Parent"));
        if (db.name().equals("mariadb")) {
            assertThat(child.uniqueConstraints()).extracting(u -> u.name()).containsExactly("ix Odd");
        } else {
            assertThat(child.indexes()).extracting(i -> i.name() + " " + i.isUnique() + " " + i.columnNames())
                    .containsExactly("ix Odd true [b, a]");
        }
        assertThatThrownBy(() -> insp.columns("no_such_table", null)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("No table 'no_such_table'");
    }
}
