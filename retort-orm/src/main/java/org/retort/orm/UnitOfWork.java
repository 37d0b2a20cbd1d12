package org.retort.orm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.engine.Connection;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.exc.InvalidRequestException;
import org.retort.schema.Column;
import org.retort.schema.Table;
import org.retort.sql.Delete;
import org.retort.sql.Expression;
import org.retort.sql.Insert;
import org.retort.sql.Sql;
import org.retort.sql.Update;

/**
 * One flush: finds new, changed and deleted objects, orders their statements by the foreign keys between tables
 * (parents inserted first, children deleted first; add order within a table), batches rows with the same column
 * set, writes generated keys and server defaults back, and on failure rolls the database and the objects back
 * to where the flush began.
 */
final class UnitOfWork {
    private static final String PK_PREFIX = "pk__";

    private final Session session;
    private final Map<InstanceState, Undo> undo = new IdentityHashMap<>();

    /** Everything about an object the flush may change, to put back if it fails. */
    private record Undo(IdentityKey key, Object[] committed, Object[] fields, boolean markedDeleted, boolean pending) {
    }

    UnitOfWork(Session session) {
        this.session = session;
    }

    private boolean hasWork() {
        if (!session.pending.isEmpty() || !session.toDelete.isEmpty()) {
            return true;
        }
        for (InstanceState st : session.identityMap.values()) {
            if (!st.deletedFlushed && isDirty(st)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDirty(InstanceState st) {
        Object o = st.object();
        for (ColumnProperty p : st.mapper().properties()) {
            if (!JavaTypes.same(p.get(o), st.committed[p.index()])) {
                return true;
            }
        }
        return false;
    }

    void flush() {
        if (!hasWork()) {
            return;
        }
        session.fire(SessionEvents::beforeFlush);
        List<InstanceState> inserts = new ArrayList<>(session.pending);
        List<InstanceState> deletes = new ArrayList<>(session.toDelete);
        List<InstanceState> updates = new ArrayList<>();
        for (InstanceState st : session.identityMap.values()) {
            if (!st.deletedFlushed && !st.markedDeleted && isDirty(st)) {
                updates.add(st);
            }
        }
        if (inserts.isEmpty() && deletes.isEmpty() && updates.isEmpty()) {
            return;
        }
        updates.sort(UnitOfWork::byPrimaryKey); // a stable order of UPDATEs (and of their row locks)
        Map<InstanceState, InstanceState> switched = rowSwitches(inserts, deletes);
        inserts.removeAll(switched.keySet());
        deletes.removeAll(switched.values());
        checkConflicts(inserts);
        Connection conn = session.connection();
        List<InstanceState> replaced = new ArrayList<>(switched.values());
        for (List<InstanceState> group : List.of(inserts, updates, deletes, List.copyOf(switched.keySet()), replaced)) {
            for (InstanceState st : group) {
                undo.put(st, new Undo(st.key, st.committed, st.currentValues(), st.markedDeleted, st.key == null));
                for (SessionTransaction tx : session.transactions()) {
                    if (!tx.before.containsKey(st)) {
                        tx.before.put(st, st.committed);
                    }
                }
            }
        }
        for (Map.Entry<InstanceState, InstanceState> e : switched.entrySet()) {
            // a new object taking the key of one deleted in this flush: UPDATE the row instead (SQLAlchemy's row switch)
            Object o = e.getKey().object();
            for (ColumnProperty p : e.getKey().mapper().properties()) {
                if (p.get(o) == null && p.column().insertDefault() != null) {
                    p.set(o, evaluate(p.column().insertDefault()));
                }
            }
            e.getKey().committed = e.getValue().committed;
            e.getKey().key = e.getValue().key;
            updates.add(e.getKey());
        }
        try {
            List<Mapper<?>> order = sortMappers(inserts, updates, deletes);
            for (Mapper<?> m : order) {
                insertRows(conn, m, only(inserts, m));
                updateRows(conn, m, only(updates, m));
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                deleteRows(conn, order.get(i), only(deletes, order.get(i)));
            }
        } catch (RuntimeException e) {
            fail(e);
            throw e;
        }
        for (InstanceState st : inserts) {
            st.committed = st.currentValues();
            st.key = st.mapper().identityOfValues(st.committed);
            session.pending.remove(st);
            session.identityMap.put(st.key, st);
        }
        for (InstanceState st : updates) {
            IdentityKey old = st.key;
            st.committed = st.currentValues();
            st.key = st.mapper().identityOfValues(st.committed);
            if (!old.equals(st.key) || switched.containsKey(st)) {
                if (session.identityMap.get(old) == st || switched.containsKey(st)) {
                    session.identityMap.remove(old);
                }
                session.identityMap.put(st.key, st);
            }
            session.pending.remove(st);
        }
        for (InstanceState st : replaced) {
            st.markedDeleted = false;
            st.deletedFlushed = true;
            session.toDelete.remove(st);
        }
        for (InstanceState st : deletes) {
            st.markedDeleted = false;
            st.deletedFlushed = true;
            session.toDelete.remove(st);
            session.identityMap.remove(st.key);
        }
        session.fire(SessionEvents::afterFlush);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int byPrimaryKey(InstanceState a, InstanceState b) {
        List<Object> x = a.key.values();
        List<Object> y = b.key.values();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c;
            if (p instanceof Comparable cp && q != null && p.getClass() == q.getClass()) {
                c = cp.compareTo(q);
            } else {
                c = String.valueOf(p).compareTo(String.valueOf(q));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Pending objects whose key is that of an object marked for delete: new object to replaced object. */
    private Map<InstanceState, InstanceState> rowSwitches(List<InstanceState> inserts, List<InstanceState> deletes) {
        Map<InstanceState, InstanceState> out = new LinkedHashMap<>();
        if (deletes.isEmpty()) {
            return out;
        }
        for (InstanceState st : inserts) {
            IdentityKey key = st.mapper().identityOf(st.object());
            InstanceState other = key.isPartial() ? null : session.identityMap.get(key);
            if (other != null && other != st && other.markedDeleted && deletes.contains(other)) {
                out.put(st, other);
            }
        }
        return out;
    }

    private void checkConflicts(List<InstanceState> inserts) {
        for (InstanceState st : inserts) {
            IdentityKey key = st.mapper().identityOf(st.object());
            if (!key.isPartial()) {
                InstanceState other = session.identityMap.get(key);
                if (other != null && other != st) {
                    throw new InvalidRequestException("New instance " + Session.describe(st.object()) + " with identity "
                            + key + " conflicts with persistent instance " + Session.describe(other.object())
                            + "; use merge() to copy its values onto the persistent one");
                }
            }
        }
    }

    private void fail(RuntimeException e) {
        SessionTransaction top = session.innermost();
        try {
            if (top != null && top.savepoint() != null) {
                top.savepoint().rollback();
            } else {
                session.connection().rollback();
            }
        } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        for (Map.Entry<InstanceState, Undo> en : undo.entrySet()) {
            InstanceState st = en.getKey();
            Undo u = en.getValue();
            st.writeValues(u.fields());
            st.key = u.key();
            st.committed = u.committed();
            st.markedDeleted = u.markedDeleted();
            st.deletedFlushed = false;
        }
        session.flushFailed(e);
    }

    private static List<InstanceState> only(List<InstanceState> states, Mapper<?> m) {
        List<InstanceState> out = new ArrayList<>();
        for (InstanceState st : states) {
            if (st.mapper() == m) {
                out.add(st);
            }
        }
        return out;
    }

    /** Mappers ordered so that a table comes after the tables its foreign keys refer to (stable, Kahn). */
    @SafeVarargs
    static List<Mapper<?>> sortMappers(List<InstanceState>... groups) {
        Set<Mapper<?>> all = new LinkedHashSet<>();
        for (List<InstanceState> g : groups) {
            for (InstanceState st : g) {
                all.add(st.mapper());
            }
        }
        List<Mapper<?>> remaining = new ArrayList<>(all);
        List<Mapper<?>> out = new ArrayList<>();
        Set<Table> done = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            Mapper<?> next = null;
            for (Mapper<?> m : remaining) {
                boolean ready = true;
                for (Table ref : m.table().referredTables()) {
                    if (!done.contains(ref) && remaining.stream().anyMatch(r -> r.table() == ref && r != m)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    next = m;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0); // a cycle between tables: keep add order
            }
            remaining.remove(next);
            done.add(next.table());
            out.add(next);
        }
        return out;
    }

    // ------------------------------------------------------------------ INSERT

    private record InsertRow(InstanceState state, Map<String, Object> params, List<ColumnProperty> fetch) {
    }

    private void insertRows(Connection conn, Mapper<?> m, List<InstanceState> states) {
        if (states.isEmpty()) {
            return;
        }
        boolean returning = conn.dialect().supportsReturning();
        List<InsertRow> rows = new ArrayList<>(states.size());
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.BEFORE_INSERT, cast(m), conn, st.object());
            rows.add(prepareInsert(m, st));
        }
        int i = 0;
        while (i < rows.size()) {
            int j = i + 1;
            while (j < rows.size() && rows.get(j).params().keySet().equals(rows.get(i).params().keySet())
                    && rows.get(j).fetch().equals(rows.get(i).fetch())) {
                j++;
            }
            executeInserts(conn, m, rows.subList(i, j), returning);
            i = j;
        }
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.AFTER_INSERT, cast(m), conn, st.object());
        }
    }

    private InsertRow prepareInsert(Mapper<?> m, InstanceState st) {
        Object o = st.object();
        Map<String, Object> params = new LinkedHashMap<>();
        List<ColumnProperty> fetch = new ArrayList<>();
        for (ColumnProperty p : m.properties()) {
            Column<?> c = p.column();
            Object v = p.get(o);
            if (v == null && c.insertDefault() != null) {
                v = evaluate(c.insertDefault());
                p.set(o, v);
                v = p.get(o);
            }
            if (v == null && !p.fieldType().isPrimitive() && (c.isAutoincrement() || c.serverDefault() != null
                    || c.computed() != null || c.identity() != null)) {
                fetch.add(p);
                continue;
            }
            if (p.fieldType().isPrimitive() && c.isAutoincrement() && isZero(v)) {
                fetch.add(p);
                continue;
            }
            params.put(c.name(), dbValue(p, v));
        }
        return new InsertRow(st, params, List.copyOf(fetch));
    }

    private static boolean isZero(Object v) {
        return v instanceof Number n && n.longValue() == 0;
    }

    private void executeInserts(Connection conn, Mapper<?> m, List<InsertRow> rows, boolean returning) {
        Table table = m.table();
        List<ColumnProperty> fetch = rows.get(0).fetch();
        boolean emptyRow = rows.get(0).params().isEmpty();
        if (fetch.isEmpty() && !emptyRow) {
            conn.execute(Sql.insert(table), params(rows));
            return;
        }
        if (returning && !fetch.isEmpty()) {
            Insert stmt = Sql.insert(table).returning(fetch.stream().<Expression<?>>map(ColumnProperty::column)
                    .toArray(Expression<?>[]::new));
            List<Row> back;
            if (emptyRow) {
                back = new ArrayList<>();
                for (int k = 0; k < rows.size(); k++) {
                    back.addAll(conn.execute(stmt).all());
                }
            } else {
                back = conn.execute(stmt, params(rows)).all();
            }
            if (back.size() != rows.size()) {
                throw new InvalidRequestException("INSERT into " + table.fullName() + " returned " + back.size()
                        + " rows for " + rows.size() + " objects");
            }
            for (int k = 0; k < rows.size(); k++) {
                Object o = rows.get(k).state().object();
                for (int c = 0; c < fetch.size(); c++) {
                    fetch.get(c).set(o, back.get(k).get(c));
                }
            }
            return;
        }
        // no RETURNING: one statement per row, the key from the driver, server defaults selected back
        for (InsertRow row : rows) {
            Result r = conn.execute(Sql.insert(table), row.params());
            Object o = row.state().object();
            List<ColumnProperty> rest = new ArrayList<>();
            for (ColumnProperty p : row.fetch()) {
                if (p.column().isAutoincrement() && m.primaryKey().contains(p)) {
                    Object key = r.insertedPrimaryKey();
                    if (key == null) {
                        throw new InvalidRequestException("The database did not report the generated key of "
                                + p + " for the new " + m.entityClass().getSimpleName());
                    }
                    p.set(o, key);
                } else {
                    rest.add(p);
                }
            }
            if (!rest.isEmpty()) {
                IdentityKey key = m.identityOf(o);
                Row values = conn.execute(Sql.select(rest.stream().map(ColumnProperty::column).toArray())
                        .where(m.primaryKeyCriteria(key.values()))).one();
                for (int c = 0; c < rest.size(); c++) {
                    rest.get(c).set(o, values.get(c));
                }
            }
        }
    }

    private static List<Map<String, Object>> params(List<InsertRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (InsertRow r : rows) {
            out.add(r.params());
        }
        return out;
    }

    /** A field value as the column's type binds it (numbers converted to the column's number class). */
    static Object dbValue(ColumnProperty p, Object v) {
        if (v == null) {
            return null;
        }
        Class<?> jt = p.column().type().javaType();
        if (jt != Object.class && !jt.isInstance(v) && v instanceof Number) {
            return JavaTypes.convert(v, jt, p);
        }
        return v;
    }

    // ------------------------------------------------------------------ UPDATE

    private void updateRows(Connection conn, Mapper<?> m, List<InstanceState> states) {
        if (states.isEmpty()) {
            return;
        }
        Map<List<String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        List<InstanceState> written = new ArrayList<>();
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.BEFORE_UPDATE, cast(m), conn, st.object());
            Object o = st.object();
            Map<String, Object> params = new LinkedHashMap<>();
            for (ColumnProperty p : m.properties()) {
                Object v = p.get(o);
                if (!JavaTypes.same(v, st.committed[p.index()])) {
                    params.put(p.column().name(), dbValue(p, v));
                }
            }
            if (params.isEmpty()) {
                continue;
            }
            for (ColumnProperty p : m.properties()) {
                if (p.column().updateDefault() != null && !params.containsKey(p.column().name())) {
                    p.set(o, evaluate(p.column().updateDefault()));
                    params.put(p.column().name(), dbValue(p, p.get(o)));
                }
            }
            List<String> setColumns = List.copyOf(params.keySet());
            for (ColumnProperty p : m.primaryKey()) {
                params.put(PK_PREFIX + p.column().name(), dbValue(p, st.committed[p.index()]));
            }
            groups.computeIfAbsent(setColumns, k -> new ArrayList<>()).add(params);
            written.add(st);
        }
        for (List<Map<String, Object>> sets : groups.values()) {
            Update stmt = Sql.update(m.table()).where(pkByParams(m));
            long matched = conn.execute(stmt, sets).rowcount();
            if (matched >= 0 && matched != sets.size()
                    && (sets.size() == 1 || conn.dialect().supportsSaneMultiRowCount())) {
                throw new StaleDataException("UPDATE statement on table '" + m.table().fullName() + "' expected to "
                        + "update " + sets.size() + " row(s); " + matched + " were matched. Another transaction "
                        + "deleted the row or changed its key since " + m.entityClass().getSimpleName()
                        + " was loaded; roll back and reload it");
            }
        }
        for (InstanceState st : written) {
            m.events().fire(MapperEvents.Kind.AFTER_UPDATE, cast(m), conn, st.object());
        }
    }

    private static Expression<?>[] pkByParams(Mapper<?> m) {
        List<Expression<?>> where = new ArrayList<>();
        for (ColumnProperty p : m.primaryKey()) {
            where.add(p.column().eq(Sql.bindparam(PK_PREFIX + p.column().name(), p.column().type())));
        }
        return where.toArray(Expression<?>[]::new);
    }

    // ------------------------------------------------------------------ DELETE

    private void deleteRows(Connection conn, Mapper<?> m, List<InstanceState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.BEFORE_DELETE, cast(m), conn, st.object());
            Map<String, Object> params = new LinkedHashMap<>();
            for (ColumnProperty p : m.primaryKey()) {
                params.put(PK_PREFIX + p.column().name(), dbValue(p, st.committed[p.index()]));
            }
            sets.add(params);
        }
        Delete stmt = Sql.delete(m.table()).where(pkByParams(m));
        conn.execute(stmt, sets);
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.AFTER_DELETE, cast(m), conn, st.object());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Mapper<T> cast(Mapper<?> m) {
        return (Mapper<T>) m;
    }

    /** The Java value of a column's client-side default for one row (schema columns make values and suppliers). */
    static Object evaluate(org.retort.sql.ColumnDefault d) {
        return switch (d) {
            case org.retort.sql.ColumnDefault.Scalar v -> v.value();
            case org.retort.sql.ColumnDefault.Callable f -> f.supplier().get();
            case org.retort.sql.ColumnDefault.SqlExpression x -> throw new org.retort.exc.ArgumentException(
                    "The ORM cannot compute the SQL-expression default " + x.expression() + " in Java");
        };
    }
}
