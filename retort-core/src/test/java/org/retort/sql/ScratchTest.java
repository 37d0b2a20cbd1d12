package org.retort.sql;

import static org.retort.sql.Fixtures.*;
import static org.retort.sql.Sql.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        Statement[] s = {
            select(USER_ID, USER_NAME).where(USER_NAME.eq("x")),
            select(USER_NAME, func.count().label("n")).where(USER_NAME.like("s%").and(USER_ID.gt(5)))
                .groupBy(USER_NAME).orderBy(USER_NAME.desc()).limit(10),
            select(USERS).join(ADDRESSES).where(EMAIL.in(List.of("a", "b"))),
            select(USER_NAME).where(exists(select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID)))),
            insert(USERS).values(Map.of("name", "x")).returning(USER_ID),
            update(USERS).set(Map.of("fullname", "y")).where(USER_ID.eq(ADDRESS_USER_ID)),
            delete(USERS).where(USER_ID.eq(3)),
            select(MIXED).where(MIXED_SELECT.isDistinctFrom("q")).limit(2).offset(4),
            select(ORDER_ID, func.sum(AMOUNT).over().partitionBy(ORDER_USER).orderBy(ORDER_ID).rows(null, 0)),
            select(USER_NAME).where(USER_ID.eq(select(func.max(ADDRESS_USER_ID)).scalarSubquery())),
            select(USER_NAME).where(USER_ID.in(List.of())).orderBy(USER_NAME.asc().nullsFirst()),
            select(USER_ID).union(select(ADDRESS_ID).limit(1)).orderBy(USER_ID).limit(3),
            insert(USERS).values(Map.of("id", 1, "name", "a")).onConflictDoUpdate(List.of(USER_ID), Map.of("name", excluded(USER_NAME))),
            insert(USERS).values(Map.of("id", 1, "name", "a")).onDuplicateKeyUpdate(Map.of("name", excluded(USER_NAME))),
            select(USER_NAME.concat("x"), case_(USER_ID.gt(1), "big").otherwise("small"), USER_NAME.startsWith("a_b")),
            select(func.count().filter(USER_ID.gt(2)), USER_NAME.ilike("%A")).where(USER_NAME.regexpMatch("^a")),
            delete(ADDRESSES).where(ADDRESS_USER_ID.eq(USER_ID), USER_NAME.eq("x")).returning(ADDRESS_ID),
        };
        for (Statement st : s) {
            System.out.println(st);
            for (var d : List.of(SQLITE, PG, MYSQL, MSSQL, ORACLE)) {
                try {
                    System.out.println("  " + d.name() + ": " + st.compile(d).sql() + " " + st.compile(d).params());
                } catch (RuntimeException e) {
                    System.out.println("  " + d.name() + ": " + e);
                }
            }
        }
    }
}
