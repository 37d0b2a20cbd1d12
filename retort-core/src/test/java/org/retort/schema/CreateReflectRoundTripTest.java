package org.retort.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.types.Types.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.retort.engine.Engine;
import org.retort.inspect.Inspector;
import org.retort.testing.TestDatabase;
import org.retort.testing.BackendTest;
import org.retort.types.DateTimeTzType;
import org.retort.types.EnumType;
import org.retort.types.FloatType;
import org.retort.types.IntegerType;
import org.retort.types.IntervalType;
import org.retort.types.JsonType;
import org.retort.types.LargeBinaryType;
import org.retort.types.SqlType;
import org.retort.types.StringType;
import org.retort.types.UuidType;

/**
 * The {@link Shop} MetaData (14+ tables, every construct) is created, reflected back into a new MetaData, and
 * compared table by table. What each database cannot keep is listed in {@link #expectedType} and the
 * {@code imposed} flags below, and nowhere else.
 */
class CreateReflectRoundTripTest {

    private static boolean functional(TestDatabase db) {
        return db.isSqlite() || db.name().equals("postgresql");
    }

    /**
     * The type a database gives back for a declared type. Differences the databases impose:
     * enums come back as VARCHAR (the Java enum class is not in the database; PostgreSQL's named type reads as an
     * unbounded VARCHAR); UNICODE is VARCHAR outside SQL Server/Oracle; FLOAT is DOUBLE PRECISION on PostgreSQL
     * and H2; MariaDB's JSON is LONGTEXT; UUID is CHAR(32), and DATETIME_TZ and INTERVAL are date-times, where the
     * database has no such type (SQLite, MariaDB); binary lengths are not kept.
     */
    private static SqlType<?> expectedType(SqlType<?> t, TestDatabase db) {
        boolean emulated = db.isSqlite() || db.name().equals("mariadb");
        return switch (t) {
            case EnumType<?> e -> db.name().equals("postgresql") ? VARCHAR : VARCHAR(e.length());
            case StringType s when s.unicode() -> VARCHAR(s.length());
            case FloatType f -> db.name().equals("postgresql") || db.name().equals("h2") ? DOUBLE : FLOAT;
            case JsonType<?> j -> db.name().equals("mariadb") ? TEXT : t;
            case UuidType u -> emulated ? CHAR(32) : UUID;
            case DateTimeTzType d -> emulated ? DATETIME : t;
            case IntervalType i -> emulated ? DATETIME : t;
            case LargeBinaryType b -> LARGE_BINARY;
            default -> t;
        };
    }

    private static SqlType<?> normalize(SqlType<?> t) {
        return t instanceof LargeBinaryType ? LARGE_BINARY : t;
    }

    @BackendTest
    void createdSchemaReflectsBackEqual(TestDatabase db) {
        Engine engine = db.engine();
        boolean maria = db.name().equals("mariadb");
        boolean comments = !db.isSqlite();
        MetaData declared = Shop.build(functional(db), functional(db));
        assertThat(declared.tables()).hasSizeGreaterThanOrEqualTo(13);
        declared.createAll(engine);
        declared.createAll(engine);   // checkfirst: a second run creates nothing and fails on nothing

        Inspector insp = Inspector.of(engine);
        assertThat(insp.tableNames()).containsExactlyInAnyOrderElementsOf(
                declared.tables().stream().map(Table::name).toList());
        List<String> sorted = insp.sortedTableNames(null);
        assertThat(sorted.indexOf("order")).isGreaterThan(sorted.indexOf("user_account"));
        assertThat(sorted.indexOf("order_item")).isGreaterThan(sorted.indexOf("order"));
        assertThat(sorted.indexOf("shipment")).isGreaterThan(sorted.indexOf("order_item"));

        MetaData reflected = new MetaData();
        reflected.reflect(engine);
        assertThat(reflected.tables()).hasSameSizeAs(declared.tables());

        for (Table want : declared.tables()) {
            Table got = reflected.table(want.name());
            String t = db.name() + " table " + want.name();
            assertThat(got.columnNames()).as(t).isEqualTo(want.columnNames());
            for (Column<?> wc : want.schemaColumns()) {
                Column<?> gc = got.c(wc.name());
                String c = t + " column " + wc.name();
                assertThat(normalize(gc.type())).as(c + " type").isEqualTo(expectedType(wc.type(), db));
                assertThat(gc.isNullable()).as(c + " nullable").isEqualTo(wc.isNullable());
                assertThat(gc.serverDefault() != null).as(c + " server default").isEqualTo(wc.serverDefault() != null);
                assertThat(gc.computed() != null).as(c + " computed").isEqualTo(wc.computed() != null);
                // SQLite autoincrements only an INTEGER PRIMARY KEY (the rowid)
                boolean auto = wc.isAutoincrement() && !(db.isSqlite() && !(wc.type() instanceof IntegerType));
                assertThat(gc.isAutoincrement()).as(c + " autoincrement").isEqualTo(auto);
                if (wc.identity() != null && (db.name().equals("postgresql") || db.name().equals("h2"))) {
                    assertThat(gc.identity()).as(c + " identity").isNotNull();
                }
                assertThat(gc.comment()).as(c + " comment").isEqualTo(comments ? wc.comment() : null);
            }
            assertThat(got.comment()).as(t + " comment").isEqualTo(comments ? want.comment() : null);
            assertThat(got.primaryKey().columnNames()).as(t + " pk").isEqualTo(want.primaryKey().columnNames());
            if (!maria && !want.primaryKey().columnNames().isEmpty()) {   // MySQL names every primary key PRIMARY
                assertThat(got.primaryKey().name()).as(t + " pk name").isEqualTo(want.primaryKey().name());
            }
            assertThat(fks(got)).as(t + " foreign keys").isEqualTo(fks(want));

            Map<String, List<String>> wantUniques = uniques(want);
            Map<String, String> wantIndexes = indexes(want);
            if (maria) {   // MySQL cannot tell a UNIQUE index from a unique constraint
                for (Index ix : want.indexes()) {
                    if (ix.isUnique()) {
                        wantUniques.put(ix.name(), ix.columnNames());
                        wantIndexes.remove(ix.name());
                    }
                }
            }
            assertThat(uniques(got)).as(t + " unique").isEqualTo(wantUniques);
            assertThat(indexes(got)).as(t + " indexes").isEqualTo(wantIndexes);
            if (db.name().equals("postgresql")) {     // options of other dialects do not apply, nor come back
                for (Index ix : want.indexes()) {
                    assertThat(got.indexes().stream().filter(g -> g.name().equals(ix.name())).findFirst().orElseThrow()
                            .dialectOptions()).as(t + " " + ix.name() + " options").isEqualTo(ix.dialectOptions());
                }
            }
            assertThat(checks(got)).as(t + " checks").isEqualTo(checks(want));
        }

        declared.dropAll(engine);
        assertThat(insp.tableNames()).isEmpty();
        assertThat(insp.enumTypeNames(null)).isEmpty();
        declared.dropAll(engine);     // checkfirst: nothing left to drop
    }

    private static Map<String, String> fks(Table t) {
        Map<String, String> out = new TreeMap<>();
        for (ForeignKeyConstraint fk : t.foreignKeys()) {
            out.put(fk.name(), fk.columnNames() + " -> " + fk.referredTableName() + fk.referredColumnNames()
                    + " delete=" + fk.onDeleteAction() + " update=" + fk.onUpdateAction());
        }
        return out;
    }

    private static Map<String, List<String>> uniques(Table t) {
        Map<String, List<String>> out = new TreeMap<>();
        for (UniqueConstraint u : t.uniqueConstraints()) {
            out.put(u.name(), u.columnNames());
        }
        return out;
    }

    private static Map<String, String> indexes(Table t) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Index ix : new TreeMap<>(t.indexes().stream().collect(
                java.util.stream.Collectors.toMap(Index::name, i -> i))).values()) {
            out.put(ix.name(), ix.columnNames() + " expressions=" + ix.elements().stream()
                    .filter(e -> e.expression() != null).count() + " unique=" + ix.isUnique()
                    + " partial=" + (ix.whereClause() != null));
        }
        return out;
    }

    private static TreeSet<String> checks(Table t) {
        TreeSet<String> out = new TreeSet<>();
        for (CheckConstraint c : t.checkConstraints()) {
            if (c.name() != null) {
                out.add(c.name());
            }
        }
        return out;
    }
}
