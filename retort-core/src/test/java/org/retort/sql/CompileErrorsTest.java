package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.retort.dialect.Dialect;
import org.retort.exc.ArgumentException;
import org.retort.exc.CompileException;
import org.retort.sql.internal.GenericDialect;

/** Constructs a dialect cannot render fail with a CompileException naming construct and dialect; bad input fails early. */
class CompileErrorsTest {

    static Stream<Arguments> unsupported() {
        return Stream.of(
            Arguments.of("FULL OUTER JOIN", MYSQL, (Supplier<Statement>) () -> select(USER_ID).fullOuterJoin(ADDRESSES, USER_ID.eq(ADDRESS_USER_ID))),
            Arguments.of("FULL OUTER JOIN", H2, (Supplier<Statement>) () -> select(USER_ID).fullOuterJoin(ADDRESSES, USER_ID.eq(ADDRESS_USER_ID))),
            Arguments.of("DISTINCT ON", SQLITE, (Supplier<Statement>) () -> select(USER_ID).distinctOn(USER_NAME)),
            Arguments.of("DISTINCT ON", MYSQL, (Supplier<Statement>) () -> select(USER_ID).distinctOn(USER_NAME)),
            Arguments.of("DISTINCT ON", H2, (Supplier<Statement>) () -> select(USER_ID).distinctOn(USER_NAME)),
            Arguments.of("RETURNING on INSERT", MYSQL, (Supplier<Statement>) () -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID)),
            Arguments.of("RETURNING on INSERT", ORACLE, (Supplier<Statement>) () -> insert(ADDRESSES).fromSelect(List.of("user_id"), select(USER_ID)).returning(ADDRESS_ID)),
            Arguments.of("RETURNING on INSERT", H2, (Supplier<Statement>) () -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID)),
            Arguments.of("RETURNING on UPDATE", MARIADB, (Supplier<Statement>) () -> update(USERS).set(Map.of("name", "a")).returning(USER_ID)),
            Arguments.of("ON CONFLICT", MYSQL, (Supplier<Statement>) () -> insert(USERS).values(Map.of("id", 1)).onConflictDoNothing()),
            Arguments.of("ON CONFLICT", ORACLE, (Supplier<Statement>) () -> insert(USERS).values(Map.of("id", 1)).onConflictDoNothing()),
            Arguments.of("ON DUPLICATE KEY UPDATE", PG, (Supplier<Statement>) () -> insert(USERS).values(Map.of("id", 1)).onDuplicateKeyUpdate(Map.of("name", "x"))),
            Arguments.of("regexpMatch()", SQLITE, (Supplier<Statement>) () -> select(USER_ID).where(USER_NAME.regexpMatch("a"))),
            Arguments.of("regexpMatch()", MSSQL, (Supplier<Statement>) () -> select(USER_ID).where(USER_NAME.regexpMatch("a"))),
            Arguments.of("FOR UPDATE", MSSQL, (Supplier<Statement>) () -> select(USER_ID).forUpdate()),
            Arguments.of("FOR SHARE", ORACLE, (Supplier<Statement>) () -> select(USER_ID).forUpdate(ForUpdate.DEFAULT.read())),
            Arguments.of("FOR UPDATE OF", MARIADB, (Supplier<Statement>) () -> select(USER_ID).forUpdate(ForUpdate.DEFAULT.of(USERS))),
            Arguments.of("LATERAL", SQLITE, (Supplier<Statement>) () -> select(USER_ID).join(select(ADDRESS_ID).lateral("l"), true_())),
            Arguments.of("UPDATE ... FROM", ORACLE, (Supplier<Statement>) () -> update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(ADDRESS_USER_ID))),
            Arguments.of("DELETE ... USING", SQLITE, (Supplier<Statement>) () -> delete(USERS).where(USER_ID.eq(ADDRESS_USER_ID))),
            Arguments.of("multi-row VALUES", ORACLE, (Supplier<Statement>) () -> insert(USERS).values(List.of(Map.of("name", "a"), Map.of("name", "b")))),
            Arguments.of("data-modifying", SQLITE, (Supplier<Statement>) () -> select(delete(USERS).returning(USER_ID).cte("d").c("id"))),
            Arguments.of("Bitwise exclusive or", ORACLE, (Supplier<Statement>) () -> select(USER_ID.bitwiseXor(1))),
            Arguments.of("WITH TIES", SQLITE, (Supplier<Statement>) () -> select(USER_ID).orderBy(USER_ID).fetchWithTies(1)),
            Arguments.of("WITH TIES", MYSQL, (Supplier<Statement>) () -> select(USER_ID).orderBy(USER_ID).fetchWithTies(1)),
            Arguments.of("EXCEPT ALL", MSSQL, (Supplier<Statement>) () -> select(USER_ID).exceptAll(select(ADDRESS_ID)))
        );
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("unsupported")
    void constructTheDialectCannotRenderFails(String construct, Dialect dialect, Supplier<Statement> stmt) {
        assertThatThrownBy(() -> stmt.get().compile(dialect))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining(construct)
                .hasMessageContaining(dialect.name());
    }

    @Test
    void wrongJavaTypeForATypedColumnFailsWhenBuilding() {
        assertThatThrownBy(() -> USER_ID.untyped().eq("seven"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("user_account.id")
                .hasMessageContaining("java.lang.Integer")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> insert(USERS).values(Map.of("id", "x")))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("user_account.id");
        assertThatThrownBy(() -> USER_ID.untyped().in(1, "two")).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> update(USERS).set(Map.of("name", 5))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("user_account.name");
    }

    @Test
    void numbersOfAnotherClassAreAcceptedForNumericColumns() {
        Compiled c = select(USER_ID).where(USER_ID.untyped().eq(5L)).compile(PG);
        org.assertj.core.api.Assertions.assertThat(c.params()).containsEntry("id_1", 5L);
    }

    @Test
    void bindParameterWithoutValueFailsAtBindWithItsName() {
        Compiled c = select(USER_ID).where(USER_NAME.eq(bindparam("who"))).compile(PG);
        assertThatThrownBy(() -> c.bind(Map.of(), Map.of()))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("'who'");
        assertThatThrownBy(() -> select(USER_ID).where(USER_NAME.eq(bindparam("who"))).compile(PG, true))
                .isInstanceOf(CompileException.class).hasMessageContaining("who");
    }

    @Test
    void unknownColumnsAndMissingJoinsAreNamed() {
        assertThatThrownBy(() -> USERS.c("nope")).isInstanceOf(ArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> select(USER_ID).join(PARTS)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("foreign key").hasMessageContaining("parts");
        assertThatThrownBy(() -> insert(USERS).values(Map.of(EMAIL, "x"))).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("address.email_address");
        assertThatThrownBy(() -> func.call("drop table x; --")).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> select(USER_ID).limit(-1)).isInstanceOf(ArgumentException.class);
    }

    @Test
    void withTiesWithoutOrderByIsRejected() {
        assertThatThrownBy(() -> select(USER_ID).fetchWithTies(1).compile(PG)).isInstanceOf(CompileException.class)
                .hasMessageContaining("ORDER BY");
    }

    @Test
    void sameNamedParameterWithTwoValuesIsRejected() {
        assertThatThrownBy(() -> select(USER_ID).where(USER_NAME.eq(bindparam("n", "a")), FULLNAME.eq(bindparam("n", "b")))
                .compile(PG)).isInstanceOf(ArgumentException.class).hasMessageContaining("'n'");
    }

    @Test
    void autoCorrelationThatRemovesEveryFromFails() {
        assertThatThrownBy(() -> select(USER_ID, ADDRESS_ID).where(exists(select(USER_NAME).where(USER_ID.eq(ADDRESS_USER_ID))))
                .compile(PG)).isInstanceOf(CompileException.class).hasMessageContaining("correlate");
    }

    @Test
    void toStringNeverFailsEvenForDialectSpecificConstructs() {
        org.assertj.core.api.Assertions.assertThat(select(USER_ID).distinctOn(USER_NAME).toString())
                .isEqualTo("SELECT DISTINCT ON (user_account.name) user_account.id FROM user_account");
        org.assertj.core.api.Assertions.assertThat(GenericDialect.INSTANCE.name()).isEqualTo("default");
        org.assertj.core.api.Assertions.assertThat(select().toString()).startsWith("Select(cannot render: A SELECT needs at least one column");
    }
}
