package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialect;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.CompileException;
import org.retort.testing.BackendTest;
import org.retort.testing.HostileStrings;
import org.retort.testing.TestDatabase;
import org.retort.types.Types;

/**
 * Literal-execute bind parameters (SQLAlchemy's {@code literal_execute=True}): a parameter in the cache key and the
 * compiled form, shown as {@code __[POSTCOMPILE_name]}, whose value each execution writes into the SQL as a literal
 * escaped for the dialect.
 */
class LiteralExecuteTest {

    private static Select pageByName() {
        return select(USER_ID).where(USER_NAME.eq(bindparam("n", "x").withLiteralExecute()))
                .limit(bindparam("lim", 2).withLiteralExecute());
    }

    private static String bound(Statement s, Dialect d, Map<String, ?> params) {
        return s.compile(d).bind(s.boundValues(), params).sql();
    }

    @Test
    void compiledFormKeepsAMarkerAndEachDialectPagesAroundIt() {
        Map<Dialect, String> expected = Map.of(
                PG, "SELECT user_account.id FROM user_account WHERE user_account.name = __[POSTCOMPILE_n] "
                        + "LIMIT __[POSTCOMPILE_lim]",
                SQLITE, "SELECT user_account.id FROM user_account WHERE user_account.name = __[POSTCOMPILE_n] "
                        + "LIMIT __[POSTCOMPILE_lim]",
                MARIADB, "SELECT user_account.id FROM user_account WHERE user_account.name = __[POSTCOMPILE_n] "
                        + "LIMIT __[POSTCOMPILE_lim]",
                H2, "SELECT user_account.id FROM user_account WHERE user_account.name = __[POSTCOMPILE_n] "
                        + "FETCH FIRST __[POSTCOMPILE_lim] ROWS ONLY",
                ORACLE, "SELECT user_account.id FROM user_account WHERE user_account.name = __[POSTCOMPILE_n] "
                        + "FETCH FIRST __[POSTCOMPILE_lim] ROWS ONLY",
                MSSQL, "SELECT TOP (__[POSTCOMPILE_lim]) user_account.id FROM user_account "
                        + "WHERE user_account.name = __[POSTCOMPILE_n]");
        for (var e : expected.entrySet()) {
            Compiled c = pageByName().compile(e.getKey());
            assertThat(c.sql()).as(e.getKey().name()).isEqualTo(e.getValue());
            assertThat(c.bindSlots()).extracting(BindSlot::literalExecute).containsOnly(true);
            assertThat(c.positionalNames()).as("no positional parameters remain").isEmpty();
            assertThat(c.params()).isEqualTo(Map.of("n", "x", "lim", 2));
        }
        assertThat(bound(pageByName(), PG, Map.of())).isEqualTo(
                "SELECT user_account.id FROM user_account WHERE user_account.name = 'x' LIMIT 2");
        assertThat(bound(pageByName(), MSSQL, Map.of("n", "Zoë", "lim", 5))).isEqualTo(
                "SELECT TOP (5) user_account.id FROM user_account WHERE user_account.name = N'Zoë'");
        assertThat(bound(pageByName(), ORACLE, Map.of("lim", 7))).isEqualTo(
                "SELECT user_account.id FROM user_account WHERE user_account.name = 'x' FETCH FIRST 7 ROWS ONLY");
    }

    @Test
    void valuesAreEscapedByTheDialectsLiteralStyle() {
        Map<String, Object> hostile = Map.of("n", "a\\' OR 1=1 --", "lim", 1);
        assertThat(bound(pageByName(), PG, hostile)).isEqualTo("SELECT user_account.id FROM user_account "
                + "WHERE user_account.name = E'a\\\\'' OR 1=1 --' LIMIT 1");
        assertThat(bound(pageByName(), MARIADB, hostile)).isEqualTo("SELECT user_account.id FROM user_account "
                + "WHERE user_account.name = _utf8mb4 X'615c27204f5220313d31202d2d' LIMIT 1");
        assertThat(bound(pageByName(), SQLITE, hostile)).isEqualTo("SELECT user_account.id FROM user_account "
                + "WHERE user_account.name = 'a\\'' OR 1=1 --' LIMIT 1");
        assertThatThrownBy(() -> bound(pageByName(), PG, Map.of("n", "a\0b")))
                .isInstanceOf(CompileException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> bound(pageByName(), PG, Map.of("n", new Object())))
                .isInstanceOf(CompileException.class).hasMessageContaining("as a SQL literal");
    }

    @Test
    void anExpandingListIsWrittenInlineAndAnEmptyOneAsTheEmptySet() {
        Select s = select(USER_ID).where(USER_ID.in(bindparamExpanding("ids", List.of(1, 2, 3)).withLiteralExecute()),
                USER_NAME.eq("a"));
        Compiled c = s.compile(PG);
        assertThat(c.sql()).isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.id IN "
                + "(__[POSTCOMPILE_ids]) AND user_account.name = ?");
        BoundStatement b = c.bind(s.boundValues(), Map.of());
        assertThat(b.sql()).isEqualTo("SELECT user_account.id FROM user_account WHERE user_account.id IN (1, 2, 3) "
                + "AND user_account.name = ?");
        assertThat(b.values()).containsExactly("a");
        assertThat(c.bind(s.boundValues(), Map.of("ids", List.of())).sql()).isEqualTo("SELECT user_account.id FROM "
                + "user_account WHERE user_account.id IN (SELECT 1 WHERE 1!=1) AND user_account.name = ?");
        assertThat(c.bind(s.boundValues(), Map.of("ids", List.of("O'Neil"))).sql())
                .contains("IN ('O''Neil')");
    }

    @Test
    void cacheKeyIgnoresTheValueButNotTheLiteralExecuteFlag() {
        Select a = select(USER_ID).limit(bindparam("lim", 2).withLiteralExecute());
        Select b = select(USER_ID).limit(bindparam("lim", 50).withLiteralExecute());
        Select plain = select(USER_ID).limit(bindparam("lim", 2));
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey());
        assertThat(a.cacheKey()).isNotEqualTo(plain.cacheKey());
        assertThat(plain.compile(PG).sql()).isEqualTo("SELECT user_account.id FROM user_account LIMIT ?");
    }

    @Test
    void toStringAndLiteralBindsShowWhatAUserExpects() {
        assertThat(pageByName().toString()).isEqualTo("SELECT user_account.id FROM user_account "
                + "WHERE user_account.name = __[POSTCOMPILE_n] LIMIT __[POSTCOMPILE_lim]");
        assertThat(pageByName().compile(PG, true).sql()).isEqualTo(
                "SELECT user_account.id FROM user_account WHERE user_account.name = 'x' LIMIT 2");
        assertThat(pageByName().compile(PG).toString()).contains("__[POSTCOMPILE_lim]").contains("lim=2");
    }

    @BackendTest
    void oneCompiledFormServesEveryValueAndTheDatabaseSeesLiterals(TestDatabase db) {
        List<String> echo = new ArrayList<>();
        Engine engine = db.engine(b -> b.echoTo(echo::add));
        Select s = select(Tracks.ID).where(Tracks.ID.in(bindparamExpanding("ids").withLiteralExecute()),
                Tracks.COMPOSER.eq(bindparam("who").withLiteralExecute()))
                .orderBy(Tracks.ID).limit(bindparam("lim").withLiteralExecute())
                .offset(bindparam("skip").withLiteralExecute());
        try (Connection conn = engine.connect()) {
            Tracks.create(conn);
            long misses = engine.compiledCache().misses();
            assertThat(conn.execute(s, Map.of("ids", List.of(1, 2, 3, 4), "who", "Ann", "lim", 5, "skip", 0))
                    .scalars(Object.class).all()).extracting(o -> ((Number) o).intValue()).containsExactly(1, 3);
            assertThat(conn.execute(s, Map.of("ids", List.of(1, 3), "who", "Ann", "lim", 1, "skip", 1))
                    .scalars(Object.class).all()).extracting(o -> ((Number) o).intValue()).containsExactly(3);
            assertThat(conn.execute(s, Map.of("ids", List.of(), "who", "Ann", "lim", 1, "skip", 0)).all()).isEmpty();
            assertThat(engine.compiledCache().misses() - misses).as("compiled once for three executions").isEqualTo(1);
            assertThat(echo).anySatisfy(line -> assertThat(line).contains("IN (1, 3)").contains("'Ann'")
                    .containsAnyOf("LIMIT 1 OFFSET 1", "OFFSET 1 ROWS FETCH FIRST 1 ROWS ONLY", "LIMIT 1, 1"));
            assertThat(echo).noneMatch(line -> line.contains("POSTCOMPILE"));
            Tracks.METADATA.dropAll(conn, false);
            conn.commit();
        }
    }

    @BackendTest
    void executemanyWritesEachSetsLiteral(TestDatabase db) {
        try (Connection conn = db.engine().connect()) {
            Tracks.create(conn);
            conn.execute(update(Tracks.TRACK).set(Map.of("composer", bindparam("c")))
                            .where(Tracks.ID.eq(bindparam("i").withLiteralExecute())),
                    List.of(Map.of("c", "X", "i", 1), Map.of("c", "Y", "i", 2)));
            assertThat(conn.execute(select(Tracks.COMPOSER).where(Tracks.ID.in(1, 2)).orderBy(Tracks.ID))
                    .scalars(String.class).all()).containsExactly("X", "Y");
            Tracks.METADATA.dropAll(conn, false);
            conn.commit();
        }
    }

    @BackendTest
    void hostileStringsAreLiteralsNeverSql(TestDatabase db) {
        Fixtures.T hostile = new Fixtures.T("lx_hostile", null);
        ColumnClause<Integer> id = hostile.col("id", Types.INTEGER);
        ColumnClause<String> v = hostile.col("v", Types.TEXT);
        String text = db.dialect().name().equals("h2") ? "VARCHAR(4000)" : "TEXT";
        List<String> corpus = HostileStrings.all();
        Select byValue = select(id).where(v.eq(bindparam("v").withLiteralExecute()));
        Select inList = select(id).where(v.in(bindparamExpanding("vs").withLiteralExecute()));
        try (Connection conn = db.engine().connect()) {
            conn.execute(text("CREATE TABLE victim (id INTEGER)"));
            conn.execute(text("CREATE TABLE lx_hostile (id INTEGER PRIMARY KEY, v " + text + ")"));
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<Integer, String> stored = new HashMap<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (HostileStrings.storableEverywhere(corpus.get(i))) {
                    rows.add(Map.of("id", i, "v", corpus.get(i)));
                    stored.put(i, corpus.get(i));
                }
            }
            conn.execute(insert(hostile), rows);
            conn.commit();
            for (var e : stored.entrySet()) {
                String s = e.getValue();
                assertThat(ids(conn, byValue, Map.of("v", s))).as("= %s", InjectionCorpusTest.Escaped.of(s))
                        .contains(e.getKey());
                assertThat(ids(conn, inList, Map.of("vs", List.of(s, "-")))).as("IN %s", InjectionCorpusTest.Escaped.of(s))
                        .contains(e.getKey());
            }
            int refused = 0;
            for (String s : corpus) {
                if (!HostileStrings.storableEverywhere(s)) {
                    try {
                        ids(conn, byValue, Map.of("v", s));
                    } catch (CompileException expected) {
                        assertThat(expected.getMessage()).containsAnyOf("NUL", "surrogate");
                        refused++;
                    }
                }
            }
            assertThat(refused).as("strings with no literal form are refused before reaching the database")
                    .isPositive();
            assertThat(((Number) conn.execute(select(func.count()).selectFrom(table("victim"))).scalar()).intValue())
                    .as("rows written by an injected payload").isZero();
            conn.execute(text("DROP TABLE lx_hostile"));
            conn.execute(text("DROP TABLE victim"));
            conn.commit();
        }
    }

    private static List<Integer> ids(Connection conn, Select s, Map<String, ?> params) {
        return conn.execute(s, params).scalars(Object.class).all().stream().map(o -> ((Number) o).intValue()).toList();
    }
}
