package org.retort.sql;

import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Golden.sql;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** INSERT, UPDATE, DELETE, upserts and RETURNING per dialect. */
class DmlCompilerTest {

    static Stream<Arguments> cases() {
        return Stream.of(
            sql("insert values", PG, () -> insert(USERS).values(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants")),
                "INSERT INTO user_account (name, fullname) VALUES (?, ?)",
                Map.of("name", "spongebob", "fullname", "Spongebob Squarepants")),
            sql("insert keyed by column objects", PG, () -> insert(USERS).values(Map.of(USER_NAME, "a")),
                "INSERT INTO user_account (name) VALUES (?)", Map.of("name", "a")),
            sql("insert expression value", PG, () -> insert(USERS).values(Map.of("name", func.lower(literal("A")))),
                "INSERT INTO user_account (name) VALUES (lower(?))"),
            sql("insert without values inserts defaults", PG, () -> insert(USERS), "INSERT INTO user_account DEFAULT VALUES"),
            sql("insert defaults on MySQL", MYSQL, () -> insert(USERS), "INSERT INTO user_account () VALUES ()"),
            sql("insert defaults on Oracle", ORACLE, () -> insert(USERS), "INSERT INTO user_account (id) VALUES (DEFAULT)"),
            sql("multi-row values", PG, () -> insert(USERS).values(List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c"))),
                "INSERT INTO user_account (name) VALUES (?), (?), (?)", Map.of("name_m0", "a", "name_m1", "b", "name_m2", "c")),
            sql("insert from select", PG, () -> insert(ADDRESSES).fromSelect(List.of("user_id", "email_address"),
                    select(USER_ID, USER_NAME.concat("@example.com")).where(USER_ID.gt(1))),
                "INSERT INTO address (user_id, email_address) SELECT user_account.id, user_account.name || ? AS anon_1 "
                    + "FROM user_account WHERE user_account.id > ?"),
            sql("insert returning", PG, () -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID, USER_NAME),
                "INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id, user_account.name"),
            sql("insert returning on SQLite", SQLITE, () -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID),
                "INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id"),
            sql("insert returning on MariaDB", MARIADB, () -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID),
                "INSERT INTO user_account (name) VALUES (?) RETURNING user_account.id"),
            sql("insert OUTPUT on SQL Server", MSSQL, () -> insert(USERS).values(Map.of("name", "a")).returning(USER_ID),
                "INSERT INTO user_account (name) OUTPUT inserted.id VALUES (?)"),
            sql("upsert do nothing", PG, () -> insert(USERS).values(Map.of("id", 1, "name", "a")).onConflictDoNothing(),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING"),
            sql("upsert do nothing on target", SQLITE, () -> insert(USERS).values(Map.of("id", 1, "name", "a")).onConflictDoNothing(USER_ID),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"),
            sql("upsert do update with excluded", PG, () -> insert(USERS).values(Map.of("id", 1, "name", "a"))
                    .onConflictDoUpdate(List.of(USER_ID), Map.of("name", excluded(USER_NAME))),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name"),
            sql("upsert do update with value and where", PG, () -> insert(USERS).values(Map.of("id", 1, "name", "a"))
                    .onConflictDoUpdate(List.of(USER_ID), Map.of("name", "b"), USER_NAME.ne("keep")),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = ? WHERE user_account.name != ?",
                Map.of("id", 1, "name", "a", "name_1", "b", "name_2", "keep")),
            sql("upsert on SQLite", SQLITE, () -> insert(USERS).values(Map.of("id", 1, "name", "a"))
                    .onConflictDoUpdate(List.of(USER_ID), Map.of("name", excluded(USER_NAME).concat("!"))),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name || ?"),
            sql("upsert returning", PG, () -> insert(USERS).values(Map.of("id", 1, "name", "a"))
                    .onConflictDoUpdate(List.of(USER_ID), Map.of("name", excluded(USER_NAME))).returning(USER_ID),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING user_account.id"),
            sql("on duplicate key update", MYSQL, () -> insert(USERS).values(Map.of("id", 1, "name", "a"))
                    .onDuplicateKeyUpdate(Map.of("name", excluded(USER_NAME), "fullname", "z")),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), fullname = ?"),
            sql("on duplicate key update on MariaDB", MARIADB, () -> insert(USERS).values(Map.of("id", 1, "name", "a"))
                    .onDuplicateKeyUpdate(Map.of("name", excluded(USER_NAME))),
                "INSERT INTO user_account (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)"),
            sql("update", PG, () -> update(USERS).set(Map.of("fullname", "Patrick Star")).where(USER_NAME.eq("patrick")),
                "UPDATE user_account SET fullname=? WHERE user_account.name = ?",
                Map.of("fullname", "Patrick Star", "name_1", "patrick")),
            sql("update several columns in table order", PG, () -> update(USERS).set(Map.of("fullname", "F", "name", "n")),
                "UPDATE user_account SET name=?, fullname=?"),
            sql("update with expression", PG, () -> update(USERS).set(USER_NAME, USER_NAME.concat("!")).where(USER_ID.eq(1)),
                "UPDATE user_account SET name=(user_account.name || ?) WHERE user_account.id = ?".replace("(", "").replace(")", "")),
            sql("update with correlated subquery", PG, () -> update(USERS).set(FULLNAME,
                    select(EMAIL).where(ADDRESS_USER_ID.eq(USER_ID)).orderBy(ADDRESS_ID).limit(1).scalarSubquery()),
                "UPDATE user_account SET fullname=(SELECT address.email_address FROM address WHERE address.user_id = user_account.id "
                    + "ORDER BY address.id LIMIT ?)"),
            sql("update from", PG, () -> update(USERS).set(Map.of("fullname", "x")).where(USER_ID.eq(ADDRESS_USER_ID), EMAIL.eq("a@b")),
                "UPDATE user_account SET fullname=? FROM address WHERE user_account.id = address.user_id AND address.email_address = ?"),
            sql("update from on SQLite", SQLITE, () -> update(USERS).set(Map.of("fullname", "x")).where(USER_ID.eq(ADDRESS_USER_ID)),
                "UPDATE user_account SET fullname=? FROM address WHERE user_account.id = address.user_id"),
            sql("multi-table update on MySQL", MYSQL, () -> update(USERS).set(Map.of("fullname", "x")).where(USER_ID.eq(ADDRESS_USER_ID)),
                "UPDATE user_account, address SET user_account.fullname=? WHERE user_account.id = address.user_id"),
            sql("update from on SQL Server", MSSQL, () -> update(USERS).set(Map.of("fullname", "x")).where(USER_ID.eq(ADDRESS_USER_ID)),
                "UPDATE user_account SET fullname=? FROM user_account, address WHERE user_account.id = address.user_id"),
            sql("update returning", PG, () -> update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(1)).returning(USER_ID, USER_NAME),
                "UPDATE user_account SET name=? WHERE user_account.id = ? RETURNING user_account.id, user_account.name"),
            sql("update OUTPUT on SQL Server", MSSQL, () -> update(USERS).set(Map.of("name", "x")).where(USER_ID.eq(1)).returning(USER_NAME),
                "UPDATE user_account SET name=? OUTPUT inserted.name WHERE user_account.id = ?"),
            sql("update of schema table", PG, () -> update(ORDERS).set(Map.of("amount", AMOUNT.plus(1))).where(ORDER_ID.eq(3)),
                "UPDATE sales.orders SET amount=sales.orders.amount + ? WHERE sales.orders.id = ?"),
            sql("delete", PG, () -> delete(USERS).where(USER_NAME.eq("patrick")),
                "DELETE FROM user_account WHERE user_account.name = ?", Map.of("name_1", "patrick")),
            sql("delete all", PG, () -> delete(ADDRESSES), "DELETE FROM address"),
            sql("delete returning", PG, () -> delete(USERS).where(USER_ID.eq(1)).returning(USER_NAME),
                "DELETE FROM user_account WHERE user_account.id = ? RETURNING user_account.name"),
            sql("delete returning on MariaDB", MARIADB, () -> delete(USERS).where(USER_ID.eq(1)).returning(USER_NAME),
                "DELETE FROM user_account WHERE user_account.id = ? RETURNING user_account.name"),
            sql("delete OUTPUT on SQL Server", MSSQL, () -> delete(USERS).where(USER_ID.eq(1)).returning(USER_NAME),
                "DELETE FROM user_account OUTPUT deleted.name WHERE user_account.id = ?"),
            sql("delete using", PG, () -> delete(ADDRESSES).where(ADDRESS_USER_ID.eq(USER_ID), USER_NAME.eq("x")),
                "DELETE FROM address USING user_account WHERE address.user_id = user_account.id AND user_account.name = ?"),
            sql("multi-table delete on MySQL", MYSQL, () -> delete(ADDRESSES).where(ADDRESS_USER_ID.eq(USER_ID), USER_NAME.eq("x")),
                "DELETE FROM address USING address, user_account WHERE address.user_id = user_account.id AND user_account.name = ?"),
            sql("delete from on SQL Server", MSSQL, () -> delete(ADDRESSES).where(ADDRESS_USER_ID.eq(USER_ID)),
                "DELETE FROM address FROM address, user_account WHERE address.user_id = user_account.id"),
            sql("delete with correlated exists", SQLITE, () -> delete(USERS).where(exists(select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID))).not()),
                "DELETE FROM user_account WHERE NOT (EXISTS (SELECT address.id FROM address WHERE address.user_id = user_account.id))"),
            sql("data-modifying cte", PG, () -> {
                Cte moved = delete(ADDRESSES).where(EMAIL.like("%@old")).returning(ADDRESS_ID, EMAIL).cte("moved");
                return insert(ADDRESSES).fromSelect(List.of("id", "email_address"), select(moved.c("id"), moved.c("email_address")));
            }, "WITH moved AS (DELETE FROM address WHERE address.email_address LIKE ? RETURNING address.id, address.email_address) "
                    + "INSERT INTO address (id, email_address) SELECT moved.id, moved.email_address FROM moved")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiles(Golden golden) {
        golden.check();
    }
}
