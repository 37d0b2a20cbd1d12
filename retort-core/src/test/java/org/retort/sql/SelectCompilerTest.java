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

/** SELECT: FROM inference, joins, aliases, subqueries, correlation, CTEs, set operations, paging, locking. */
class SelectCompilerTest {

    static Stream<Arguments> cases() {
        return Stream.of(
            sql("columns infer FROM", PG, () -> select(USER_ID, USER_NAME),
                "SELECT user_account.id, user_account.name FROM user_account"),
            sql("select a whole table", PG, () -> select(USERS),
                "SELECT user_account.id, user_account.name, user_account.fullname FROM user_account"),
            sql("table.select()", PG, () -> ADDRESSES.select(),
                "SELECT address.id, address.user_id, address.email_address FROM address"),
            sql("two tables give a cartesian FROM", PG, () -> select(USER_NAME, EMAIL),
                "SELECT user_account.name, address.email_address FROM user_account, address"),
            sql("where adds FROM", PG, () -> select(USER_NAME).where(USER_ID.eq(ADDRESS_USER_ID)),
                "SELECT user_account.name FROM user_account, address WHERE user_account.id = address.user_id"),
            sql("selectFrom explicit", PG, () -> select(func.count()).selectFrom(ADDRESSES),
                "SELECT count(*) AS count_1 FROM address"),
            sql("same column name twice is disambiguated", PG, () -> select(USER_ID, ADDRESS_ID),
                "SELECT user_account.id, address.id AS id_1 FROM user_account, address"),
            sql("join infers ON from the foreign key", PG, () -> select(USER_NAME, EMAIL).join(ADDRESSES),
                "SELECT user_account.name, address.email_address FROM user_account JOIN address ON user_account.id = address.user_id"),
            sql("join from the other side", PG, () -> select(EMAIL).selectFrom(ADDRESSES.join(USERS)),
                "SELECT address.email_address FROM address JOIN user_account ON user_account.id = address.user_id"),
            sql("joinFrom names the left side", PG, () -> select(EMAIL).joinFrom(ADDRESSES, USERS).where(USER_NAME.eq("x")),
                "SELECT address.email_address FROM address JOIN user_account ON user_account.id = address.user_id WHERE user_account.name = ?"),
            sql("outerjoinFrom", PG, () -> select(USER_NAME, AMOUNT).outerjoinFrom(USERS, ORDERS, ORDER_USER.eq(USER_ID)),
                "SELECT user_account.name, sales.orders.amount FROM user_account LEFT OUTER JOIN sales.orders ON sales.orders.user_id = user_account.id"),
            sql("explicit ON", PG, () -> select(USER_NAME).join(ADDRESSES, ADDRESS_USER_ID.eq(USER_ID).and(EMAIL.like("%@x"))),
                "SELECT user_account.name FROM user_account JOIN address ON address.user_id = user_account.id AND address.email_address LIKE ?"),
            sql("outer join", PG, () -> select(USER_NAME, EMAIL).outerjoin(ADDRESSES),
                "SELECT user_account.name, address.email_address FROM user_account LEFT OUTER JOIN address ON user_account.id = address.user_id"),
            sql("full outer join", PG, () -> select(USER_NAME, EMAIL).fullOuterJoin(ADDRESSES, USER_ID.eq(ADDRESS_USER_ID)),
                "SELECT user_account.name, address.email_address FROM user_account FULL OUTER JOIN address ON user_account.id = address.user_id"),
            sql("chained joins", PG, () -> select(USER_NAME, EMAIL, AMOUNT).join(ADDRESSES).join(ORDERS),
                "SELECT user_account.name, address.email_address, sales.orders.amount FROM user_account "
                    + "JOIN address ON user_account.id = address.user_id JOIN sales.orders ON user_account.id = sales.orders.user_id"),
            sql("nested right join is parenthesized", PG, () -> select(USER_NAME).selectFrom(USERS.join(ADDRESSES.join(ORDERS, ORDER_USER.eq(ADDRESS_USER_ID)), USER_ID.eq(ADDRESS_USER_ID))),
                "SELECT user_account.name FROM user_account JOIN (address JOIN sales.orders ON sales.orders.user_id = address.user_id) "
                    + "ON user_account.id = address.user_id"),
            sql("table alias", PG, () -> {
                TableAlias u = USERS.alias("u");
                return select(u.c("name")).where(u.c("id").eq(1));
            }, "SELECT u.name FROM user_account AS u WHERE u.id = ?", Map.of("id_1", 1)),
            sql("self join with two aliases", PG, () -> {
                TableAlias a1 = ADDRESSES.alias("a1");
                TableAlias a2 = ADDRESSES.alias("a2");
                return select(USER_NAME).join(a1).join(a2).where(a1.c("email_address").eq("x"), a2.c("email_address").eq("y"));
            }, "SELECT user_account.name FROM user_account JOIN address AS a1 ON user_account.id = a1.user_id "
                    + "JOIN address AS a2 ON user_account.id = a2.user_id WHERE a1.email_address = ? AND a2.email_address = ?",
                Map.of("email_address_1", "x", "email_address_2", "y")),
            sql("anonymous alias", PG, () -> {
                TableAlias u = USERS.alias();
                return select(u.c("id"));
            }, "SELECT user_account_1.id FROM user_account AS user_account_1"),
            sql("alias without AS on Oracle", ORACLE, () -> {
                TableAlias u = USERS.alias("u");
                return select(u.c("name"));
            }, "SELECT u.name FROM user_account u"),
            sql("subquery in FROM", PG, () -> {
                Subquery sq = select(ADDRESS_USER_ID, func.count().label("n")).groupBy(ADDRESS_USER_ID).subquery("counts");
                return select(USER_NAME, sq.c("n")).join(sq, USER_ID.eq(sq.c("user_id")));
            }, "SELECT user_account.name, counts.n FROM user_account JOIN (SELECT address.user_id, count(*) AS n FROM address "
                    + "GROUP BY address.user_id) AS counts ON user_account.id = counts.user_id"),
            sql("anonymous subquery", PG, () -> {
                Subquery sq = select(USER_ID).where(USER_ID.gt(5)).subquery();
                return select(sq.c("id"));
            }, "SELECT anon_1.id FROM (SELECT user_account.id FROM user_account WHERE user_account.id > ?) AS anon_1"),
            sql("subquery alias on Oracle", ORACLE, () -> {
                Subquery sq = select(USER_ID).subquery("s");
                return select(sq.c("id"));
            }, "SELECT s.id FROM (SELECT user_account.id FROM user_account) s"),
            sql("scalar subquery in columns, correlated", PG, () -> select(USER_NAME,
                    select(func.count()).selectFrom(ADDRESSES).where(ADDRESS_USER_ID.eq(USER_ID)).scalarSubquery().label("n")),
                "SELECT user_account.name, (SELECT count(*) AS count_1 FROM address WHERE address.user_id = user_account.id) AS n FROM user_account"),
            sql("scalar subquery compared", PG, () -> select(USER_NAME).where(USER_ID.eq(select(func.max(ADDRESS_USER_ID)).scalarSubquery())),
                "SELECT user_account.name FROM user_account WHERE user_account.id = (SELECT max(address.user_id) AS max_1 FROM address)"),
            sql("single-FROM subquery is not correlated", PG, () -> select(USER_NAME).where(USER_ID.eq(select(func.max(USER_ID)).scalarSubquery())),
                "SELECT user_account.name FROM user_account WHERE user_account.id = (SELECT max(user_account.id) AS max_1 FROM user_account)"),
            sql("correlateNone keeps the FROM", PG, () -> select(USER_NAME).where(exists(select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID)).correlateNone())),
                "SELECT user_account.name FROM user_account WHERE EXISTS (SELECT address.id FROM address, user_account WHERE address.user_id = user_account.id)"),
            sql("explicit correlate", PG, () -> select(USER_NAME).where(exists(select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID)).correlate(USERS))),
                "SELECT user_account.name FROM user_account WHERE EXISTS (SELECT address.id FROM address WHERE address.user_id = user_account.id)"),
            sql("nested correlated subqueries reach two levels out", PG, () -> select(USER_NAME).where(exists(
                    select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID), exists(select(ORDER_ID).where(ORDER_USER.eq(USER_ID), AMOUNT.gt(ADDRESS_ID)))))),
                "SELECT user_account.name FROM user_account WHERE EXISTS (SELECT address.id FROM address WHERE address.user_id = user_account.id "
                    + "AND EXISTS (SELECT sales.orders.id FROM sales.orders WHERE sales.orders.user_id = user_account.id AND sales.orders.amount > address.id))"),
            sql("subquery in FROM is not correlated", PG, () -> {
                Subquery sq = select(ADDRESS_USER_ID).where(ADDRESS_USER_ID.eq(USER_ID)).subquery("s");
                return select(USER_NAME, sq.c("user_id"));
            }, "SELECT user_account.name, s.user_id FROM user_account, (SELECT address.user_id FROM address, user_account WHERE address.user_id = user_account.id) AS s"),
            sql("lateral", PG, () -> {
                Subquery lat = select(AMOUNT).where(ORDER_USER.eq(USER_ID)).orderBy(AMOUNT.desc()).limit(1).lateral("top");
                return select(USER_NAME, lat.c("amount")).join(lat, true_());
            }, "SELECT user_account.name, top.amount FROM user_account JOIN LATERAL (SELECT sales.orders.amount FROM sales.orders "
                    + "WHERE sales.orders.user_id = user_account.id ORDER BY sales.orders.amount DESC LIMIT ?) AS top ON true"),
            sql("group by having", PG, () -> select(ADDRESS_USER_ID, func.count().label("n")).groupBy(ADDRESS_USER_ID).having(func.count().gt(1L)),
                "SELECT address.user_id, count(*) AS n FROM address GROUP BY address.user_id HAVING count(*) > ?"),
            sql("order by a label uses its name", PG, () -> {
                Label<Long> n = func.count().label("n");
                return select(ADDRESS_USER_ID, n).groupBy(ADDRESS_USER_ID).orderBy(n.desc());
            }, "SELECT address.user_id, count(*) AS n FROM address GROUP BY address.user_id ORDER BY n DESC"),
            sql("order by several with nulls", PG, () -> select(USER_ID).orderBy(USER_NAME.asc().nullsLast(), FULLNAME.desc().nullsFirst(), USER_ID),
                "SELECT user_account.id FROM user_account ORDER BY user_account.name NULLS LAST, user_account.fullname DESC NULLS FIRST, user_account.id"),
            sql("nulls first emulated on MySQL", MYSQL, () -> select(USER_ID).orderBy(USER_NAME.desc().nullsFirst()),
                "SELECT user_account.id FROM user_account ORDER BY CASE WHEN user_account.name IS NULL THEN 0 ELSE 1 END, user_account.name DESC"),
            sql("nulls last emulated on SQL Server", MSSQL, () -> select(USER_ID).orderBy(USER_NAME.asc().nullsLast()),
                "SELECT user_account.id FROM user_account ORDER BY CASE WHEN user_account.name IS NULL THEN 1 ELSE 0 END, user_account.name"),
            sql("distinct", PG, () -> select(USER_NAME).distinct(), "SELECT DISTINCT user_account.name FROM user_account"),
            sql("distinct on", PG, () -> select(ADDRESS_USER_ID, EMAIL).distinctOn(ADDRESS_USER_ID).orderBy(ADDRESS_USER_ID, EMAIL),
                "SELECT DISTINCT ON (address.user_id) address.user_id, address.email_address FROM address ORDER BY address.user_id, address.email_address"),
            sql("limit", PG, () -> select(USER_ID).limit(10), "SELECT user_account.id FROM user_account LIMIT ?", Map.of("param_1", 10)),
            sql("limit offset", PG, () -> select(USER_ID).limit(10).offset(20), "SELECT user_account.id FROM user_account LIMIT ? OFFSET ?",
                Map.of("param_1", 10, "param_2", 20)),
            sql("offset only", PG, () -> select(USER_ID).offset(20), "SELECT user_account.id FROM user_account OFFSET ?"),
            sql("offset only on SQLite", SQLITE, () -> select(USER_ID).offset(20), "SELECT user_account.id FROM user_account LIMIT -1 OFFSET ?"),
            sql("limit offset on SQLite", SQLITE, () -> select(USER_ID).limit(1).offset(2), "SELECT user_account.id FROM user_account LIMIT ? OFFSET ?"),
            sql("limit offset on MySQL", MYSQL, () -> select(USER_ID).limit(1).offset(2), "SELECT `user_account`.id FROM `user_account` LIMIT ? OFFSET ?".replace("`user_account`", "user_account")),
            sql("offset only on MySQL", MYSQL, () -> select(USER_ID).offset(2), "SELECT user_account.id FROM user_account LIMIT 18446744073709551615 OFFSET ?"),
            sql("limit on H2", H2, () -> select(USER_ID).limit(5), "SELECT user_account.id FROM user_account FETCH FIRST ? ROWS ONLY"),
            sql("limit offset on H2", H2, () -> select(USER_ID).limit(5).offset(1), "SELECT user_account.id FROM user_account OFFSET ? ROWS FETCH FIRST ? ROWS ONLY"),
            sql("limit offset on Oracle", ORACLE, () -> select(USER_ID).orderBy(USER_ID).limit(5).offset(10),
                "SELECT user_account.id FROM user_account ORDER BY user_account.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                Map.of("param_1", 5, "param_2", 10)),
            sql("limit on SQL Server is TOP", MSSQL, () -> select(USER_ID).orderBy(USER_ID).limit(5),
                "SELECT TOP (?) user_account.id FROM user_account ORDER BY user_account.id"),
            sql("offset on SQL Server", MSSQL, () -> select(USER_ID).orderBy(USER_ID).limit(5).offset(10),
                "SELECT user_account.id FROM user_account ORDER BY user_account.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"),
            sql("offset without ORDER BY on SQL Server", MSSQL, () -> select(USER_ID).offset(10),
                "SELECT user_account.id FROM user_account ORDER BY (SELECT NULL) OFFSET ? ROWS"),
            sql("fetch with ties", PG, () -> select(USER_ID).orderBy(USER_NAME).fetchWithTies(3),
                "SELECT user_account.id FROM user_account ORDER BY user_account.name FETCH FIRST ? ROWS WITH TIES"),
            sql("fetch with ties and offset on Oracle", ORACLE, () -> select(USER_ID).orderBy(USER_NAME).fetchWithTies(3).offset(1),
                "SELECT user_account.id FROM user_account ORDER BY user_account.name OFFSET ? ROWS FETCH FIRST ? ROWS WITH TIES"),
            sql("top with ties on SQL Server", MSSQL, () -> select(USER_ID).orderBy(USER_NAME).fetchWithTies(3),
                "SELECT TOP (?) WITH TIES user_account.id FROM user_account ORDER BY user_account.name"),
            sql("for update", PG, () -> select(USER_ID).where(USER_ID.eq(1)).forUpdate(),
                "SELECT user_account.id FROM user_account WHERE user_account.id = ? FOR UPDATE"),
            sql("for update nowait", PG, () -> select(USER_ID).forUpdate(ForUpdate.DEFAULT.nowait()),
                "SELECT user_account.id FROM user_account FOR UPDATE NOWAIT"),
            sql("for update skip locked of", PG, () -> select(USER_ID, EMAIL).join(ADDRESSES).forUpdate(ForUpdate.DEFAULT.of(USERS).skipLocked()),
                "SELECT user_account.id, address.email_address FROM user_account JOIN address ON user_account.id = address.user_id "
                    + "FOR UPDATE OF user_account SKIP LOCKED"),
            sql("for share", PG, () -> select(USER_ID).forUpdate(ForUpdate.DEFAULT.read()), "SELECT user_account.id FROM user_account FOR SHARE"),
            sql("for share on MySQL", MYSQL, () -> select(USER_ID).forUpdate(ForUpdate.DEFAULT.read()),
                "SELECT user_account.id FROM user_account LOCK IN SHARE MODE"),
            sql("for update ignored on SQLite", SQLITE, () -> select(USER_ID).forUpdate(), "SELECT user_account.id FROM user_account"),
            sql("for update on Oracle", ORACLE, () -> select(USER_ID).forUpdate(ForUpdate.DEFAULT.of(USER_ID).nowait()),
                "SELECT user_account.id FROM user_account FOR UPDATE OF user_account.id NOWAIT"),
            sql("union", PG, () -> select(USER_NAME).union(select(EMAIL)),
                "SELECT user_account.name FROM user_account UNION SELECT address.email_address FROM address"),
            sql("union all ordered and limited", PG, () -> unionAll(select(USER_NAME), select(EMAIL)).orderBy(USER_NAME).limit(5),
                "SELECT user_account.name FROM user_account UNION ALL SELECT address.email_address FROM address ORDER BY name LIMIT ?"),
            sql("intersect and except", PG, () -> select(USER_ID).intersect(select(ADDRESS_USER_ID)).except(select(ORDER_USER)),
                "(SELECT user_account.id FROM user_account INTERSECT SELECT address.user_id FROM address) EXCEPT SELECT sales.orders.user_id FROM sales.orders"),
            sql("except all", PG, () -> select(USER_ID).exceptAll(select(ADDRESS_USER_ID)),
                "SELECT user_account.id FROM user_account EXCEPT ALL SELECT address.user_id FROM address"),
            sql("member with its own limit is parenthesized", PG, () -> select(USER_ID).orderBy(USER_ID).limit(1).union(select(ADDRESS_USER_ID)),
                "(SELECT user_account.id FROM user_account ORDER BY user_account.id LIMIT ?) UNION SELECT address.user_id FROM address"),
            sql("member with limit on SQLite is a subquery", SQLITE, () -> select(USER_ID).limit(1).union(select(ADDRESS_USER_ID)),
                "SELECT * FROM (SELECT user_account.id FROM user_account LIMIT ?) UNION SELECT address.user_id FROM address"),
            sql("except is MINUS on Oracle", ORACLE, () -> select(USER_ID).except(select(ADDRESS_USER_ID)),
                "SELECT user_account.id FROM user_account MINUS SELECT address.user_id FROM address"),
            sql("cte", PG, () -> {
                Cte big = select(ADDRESS_USER_ID).where(ADDRESS_ID.gt(10)).cte("big");
                return select(USER_NAME).join(big, USER_ID.eq(big.c("user_id")));
            }, "WITH big AS (SELECT address.user_id FROM address WHERE address.id > ?) SELECT user_account.name FROM user_account "
                    + "JOIN big ON user_account.id = big.user_id"),
            sql("two ctes, one using the other", PG, () -> {
                Cte a = select(USER_ID).where(USER_ID.gt(1)).cte("a");
                Cte b = select(a.c("id")).where(a.c("id").lt(9)).cte("b");
                return select(b.c("id"));
            }, "WITH a AS (SELECT user_account.id FROM user_account WHERE user_account.id > ?), b AS (SELECT a.id FROM a WHERE a.id < ?) "
                    + "SELECT b.id FROM b", Map.of("id_1", 1, "id_2", 9)),
            sql("recursive cte", PG, () -> {
                Cte included = select(SUB_PART, PART, QUANTITY).where(PART.eq("our part")).cte("included_parts", true);
                Cte full = included.unionAll(select(PARTS.c("sub_part"), PARTS.c("part"), PARTS.c("quantity"))
                        .where(PART.eq(included.c("sub_part"))));
                return select(full.c("sub_part"), func.sum(full.c("quantity")).label("total_quantity")).groupBy(full.c("sub_part"));
            }, "WITH RECURSIVE included_parts(sub_part, part, quantity) AS (SELECT parts.sub_part, parts.part, parts.quantity FROM parts "
                    + "WHERE parts.part = ? UNION ALL SELECT parts.sub_part, parts.part, parts.quantity FROM parts, included_parts "
                    + "WHERE parts.part = included_parts.sub_part) SELECT included_parts.sub_part, sum(included_parts.quantity) AS "
                    + "total_quantity FROM included_parts GROUP BY included_parts.sub_part"),
            sql("recursive cte on SQL Server has no RECURSIVE", MSSQL, () -> {
                Cte n = select(literal(1).label("n")).cte("nums", true);
                Cte all = n.unionAll(select(n.c("n").plus(1)).where(n.c("n").lt(5)));
                return select(all.c("n"));
            }, "WITH nums(n) AS (SELECT ? AS n UNION ALL SELECT nums.n + ? AS anon_1 FROM nums WHERE nums.n < ?) SELECT nums.n FROM nums"),
            sql("values in FROM", PG, () -> {
                Values v = values("v", "id", "label").data(List.of(List.of(1, "a"), List.of(2, "b")));
                return select(v.c("id"), v.c("label"));
            }, "SELECT v.id, v.label FROM (VALUES (?, ?), (?, ?)) AS v (id, label)",
                Map.of("id_1", 1, "label_1", "a", "id_2", 2, "label_2", "b")),
            sql("values as UNION ALL on SQLite", SQLITE, () -> {
                Values v = values("v", "id").data(List.of(List.of(1), List.of(2)));
                return select(v.c("id"));
            }, "SELECT v.id FROM (SELECT ? AS id UNION ALL SELECT ?) AS v"),
            sql("no FROM", PG, () -> select(literal(1).label("x")), "SELECT ? AS x"),
            sql("no FROM on Oracle uses DUAL", ORACLE, () -> select(literal(1).label("x")), "SELECT ? AS x FROM DUAL"),
            sql("no FROM with WHERE on MySQL uses DUAL", MYSQL, () -> select(literal(1).label("x")).where(literal(1).eq(1)),
                "SELECT ? AS x FROM DUAL WHERE ? = ?"),
            sql("mixed-case and reserved names are quoted", PG, () -> select(MIXED_ID, MIXED_SELECT).where(MIXED_SELECT.eq("x")),
                "SELECT \"MixedCase\".\"Id\", \"MixedCase\".\"select\" FROM \"MixedCase\" WHERE \"MixedCase\".\"select\" = ?"),
            sql("quoting on MySQL", MYSQL, () -> select(MIXED_ID, MIXED_SELECT), "SELECT `MixedCase`.`Id`, `MixedCase`.`select` FROM `MixedCase`"),
            sql("quoting on SQL Server", MSSQL, () -> select(MIXED_ID, MIXED_SELECT), "SELECT [MixedCase].[Id], [MixedCase].[select] FROM [MixedCase]"),
            sql("schema-qualified table", PG, () -> select(AMOUNT).where(ORDER_ID.eq(1)),
                "SELECT sales.orders.amount FROM sales.orders WHERE sales.orders.id = ?"),
            sql("empty IN is one expanding parameter", PG, () -> select(USER_ID).where(USER_ID.in(List.of())),
                "SELECT user_account.id FROM user_account WHERE user_account.id IN (?)", Map.of("id_1", List.of()))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiles(Golden golden) {
        golden.check();
    }
}
