package org.retort.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Result;
import org.retort.engine.Row;

/**
 * Turns rows into objects through a session's identity map: an identity already in the map gives the existing
 * object (reloaded when expired), a new one a new instance whose committed values are the row's.
 */
final class Loader {
    private Loader() {
    }

    static OrmResult query(Session session, OrmSelect<?> stmt, Map<String, ?> params) {
        List<OrmSelect.Item> items = stmt.items();
        if (items.size() == 1) {
            return querySingle(session, stmt, items.get(0), params);
        }
        List<OrmRow> rows = new ArrayList<>();
        try (Result r = session.connection().execute(stmt.statement(), params)) {
            for (Row row : r) {
                Object[] values = new Object[items.size()];
                for (int i = 0; i < values.length; i++) {
                    OrmSelect.Item item = items.get(i);
                    if (item instanceof OrmSelect.EntityItem e) {
                        values[i] = entity(session, e.mapper(), row, e.start(), stmt.isPopulateExisting());
                    } else {
                        values[i] = row.get(((OrmSelect.ColumnItem) item).index());
                    }
                }
                rows.add(new OrmRow(values));
            }
        }
        return new OrmResult(rows, rows.size());
    }

    /** A query of one entity or one column: the values go straight into a list, with no row objects. */
    private static OrmResult querySingle(Session session, OrmSelect<?> stmt, OrmSelect.Item item, Map<String, ?> params) {
        List<Object> values = new ArrayList<>();
        try (Result r = session.connection().execute(stmt.statement(), params)) {
            if (item instanceof OrmSelect.EntityItem e) {
                Mapper<?> m = e.mapper();
                int start = e.start();
                boolean populateExisting = stmt.isPopulateExisting();
                r.forEachValues(row -> values.add(entity(session, m, row, start, populateExisting)));
            } else {
                int index = ((OrmSelect.ColumnItem) item).index();
                for (Row row : r) {
                    values.add(row.get(index));
                }
            }
        }
        return OrmResult.ofSingles(values, values.size());
    }

    /** The object of the entity whose columns start at {@code start} in the row; null when its key is all null. */
    static Object entity(Session session, Mapper<?> m, Row row, int start, boolean populateExisting) {
        return entity(session, m, row.toArray(), start, populateExisting);
    }

    /** As {@link #entity(Session, Mapper, Row, int, boolean)} with the row's values; copies what it keeps. */
    static Object entity(Session session, Mapper<?> m, Object[] row, int start, boolean populateExisting) {
        List<ColumnProperty> pkProps = m.primaryKey();
        IdentityKey key;
        if (pkProps.size() == 1) {
            ColumnProperty p = pkProps.get(0);
            Object v = row[start + p.index()];
            if (v == null) {
                return null;
            }
            key = IdentityKey.ofSingle(m, JavaTypes.convert(v, JavaTypes.boxed(p.fieldType()), p));
        } else {
            Object[] pk = new Object[pkProps.size()];
            for (int i = 0; i < pk.length; i++) {
                ColumnProperty p = pkProps.get(i);
                Object v = row[start + p.index()];
                if (v == null) {
                    return null;
                }
                pk[i] = JavaTypes.convert(v, JavaTypes.boxed(p.fieldType()), p);
            }
            key = IdentityKey.of(m, pk);
        }
        InstanceState st = session.identityMap.get(key);
        if (st != null) {
            if (st.expired || populateExisting) {
                populate(st, row, start, !populateExisting);
                m.events().fireLoad(st.object(), true);
            }
            return st.object();
        }
        Object o = m.newInstance();
        st = new InstanceState(o, m);
        List<ColumnProperty> props = m.properties();
        Object[] committed = new Object[props.size()];
        for (ColumnProperty p : props) {
            Object v = JavaTypes.convert(row[start + p.index()], p.fieldType(), p);
            p.setConverted(o, v);
            committed[p.index()] = JavaTypes.snapshot(v);
        }
        st.committed = committed;
        st.key = key;
        session.attachLoaded(st);
        m.events().fireLoad(o, false);
        return o;
    }

    /**
     * Writes a row's values into an existing object. With {@code keepChanges}, a field assigned since the last
     * load keeps its value (it stays a change to flush against the new committed value).
     */
    static void populate(InstanceState st, Row row, int start, boolean keepChanges) {
        populate(st, row.toArray(), start, keepChanges);
    }

    /** As {@link #populate(InstanceState, Row, int, boolean)} with the row's values. */
    static void populate(InstanceState st, Object[] row, int start, boolean keepChanges) {
        Object o = st.object();
        List<ColumnProperty> props = st.mapper().properties();
        Object[] committed = new Object[props.size()];
        for (ColumnProperty p : props) {
            Object current = p.get(o);
            boolean changed = st.committed != null && !JavaTypes.same(current, st.committed[p.index()]);
            Object loaded = JavaTypes.convert(row[start + p.index()], p.fieldType(), p);
            if (!(keepChanges && changed)) {
                p.setConverted(o, loaded);
            }
            committed[p.index()] = JavaTypes.snapshot(loaded);
        }
        st.committed = committed;
        st.expired = false;
    }


    /** SELECTs an object by key into the identity map; null when no row. */
    static Object loadByKey(Session session, Mapper<?> m, IdentityKey key) {
        try (Result r = session.connection().execute(m.byKeyStatement(), m.byKeyParameters(key.values()))) {
            Row row = r.first();
            return row == null ? null : entity(session, m, row, 0, false);
        }
    }

    /**
     * The current column values of a row by key, converted and snapshotted as committed values (indexed like the
     * mapper's properties), without creating or touching any object; null when no row has that key.
     */
    static Object[] committedValues(Session session, Mapper<?> m, IdentityKey key) {
        try (Result r = session.connection().execute(m.byKeyStatement(), m.byKeyParameters(key.values()))) {
            Row row = r.first();
            if (row == null) {
                return null;
            }
            List<ColumnProperty> props = m.properties();
            Object[] committed = new Object[props.size()];
            for (ColumnProperty p : props) {
                committed[p.index()] = JavaTypes.snapshot(JavaTypes.convert(row.get(p.index()), p.fieldType(), p));
            }
            return committed;
        }
    }

    /** Reloads a persistent object; false when its row is gone. */
    static boolean reload(Session session, InstanceState st, boolean discardChanges) {
        try (Result r = session.connection().execute(st.mapper().byKeyStatement(),
                st.mapper().byKeyParameters(st.key.values()))) {
            Row row = r.first();
            if (row == null) {
                return false;
            }
            populate(st, row, 0, !discardChanges);
            st.mapper().events().fireLoad(st.object(), true);
            return true;
        }
    }
}
