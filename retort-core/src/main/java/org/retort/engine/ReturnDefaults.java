package org.retort.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.exc.InvalidRequestException;
import org.retort.sql.BindParameter;
import org.retort.sql.ColumnClause;
import org.retort.sql.ColumnDefault;
import org.retort.sql.DeferredValue;
import org.retort.sql.Expression;
import org.retort.sql.Insert;
import org.retort.sql.Sql;
import org.retort.sql.TableClause;
import org.retort.sql.Update;

/**
 * {@code returnDefaults()} on INSERT and UPDATE (SQLAlchemy's {@code return_defaults()}): the statement runs with
 * RETURNING of the generated columns where the database has it (an executemany INSERT through insertmanyvalues, in
 * parameter order); elsewhere it runs as is, and the columns are read back by primary key: for an INSERT the key
 * the statement gave or the driver generated, for an UPDATE the keys of the rows its WHERE clause matched, selected
 * (FOR UPDATE) before it. The result carries the values beside its row count, not as rows.
 */
final class ReturnDefaults {
    private ReturnDefaults() {
    }

    static Result insert(Connection conn, Insert stmt, List<? extends Map<String, ?>> sets) {
        TableClause table = stmt.table();
        List<ColumnClause<?>> pk = primaryKey(table);
        Set<Expression<?>> wanted = new LinkedHashSet<>();
        for (ColumnClause<?> c : table.columns()) {
            if (c.isPrimaryKey() || c.isAutoincrement() || c.hasServerDefault() || serverSide(c.insertDefault())) {
                wanted.add(c);
            }
        }
        wanted.addAll(stmt.returnDefaultsColumns());
        List<Expression<?>> cols = List.copyOf(wanted);
        if (conn.dialect().supportsReturning() && !cols.isEmpty()) {
            Insert returning = stmt.returningInsteadOfDefaults(cols, true);
            Result r = sets.size() == 1 ? conn.execute(returning, sets.get(0)) : conn.execute(returning, sets);
            List<Row> rows = r.all();
            List<Object> keys = new ArrayList<>(rows.size());
            for (Row row : rows) {
                keys.add(keyOf(pk, row));
            }
            return Result.ofReturnedDefaults(conn, rows.size(), keys, rows);
        }
        Insert plain = stmt.withoutReturnDefaults();
        List<Object> keys = new ArrayList<>(sets.size());
        List<Row> rows = new ArrayList<>(sets.size());
        long count = 0;
        for (Map<String, ?> set : sets) {
            Result r = conn.execute(plain, set);
            count += Math.max(0, r.rowcount());
            Object key = givenKey(pk, plain, set);
            if (key == null && pk.size() == 1) {
                key = r.insertedPrimaryKey();
            }
            keys.add(key);
            rows.add(key == null || cols.isEmpty() ? null : conn.execute(Sql.select(cols.toArray())
                    .where(byKey(pk, key))).first());
        }
        return Result.ofReturnedDefaults(conn, count, keys, rows);
    }

    static Result update(Connection conn, Update stmt, List<? extends Map<String, ?>> sets) {
        TableClause table = stmt.table();
        Set<Expression<?>> wanted = new LinkedHashSet<>();
        for (ColumnClause<?> c : table.columns()) {
            if (c.hasServerOnUpdate() || serverSide(c.updateDefault())) {
                wanted.add(c);
            }
        }
        wanted.addAll(stmt.returnDefaultsColumns());
        List<Expression<?>> cols = List.copyOf(wanted);
        List<Row> rows = new ArrayList<>();
        long count = 0;
        if (cols.isEmpty() || conn.dialect().supportsUpdateReturning()) {
            Update run = cols.isEmpty() ? stmt.withoutReturnDefaults() : stmt.returningInsteadOfDefaults(cols);
            for (Map<String, ?> set : sets) {
                Result r = conn.execute(run, set);
                if (cols.isEmpty()) {
                    count += Math.max(0, r.rowcount());
                } else {
                    List<Row> got = r.all();
                    rows.addAll(got);
                    count += got.size();
                }
            }
            return Result.ofReturnedDefaults(conn, count, List.of(), rows);
        }
        List<ColumnClause<?>> pk = primaryKey(table);
        if (pk.isEmpty()) {
            throw new InvalidRequestException("update(" + table.fullName() + ").returnDefaults() on "
                    + conn.dialect().name() + " reads the updated rows back by primary key, and the table has none; "
                    + "name the columns in a SELECT after the UPDATE instead");
        }
        Update plain = stmt.withoutReturnDefaults();
        for (Map<String, ?> set : sets) {
            List<Row> matched = conn.execute(Sql.select(pk.toArray()).where(stmt.whereClause()
                    .toArray(Expression<?>[]::new)).forUpdate(), set).all();
            Result r = conn.execute(plain, set);
            count += Math.max(0, r.rowcount());
            for (Row key : matched) {
                Object k = pk.size() == 1 ? key.get(0) : List.copyOf(key);
                rows.add(conn.execute(Sql.select(cols.toArray()).where(byKey(pk, k))).first());
            }
        }
        return Result.ofReturnedDefaults(conn, count, List.of(), rows);
    }

    private static List<ColumnClause<?>> primaryKey(TableClause table) {
        List<ColumnClause<?>> pk = new ArrayList<>();
        for (ColumnClause<?> c : table.columns()) {
            if (c.isPrimaryKey()) {
                pk.add(c);
            }
        }
        return pk;
    }

    /** A default the database evaluates: SQL, a sequence, or a fixed value that is a SQL expression. */
    private static boolean serverSide(ColumnDefault d) {
        return d instanceof ColumnDefault.SqlExpression || d instanceof ColumnDefault.NextValue
                || d instanceof ColumnDefault.Scalar s && s.value() instanceof Expression<?>;
    }

    /** The key of a returned row: the value of a single key column, the list of values of a composite one. */
    private static Object keyOf(List<ColumnClause<?>> pk, Row row) {
        if (pk.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>(pk.size());
        for (ColumnClause<?> c : pk) {
            values.add(row.get(c.name()));
        }
        return pk.size() == 1 ? values.get(0) : values;
    }

    /** The key the INSERT itself gives, from the parameters or a fixed value; null when the database makes it. */
    private static Object givenKey(List<ColumnClause<?>> pk, Insert insert, Map<String, ?> set) {
        if (pk.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>(pk.size());
        for (ColumnClause<?> c : pk) {
            Object v = set.get(c.name());
            if (v == null && !insert.rows().isEmpty() && insert.rows().get(0).get(c.name()) instanceof BindParameter<?> b
                    && b.hasValue() && !(b.value() instanceof DeferredValue)) {
                v = b.value();
            }
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return pk.size() == 1 ? values.get(0) : values;
    }

    private static Expression<Boolean> byKey(List<ColumnClause<?>> pk, Object key) {
        if (pk.size() == 1) {
            return pk.get(0).untyped().eq(key);
        }
        List<?> values = (List<?>) key;
        Expression<?>[] parts = new Expression<?>[pk.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = pk.get(i).untyped().eq(values.get(i));
        }
        return Sql.and_(parts);
    }
}
