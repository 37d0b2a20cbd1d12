package org.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.h2.H2Dialect;
import org.retort.dialect.mssql.MssqlDialect;
import org.retort.dialect.mysql.MariadbDialect;
import org.retort.dialect.oracle.OracleDialect;
import org.retort.dialect.postgresql.PostgresqlDialect;
import org.retort.dialect.sqlite.SqliteDialect;
import org.retort.exc.CompileException;
import org.retort.schema.MetaData;
import org.retort.schema.Schema;
import org.retort.schema.SetColumnComment;
import org.retort.sql.TableClause;
import org.retort.types.Types;

/** Each dialect's inline string and binary literals, in the forms that no server setting can reinterpret. */
class LiteralStyleTest {
    private static final String ATTACK = "\\'; INSERT INTO victim VALUES (666); -- ";
    private static final TableClause VICTIM = table("victim", "v");

    private static String literalOf(Dialect d, Object value) {
        String sql = select(literal(value).label("x")).compile(d, true).sql();
        return sql.substring("SELECT ".length(), sql.lastIndexOf(" AS x"));
    }

    @Test
    void postgresqlWritesABackslashInAnEscapeStringSoStandardConformingStringsOffCannotEndTheLiteral() {
        assertThat(literalOf(new PostgresqlDialect(), ATTACK)).isEqualTo("E'\\\\''; INSERT INTO victim VALUES (666); -- '");
        assertThat(literalOf(new PostgresqlDialect(), "O'Brien")).isEqualTo("'O''Brien'");
    }

    @Test
    void mysqlAndMariadbWriteABackslashOrNulAsUtf8mb4HexSoNoSqlModeMatters() {
        assertThat(literalOf(new MariadbDialect(), "a\\b")).isEqualTo("_utf8mb4 X'615c62'");
        assertThat(literalOf(new MariadbDialect(), "a\0b")).isEqualTo("_utf8mb4 X'610062'");
        assertThat(literalOf(new MariadbDialect(), "\u00e9'")).isEqualTo("'\u00e9'''");
    }

    @Test
    void standardDialectsDoubleQuotesAndLeaveBackslashesAlone() {
        for (Dialect d : new Dialect[] {new SqliteDialect(), new H2Dialect(), new OracleDialect()}) {
            assertThat(literalOf(d, ATTACK)).as(d.name()).isEqualTo("'\\''; INSERT INTO victim VALUES (666); -- '");
        }
    }

    @Test
    void sqlServerMarksNonAsciiTextAsNationalSoNoCodePageRewritesIt() {
        assertThat(literalOf(new MssqlDialect(), "abc")).isEqualTo("'abc'");
        assertThat(literalOf(new MssqlDialect(), "\uFF07 or \u02BC'")).isEqualTo("N'\uFF07 or \u02BC'''");
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> literalOf(new PostgresqlDialect(), "ab\0"))
                .isInstanceOf(CompileException.class).hasMessageContaining("NUL").hasMessageContaining("index 2")
                .hasMessageContaining("postgresql").hasMessageContaining("bind it as a parameter");
        assertThatThrownBy(() -> literalOf(new SqliteDialect(), "x\uD800y"))
                .isInstanceOf(CompileException.class).hasMessageContaining("unpaired UTF-16 surrogate (U+D800 at index 1)");
        assertThat(literalOf(new SqliteDialect(), "\uD83D\uDE00")).isEqualTo("'\uD83D\uDE00'");
    }

    @Test
    void bytesDatesAndUuidsHaveLiteralsOnEveryDialect() {
        byte[] bytes = {0, (byte) 0xff, 0x27};
        assertThat(literalOf(new PostgresqlDialect(), bytes)).isEqualTo("decode('00ff27', 'hex')");
        assertThat(literalOf(new MariadbDialect(), bytes)).isEqualTo("X'00ff27'");
        assertThat(literalOf(new SqliteDialect(), bytes)).isEqualTo("X'00ff27'");
        assertThat(literalOf(new MssqlDialect(), bytes)).isEqualTo("0x00ff27");
        assertThat(literalOf(new OracleDialect(), bytes)).isEqualTo("HEXTORAW('00ff27')");
        assertThat(literalOf(new PostgresqlDialect(), java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
                .isEqualTo("'123e4567-e89b-12d3-a456-426614174000'");
        assertThat(literalOf(new PostgresqlDialect(), java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5)))
                .isEqualTo("'2024-01-02 03:04:05'");
    }

    @Test
    void likeEscapeCharacterAndDdlCommentsUseTheSameStyle() {
        assertThat(select(VICTIM.c("v")).where(VICTIM.c("v").like("a\\%", '\\')).compile(new MariadbDialect()).sql())
                .endsWith("ESCAPE _utf8mb4 X'5c'");
        MetaData md = new MetaData();
        md.table("t", Schema.column("c", Types.TEXT, Schema.comment("it\\'s; DROP TABLE t; --")));
        String ddl = new SetColumnComment(md.table("t").c("c")).compile(new PostgresqlDialect()).sql();
        assertThat(ddl).isEqualTo("COMMENT ON COLUMN t.c IS E'it\\\\''s; DROP TABLE t; --'");
    }

    @Test
    void insertWithLiteralValuesRendersEachValueInTheStyle() {
        assertThat(insert(VICTIM).values(Map.of("v", ATTACK)).compile(new PostgresqlDialect(), true).sql())
                .isEqualTo("INSERT INTO victim (v) VALUES (E'\\\\''; INSERT INTO victim VALUES (666); -- ')");
    }
}
