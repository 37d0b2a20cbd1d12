package org.retort.orm;

import java.util.ArrayList;
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
    /** The states the flush may change and, index for index, how to put each back if it fails. */
    private final List<InstanceState> undoStates = new ArrayList<>();
    private final List<Undo> undo = new ArrayList<>();

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
        int touched = inserts.size() + updates.size() + deletes.size() + 2 * switched.size();
        for (SessionTransaction tx : session.transactions()) {
            tx.reserve(touched);
        }
        session.reserveIdentities(inserts.size());
        for (List<InstanceState> group : List.of(inserts, updates, deletes, List.copyOf(switched.keySet()), replaced)) {
            for (InstanceState st : group) {
                undoStates.add(st);
                // a new object's fields are put back from what its INSERT filled (InstanceState.insertFilled)
                boolean narrowNew = st.key == null && st.mapper().properties().size() <= 63;
                undo.add(new Undo(st.key, st.committed, narrowNew ? null : st.currentValues(), st.markedDeleted,
                        st.key == null));
                for (SessionTransaction tx : session.transactions()) {
                    if (!tx.before.containsKey(st)) { // not putIfAbsent: null (a new object) is a recorded value
                        tx.before.put(st, st.committed);
                    }
                }
            }
        }
        for (Map.Entry<InstanceState, InstanceState> e : switched.entrySet()) {
            // a new object taking the key of one deleted in this flush: UPDATE the row instead (SQLAlchemy's row switch)
            Object o = e.getKey().object();
            for (ColumnProperty p : e.getKey().mapper().properties()) {
                if (p.get(o) == null && isClient(p.column().insertDefault())) {
                    p.set(o, p.column().insertDefault().evaluate());
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
        // every pending object was flushed (as an INSERT or a row switch), unless a listener added one meanwhile
        boolean allPendingFlushed = session.pending.size() == inserts.size() + switched.size();
        for (InstanceState st : inserts) {
            st.committed = st.currentValues();
            st.key = st.mapper().identityOfValues(st.committed);
            if (!allPendingFlushed) {
                session.pending.remove(st);
            }
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
            if (!allPendingFlushed) {
                session.pending.remove(st);
            }
        }
        if (allPendingFlushed) {
            session.pending.clear();
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
            if (st.mapper().keyUnset(st.object())) {
                continue; // the database generates its key: it cannot collide with a loaded object
            }
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
        for (int i = 0; i < undoStates.size(); i++) {
            InstanceState st = undoStates.get(i);
            Undo u = undo.get(i);
            if (u.fields() != null) {
                st.writeValues(u.fields());
            } else {
                unfill(st);
            }
            st.key = u.key();
            st.committed = u.committed();
            st.markedDeleted = u.markedDeleted();
            st.deletedFlushed = false;
        }
        session.flushFailed(e);
    }

    /** Empties again the fields of a new object that its failed INSERT filled (Java defaults, generated keys). */
    private static void unfill(InstanceState st) {
        List<ColumnProperty> props = st.mapper().properties();
        Object o = st.object();
        for (int k = 0; k < props.size(); k++) {
            if ((st.insertFilled & (1L << k)) != 0) {
                ColumnProperty p = props.get(k);
                p.set(o, p.fieldType().isPrimitive() ? JavaTypes.zero(p.fieldType()) : null);
            }
        }
        st.insertFilled = 0;
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

    /**
     * One object to INSERT: its parameters, and the properties whose values the database gives back. Rows of the
     * same {@link Shape} (the same columns written and fetched) are written together.
     */
    private record InsertRow(InstanceState state, Map<String, Object> params, Shape shape) {
        List<ColumnProperty> fetch() {
            return shape.fetch();
        }
    }

    /**
     * Which properties of a mapper a row writes (the others it fetches back); rows with equal shapes share one
     * executemany. Computed once per distinct bit set in a flush.
     */
    private record Shape(long written, String[] names, List<ColumnProperty> fetch) {
        boolean sameAs(Shape other) {
            return this == other || written == -1 && other.written == -1
                    && java.util.Arrays.equals(names, other.names) && fetch.equals(other.fetch);
        }
    }

    private void insertRows(Connection conn, Mapper<?> m, List<InstanceState> states) {
        if (states.isEmpty()) {
            return;
        }
        boolean returning = conn.dialect().supportsReturning();
        List<InsertRow> rows = new ArrayList<>(states.size());
        Map<Long, Shape> shapes = new java.util.HashMap<>();
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.BEFORE_INSERT, cast(m), conn, st.object());
            rows.add(prepareInsert(m, st, shapes));
        }
        int i = 0;
        while (i < rows.size()) {
            int j = i + 1;
            while (j < rows.size() && rows.get(j).shape().sameAs(rows.get(i).shape())) {
                j++;
            }
            executeInserts(conn, m, rows.subList(i, j), returning);
            i = j;
        }
        for (InstanceState st : states) {
            m.events().fire(MapperEvents.Kind.AFTER_INSERT, cast(m), conn, st.object());
        }
    }

    private InsertRow prepareInsert(Mapper<?> m, InstanceState st, Map<Long, Shape> shapes) {
        Object o = st.object();
        List<ColumnProperty> props = m.properties();
        if (props.size() > 63) {
            return prepareWideInsert(m, st);
        }
        Object[] values = new Object[props.size()];
        long written = 0;
        long filled = 0;
        int n = 0;
        for (int k = 0; k < props.size(); k++) {
            ColumnProperty p = props.get(k);
            Object v = insertValue(p, o);
            if (v == FETCH) {
                filled |= 1L << k;
            } else {
                if (v instanceof Defaulted d) {
                    filled |= 1L << k;
                    v = d.value();
                }
                written |= 1L << k;
                values[n++] = dbValue(p, v);
            }
        }
        st.insertFilled = filled;
        Shape shape = shapes.computeIfAbsent(written, w -> shapeOf(props, w));
        return new InsertRow(st, new RowValues(shape.names(), n == values.length ? values
                : java.util.Arrays.copyOf(values, n)), shape);
    }

    private static Shape shapeOf(List<ColumnProperty> props, long written) {
        List<String> names = new ArrayList<>();
        List<ColumnProperty> fetch = new ArrayList<>();
        for (int k = 0; k < props.size(); k++) {
            if ((written & (1L << k)) != 0) {
                names.add(props.get(k).column().name());
            } else {
                fetch.add(props.get(k));
            }
        }
        return new Shape(written, names.toArray(String[]::new), List.copyOf(fetch));
    }

    /** A mapper of more than 63 properties: one shape per row, compared by value. */
    private InsertRow prepareWideInsert(Mapper<?> m, InstanceState st) {
        Object o = st.object();
        Map<String, Object> params = new LinkedHashMap<>();
        List<ColumnProperty> fetch = new ArrayList<>();
        for (ColumnProperty p : m.properties()) {
            Object v = insertValue(p, o);
            if (v == FETCH) {
                fetch.add(p);
            } else {
                params.put(p.column().name(), dbValue(p, v instanceof Defaulted d ? d.value() : v));
            }
        }
        return new InsertRow(st, params, new Shape(-1, params.keySet().toArray(String[]::new), List.copyOf(fetch)));
    }

    /** Marks a property whose value the database generates and the INSERT fetches back. */
    private static final Object FETCH = new Object();

    /** A Java-side default the INSERT wrote into an empty field. */
    private record Defaulted(Object value) {
    }

    /**
     * The value a property is inserted with: the field, or its Java-side default (written into the field, and
     * returned as {@link Defaulted}), or {@link #FETCH} when the database provides it (autoincrement, server
     * default, computed, identity).
     */
    private static Object insertValue(ColumnProperty p, Object o) {
        Column<?> c = p.column();
        Object v = p.get(o);
        boolean defaulted = false;
        if (v == null && isClient(c.insertDefault())) {
            p.set(o, c.insertDefault().evaluate());
            v = p.get(o);
            defaulted = true;
        }
        if (v == null && !p.fieldType().isPrimitive() && (c.isAutoincrement() || c.serverDefault() != null
                || c.computed() != null || c.identity() != null)) {
            return FETCH;
        }
        if (p.fieldType().isPrimitive() && c.isAutoincrement() && isZero(v)) {
            return FETCH;
        }
        return defaulted ? new Defaulted(v) : v;
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
        if (!emptyRow && fetch.size() == 1 && m.primaryKey().size() == 1 && fetch.get(0) == m.primaryKey().get(0)
                && fetch.get(0).column().isAutoincrement()) {
            // no RETURNING, only the generated key to learn: one JDBC batch, the keys from the driver in row order
            List<Object> keys = conn.execute(Sql.insert(table), params(rows)).insertedPrimaryKeys();
            if (keys.size() != rows.size()) {
                throw new InvalidRequestException("The driver reported " + keys.size() + " generated keys for the "
                        + rows.size() + " rows inserted into " + table.fullName());
            }
            ColumnProperty pk = fetch.get(0);
            for (int k = 0; k < rows.size(); k++) {
                pk.set(rows.get(k).state().object(), keys.get(k));
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
                if (isClient(p.column().updateDefault()) && !params.containsKey(p.column().name())) {
                    p.set(o, p.column().updateDefault().evaluate());
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

    /** Whether a column default can be evaluated in Java before the statement (not SQL or a sequence). */
    static boolean isClient(org.retort.sql.ColumnDefault d) {
        return d != null && d.isClientValue();
    }
}
