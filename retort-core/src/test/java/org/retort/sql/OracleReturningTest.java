package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.retort.dialect.oracle.OracleDialect;
import org.retort.exc.CompileException;
import org.retort.exc.InvalidRequestException;

/**
 * Oracle's DML returning, {@code RETURNING col, ... INTO ?, ...}: golden SQL, the OUT parameters the compiled form
 * marks, and the callable statement the engine runs it as (Oracle is compile-only here).
 */
class OracleReturningTest {

    @Test
    void insertReturnsIntoOneOutParameterPerExpression() {
        Insert stmt = insert(USERS).values(Map.of("name", "spongebob")).returning(USER_ID, USER_NAME);
        Compiled c = stmt.compile(ORACLE);
        assertThat(c.sql()).isEqualTo("INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id, "
                + "user_account.name INTO ?, ?");
        assertThat(c.bindSlots()).extracting(BindSlot::name).containsExactly("name", "ret_0", "ret_1");
        assertThat(c.bindSlots()).extracting(BindSlot::out).containsExactly(false, true, true);
        assertThat(c.bindSlots().get(1).type()).isEqualTo(USER_ID.type());
        assertThat(c.bindSlots().get(2).type()).isEqualTo(USER_NAME.type());
        assertThat(c.outParameters()).containsExactly(1, 2);
        assertThat(c.hasOutParameters()).isTrue();
        assertThat(c.isReturning()).isTrue();
        assertThat(c.resultColumns()).extracting(ResultColumn::name).containsExactly("id", "name");
        assertThat(stmt.toString()).as("generic SQL is unchanged")
                .isEqualTo("INSERT INTO user_account (name) VALUES (:name) RETURNING user_account.id, user_account.name");
    }

    @Test
    void updateAndDeleteReturnInto() {
        Compiled u = update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(7)).returning(USER_NAME, FULLNAME).compile(ORACLE);
        assertThat(u.sql()).isEqualTo("UPDATE user_account SET name=? WHERE user_account.id = ? RETURNING "
                + "user_account.name, user_account.fullname INTO ?, ?");
        assertThat(u.outParameters()).containsExactly(2, 3);
        Compiled d = delete(USERS).where(USER_NAME.eq("x")).returning(USER_ID).compile(ORACLE);
        assertThat(d.sql()).isEqualTo("DELETE FROM user_account WHERE user_account.name = ? RETURNING user_account.id INTO ?");
        assertThat(d.outParameters()).containsExactly(1);
        Compiled expr = update(USERS).set(Map.of("name", "x")).returning(USER_ID.plus(1).label("next_id")).compile(ORACLE);
        assertThat(expr.sql()).as("no label inside RETURNING ... INTO; the result column keeps it")
                .isEqualTo("UPDATE user_account SET name=? RETURNING user_account.id + ? INTO ?");
        assertThat(expr.resultColumns()).extracting(ResultColumn::name).containsExactly("next_id");
        assertThat(insert(USERS).values(Map.of("name", "a")).compile(ORACLE).hasOutParameters()).isFalse();
    }

    @Test
    void bindingLeavesOutParametersToTheDatabase() {
        Insert stmt = insert(USERS).values(Map.of("name", "sandy")).returning(USER_ID);
        BoundStatement bound = stmt.compile(ORACLE).bind(stmt.boundValues(), Map.of());
        assertThat(bound.names()).containsExactly("name", "ret_0");
        assertThat(bound.values()).containsExactly("sandy", null);
        assertThat(bound.sql()).isEqualTo("INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id INTO ?");
        Insert many = insert(USERS).returning(USER_ID);
        assertThat(many.manyValuesBase(List.of(Map.of("name", "a"), Map.of("name", "b")), ORACLE))
                .as("no insertmanyvalues: an executemany runs one callable statement per parameter set").isNull();
    }

    @Test
    void theCallableFormAddsTheRowCount() {
        String sql = insert(USERS).values(Map.of("name", "a")).returning(USER_ID).compile(ORACLE).sql();
        assertThat(new OracleDialect().returningIntoCall(sql)).isEqualTo("BEGIN INSERT INTO user_account (name) VALUES (?) "
                + "RETURNING user_account.id INTO ?; ? := SQL%ROWCOUNT; END;");
        assertThatThrownBy(() -> PG.returningIntoCall(sql)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Oracle");
    }

    @Test
    void whatOracleCannotReturnIsRefused() {
        assertThatThrownBy(() -> insert(ADDRESSES).fromSelect(List.of("user_id"), select(USER_ID)).returning(ADDRESS_ID)
                .compile(ORACLE)).isInstanceOf(CompileException.class).hasMessageContaining("RETURNING on INSERT");
        assertThatThrownBy(() -> insert(USERS).values(List.of(Map.of("name", "a"), Map.of("name", "b")))
                .returning(USER_ID).compile(ORACLE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("multi-row VALUES");
        assertThatThrownBy(() -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID).compile(ORACLE, true))
                .isInstanceOf(CompileException.class).hasMessageContaining("OUT parameters");
        assertThatThrownBy(() -> insert(USERS).values(Map.of("id", 1, "name", "a")).upsert(List.of(USER_ID),
                Map.of("name", "a")).returning(USER_ID).compile(ORACLE)).isInstanceOf(CompileException.class)
                .hasMessageContaining("MERGE");
    }
}
