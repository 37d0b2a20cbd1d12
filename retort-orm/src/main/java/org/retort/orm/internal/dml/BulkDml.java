package org.retort.orm.internal.dml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.retort.engine.Connection;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.exc.ArgumentException;
import org.retort.exc.InvalidRequestException;
import org.retort.sql.BindParameter;
import org.retort.sql.Expression;
import org.retort.sql.Sql;
import org.retort.sql.Update;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.IdentityKey;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.internal.session.TxLevel;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.orm.internal.loading.Loader;
import org.retort.orm.SynchronizeSession;
import org.retort.orm.OrmRow;
import org.retort.orm.OrmResult;
import org.retort.orm.OrmDml;

/** Runs ORM INSERT / UPDATE / DELETE statements and keeps the session's objects in step with them. */
public final class BulkDml {
    private static final int IN_CHUNK = 500;

    private BulkDml() {
    }

    public static OrmResult execute(SessionCore session, OrmDml<?> dml, List<? extends Map<String, ?>> rows) {
        return switch (dml.kind()) {
            case INSERT -> insert(session, dml, rows);
            case UPDATE -> rows.isEmpty() ? updateWhere(session, dml) : updateByPrimaryKey(session, dml, rows);
            case DELETE -> deleteWhere(session, dml);
        };
    }

    /** Attribute-keyed values to column-keyed parameters, with Java insert defaults for absent columns. */
    private static Map<String, Object> columnParams(Mapper<?> m, Map<String, ?> row, boolean insert) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : row.entrySet()) {
            ColumnProperty p = m.property(e.getKey());
            out.put(p.column().name(), JavaTypes.dbValue(p, e.getValue()));
        }
        if (insert) {
            for (ColumnProperty p : m.properties()) {
                if (JavaTypes.isClient(p.column().insertDefault()) && !out.containsKey(p.column().name())) {
                    out.put(p.column().name(), JavaTypes.dbValue(p, p.column().insertDefault().evaluate()));
                }
            }
        }
        return out;
    }

    private static OrmResult insert(SessionCore session, OrmDml<?> dml, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            throw new ArgumentException("An ORM bulk INSERT needs rows: session.execute(insert(Cls.class), listOfMaps)");
        }
        Mapper<?> m = dml.mapper();
        Connection conn = session.connection();
        List<Map<String, Object>> params = new ArrayList<>(rows.size());
        for (Map<String, ?> r : rows) {
            params.add(columnParams(m, r, true));
        }
        List<OrmRow> out = new ArrayList<>();
        long count = 0;
        int i = 0;
        while (i < params.size()) {
            int j = i + 1;
            while (j < params.size() && params.get(j).keySet().equals(params.get(i).keySet())) {
                j++;
            }
            List<Map<String, Object>> group = params.subList(i, j);
            if (!dml.returningColumns().isEmpty()) {
                out.addAll(insertReturningColumns(conn, m, dml.returningColumns(), group));
                count += group.size();
            } else if (!dml.isReturning()) {
                Result r = conn.execute(Sql.insert(m.table()), group);
                count += Math.max(0, r.rowcount());
            } else if (conn.dialect().supportsReturning()) {
                Expression<?>[] cols = m.properties().stream().map(ColumnProperty::column).toArray(Expression<?>[]::new);
                for (Row row : conn.execute(Sql.insert(m.table()).returning(cols), group).all()) {
                    out.add(new OrmRow(new Object[] {Loader.entity(session, m, row.toArray(), 0, true, null)}));
                }
                count += group.size();
            } else {
                out.addAll(insertOneByOne(session, conn, m, group));
                count += group.size();
            }
            i = j;
        }
        return new OrmResult(out, count);
    }

    /**
     * INSERT ... RETURNING columns: rows of values in the order of the parameter sets. Without RETURNING, each row
     * is inserted on its own for its key and the columns are SELECTed back by key.
     */
    private static List<OrmRow> insertReturningColumns(Connection conn, Mapper<?> m, List<Expression<?>> columns,
                                                       List<Map<String, Object>> group) {
        Expression<?>[] cols = columns.toArray(Expression<?>[]::new);
        List<OrmRow> out = new ArrayList<>(group.size());
        if (conn.dialect().supportsReturning()) {
            for (Row row : conn.execute(Sql.insert(m.table()).returning(cols), group).all()) {
                out.add(new OrmRow(row.toArray()));
            }
            return out;
        }
        if (onlyGeneratedKey(m, columns, group)) {
            // just the generated key: one JDBC batch, the keys from the driver (H2, MySQL without RETURNING)
            List<Object> generated = conn.execute(Sql.insert(m.table()), group).insertedPrimaryKeys();
            if (generated.size() == group.size()) {
                ColumnProperty pk = m.primaryKey().get(0);
                for (Object key : generated) {
                    Object v = JavaTypes.convertBoxed(key, pk);
                    Object[] row = new Object[cols.length];
                    java.util.Arrays.fill(row, v);
                    out.add(new OrmRow(row));
                }
                return out;
            }
            throw new InvalidRequestException("The driver reported " + generated.size() + " generated keys for "
                    + group.size() + " rows inserted into " + m.table().fullName());
        }
        List<List<Object>> keys = insertEach(conn, m, group);
        int pkCount = m.primaryKey().size();
        Object[] selected = new Object[pkCount + cols.length];
        for (int k = 0; k < pkCount; k++) {
            selected[k] = m.primaryKey().get(k).column();
        }
        System.arraycopy(cols, 0, selected, pkCount, cols.length);
        Map<List<Object>, Object[]> byKey = new HashMap<>();
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<Expression<?>> any = new ArrayList<>();
            for (List<Object> k : keys.subList(from, Math.min(keys.size(), from + IN_CHUNK))) {
                any.add(m.primaryKeyCriteria(k));
            }
            try (Result r = conn.execute(Sql.select(selected).where(Sql.or_(any.toArray(Expression<?>[]::new))))) {
                for (Row row : r) {
                    List<Object> key = new ArrayList<>(pkCount);
                    for (int k = 0; k < pkCount; k++) {
                        ColumnProperty pk = m.primaryKey().get(k);
                        key.add(JavaTypes.convertBoxed(row.get(k), pk));
                    }
                    Object[] values = new Object[cols.length];
                    for (int c = 0; c < cols.length; c++) {
                        values[c] = row.get(pkCount + c);
                    }
                    byKey.put(key, values);
                }
            }
        }
        for (List<Object> k : keys) {
            out.add(new OrmRow(byKey.get(k)));
        }
        return out;
    }

    /**
     * {@return true when the columns asked for are all the single, database-generated primary key column and no
     * row gives it a value, so the driver's generated keys answer}
     */
    private static boolean onlyGeneratedKey(Mapper<?> m, List<Expression<?>> columns, List<Map<String, Object>> group) {
        if (m.primaryKey().size() != 1 || !m.primaryKey().get(0).column().isAutoincrement()) {
            return false;
        }
        org.retort.schema.Column<?> pk = m.primaryKey().get(0).column();
        for (Expression<?> c : columns) {
            Object col = c instanceof org.retort.orm.metamodel.ColumnAttribute<?, ?> a ? a.column() : c;
            if (col != pk) {
                return false;
            }
        }
        return !group.get(0).containsKey(pk.name());
    }

    /** Inserts each row on its own; {@return the primary key of each, converted to the key fields' types} */
    private static List<List<Object>> insertEach(Connection conn, Mapper<?> m, List<Map<String, Object>> group) {
        List<List<Object>> keys = new ArrayList<>();
        for (Map<String, Object> p : group) {
            Result r = conn.execute(Sql.insert(m.table()), p);
            List<Object> key = new ArrayList<>();
            for (ColumnProperty pk : m.primaryKey()) {
                Object v = p.get(pk.column().name());
                if (v == null) {
                    v = r.insertedPrimaryKey();
                }
                key.add(JavaTypes.convertBoxed(v, pk));
            }
            keys.add(key);
        }
        return keys;
    }

    /** Without RETURNING: each row on its own for its generated key, then the rows SELECTed back by key. */
    private static List<OrmRow> insertOneByOne(SessionCore session, Connection conn, Mapper<?> m,
                                               List<Map<String, Object>> group) {
        List<List<Object>> keys = insertEach(conn, m, group);
        Map<IdentityKey, Object> loaded = new HashMap<>();
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<List<Object>> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            List<Expression<?>> any = new ArrayList<>();
            for (List<Object> k : chunk) {
                any.add(m.primaryKeyCriteria(k));
            }
            Expression<?>[] cols = m.properties().stream().map(ColumnProperty::column).toArray(Expression<?>[]::new);
            try (Result r = conn.execute(Sql.select((Object[]) cols).where(Sql.or_(any.toArray(Expression<?>[]::new))))) {
                for (Row row : r) {
                    Object o = Loader.entity(session, m, row.toArray(), 0, true, null);
                    loaded.put(m.identityOf(o), o);
                }
            }
        }
        List<OrmRow> out = new ArrayList<>();
        for (List<Object> k : keys) {
            out.add(new OrmRow(new Object[] {loaded.get(IdentityKey.of(m, k.toArray()))}));
        }
        return out;
    }

    private static OrmResult updateByPrimaryKey(SessionCore session, OrmDml<?> dml, List<? extends Map<String, ?>> rows) {
        Mapper<?> m = dml.mapper();
        Connection conn = session.connection();
        Map<List<String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, ?> row : rows) {
            Map<String, Object> params = new LinkedHashMap<>();
            Object[] key = new Object[m.primaryKey().size()];
            for (int i = 0; i < key.length; i++) {
                ColumnProperty pk = m.primaryKey().get(i);
                if (!row.containsKey(pk.name())) {
                    throw new ArgumentException("ORM bulk UPDATE by primary key: row " + row + " lacks primary key "
                            + "attribute '" + pk.name() + "' of " + m.entityClass().getSimpleName());
                }
                key[i] = row.get(pk.name());
                params.put("pk__" + pk.column().name(), JavaTypes.dbValue(pk, key[i]));
            }
            Map<String, Object> set = new LinkedHashMap<>(row);
            for (ColumnProperty pk : m.primaryKey()) {
                set.remove(pk.name());
            }
            params.putAll(columnParams(m, set, false));
            groups.computeIfAbsent(List.copyOf(set.keySet()), k -> new ArrayList<>()).add(params);
            syncValues(session, session.identityMap.get(m.keyOf(key)), set);
        }
        long count = 0;
        for (List<Map<String, Object>> sets : groups.values()) {
            Update stmt = Sql.update(m.table());
            for (ColumnProperty pk : m.primaryKey()) {
                stmt = stmt.where(pk.column().eq(Sql.bindparam("pk__" + pk.column().name(), pk.column().type())));
            }
            count += Math.max(0, conn.execute(stmt, sets).rowcount());
        }
        return new OrmResult(List.of(), count);
    }

    /** Writes new values into an object of the session (field and committed value), remembering the old for rollback. */
    private static void syncValues(SessionCore session, EntityState st, Map<String, ?> values) {
        if (st == null || st.deletedFlushed()) {
            return;
        }
        record(session, st);
        Object[] committed = st.committed.clone();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            ColumnProperty p = st.mapper().property(e.getKey());
            p.set(st.object(), e.getValue());
            committed[p.index()] = JavaTypes.snapshot(p.get(st.object()));
        }
        st.committed = committed;
    }

    private static void record(SessionCore session, EntityState st) {
        for (TxLevel tx : session.levels()) {
            tx.remember(st);
        }
    }

    /**
     * The session's objects the WHERE matches, by evaluating it in Java; null when it cannot be evaluated (then
     * {@link SynchronizeSession#EVALUATE} fails and {@link SynchronizeSession#AUTO} fetches).
     */
    private static List<EntityState> evaluated(SessionCore session, OrmDml<?> dml) {
        Mapper<?> m = dml.mapper();
        Predicate<Object> p = Evaluator.compile(m, dml.whereClause());
        if (p != null) {
            List<EntityState> out = new ArrayList<>();
            try {
                for (EntityState st : session.identityMap.values()) {
                    if (st.mapper().entityClass() == m.entityClass() && !st.deletedFlushed() && p.test(st.object())) {
                        out.add(st);
                    }
                }
                return out;
            } catch (Evaluator.Unevaluable e) {
                // an object's values Java cannot compare as the database would
            }
        }
        if (dml.synchronization() == SynchronizeSession.EVALUATE) {
            throw new ArgumentException("Could not evaluate the WHERE criteria of " + dml + " in Java; use "
                    + "synchronizeSession(FETCH) or FALSE");
        }
        return null;
    }

    /** The session's objects among the rows the WHERE matches, by SELECTing their keys first. */
    private static List<EntityState> selectMatched(SessionCore session, OrmDml<?> dml) {
        Mapper<?> m = dml.mapper();
        List<EntityState> out = new ArrayList<>();
        try (Result r = session.connection().execute(Sql.select((Object[]) primaryKeyColumns(m))
                .where(dml.whereClause().toArray(Expression<?>[]::new)))) {
            for (Row row : r) {
                EntityState st = session.identityMap.get(m.keyOf(row.toArray()));
                if (st != null && !st.deletedFlushed()) {
                    out.add(st);
                }
            }
        }
        return out;
    }

    private static Expression<?>[] primaryKeyColumns(Mapper<?> m) {
        return m.primaryKey().stream().map(ColumnProperty::column).toArray(Expression<?>[]::new);
    }

    /** The session's object with the key in the first columns of a RETURNING row, or null. */
    private static EntityState byReturnedKey(SessionCore session, Mapper<?> m, Row row) {
        Object[] key = new Object[m.primaryKey().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = row.get(i);
        }
        EntityState st = session.identityMap.get(m.keyOf(key));
        return st == null || st.deletedFlushed() ? null : st;
    }

    /**
     * ORM UPDATE with WHERE, and the session's objects brought up to date as {@link SynchronizeSession} asks
     * (SQLAlchemy's {@code synchronize_session}):
     * <ul>
     *   <li>evaluate: the WHERE is evaluated in Java against the session's objects and the SET values computed
     *   in Java from each matched object's fields ({@link Evaluator#setValue}): the UPDATE is the only
     *   statement. A SET value Java cannot compute is read back for the matched objects with one SELECT per 500
     *   of them;</li>
     *   <li>fetch: {@code UPDATE ... RETURNING} the key and the new values of every matched row where the
     *   database has it (PostgreSQL, SQLite 3.35+), else the keys SELECTed before the UPDATE and the values
     *   computed as for evaluate;</li>
     *   <li>auto: evaluate when both the WHERE and the SET can be computed in Java, else fetch.</li>
     * </ul>
     */
    private static OrmResult updateWhere(SessionCore session, OrmDml<?> dml) {
        Mapper<?> m = dml.mapper();
        if (dml.valueMap().isEmpty()) {
            throw new ArgumentException("ORM UPDATE of " + m.entityClass().getSimpleName() + " has no values(...)");
        }
        Map<Object, Object> set = new LinkedHashMap<>();
        List<ColumnProperty> targets = new ArrayList<>();
        List<Function<Object, Object>> computed = new ArrayList<>();
        boolean evaluable = true;
        boolean setsKey = false;
        for (Map.Entry<String, Object> e : dml.valueMap().entrySet()) {
            ColumnProperty p = m.property(e.getKey());
            Object v = e.getValue();
            boolean expr = v instanceof Expression<?> && !(v instanceof BindParameter<?> b && b.hasValue());
            Object literal = v instanceof BindParameter<?> b && b.hasValue() ? b.value() : v;
            set.put(p.column(), expr ? v : JavaTypes.dbValue(p, literal));
            Function<Object, Object> f = Evaluator.setValue(m, literal);
            evaluable &= f != null;
            setsKey |= m.primaryKey().contains(p);
            targets.add(p);
            computed.add(f);
        }
        Update stmt = Sql.update(m.table()).set(set);
        if (!dml.whereClause().isEmpty()) {
            stmt = stmt.where(dml.whereClause().toArray(Expression<?>[]::new));
        }
        Connection conn = session.connection();
        SynchronizeSession mode = dml.synchronization();
        if (mode == SynchronizeSession.FALSE) {
            return new OrmResult(List.of(), conn.execute(stmt).rowcount());
        }
        List<EntityState> matched = null;
        if (mode == SynchronizeSession.EVALUATE || mode == SynchronizeSession.AUTO && evaluable) {
            matched = evaluated(session, dml);
        }
        if (matched == null && conn.dialect().supportsUpdateReturning() && !setsKey) {
            // fetch: one statement brings back the key and the new values of every matched row
            Expression<?>[] back = new Expression<?>[m.primaryKey().size() + targets.size()];
            System.arraycopy(primaryKeyColumns(m), 0, back, 0, m.primaryKey().size());
            for (int i = 0; i < targets.size(); i++) {
                back[m.primaryKey().size() + i] = targets.get(i).column();
            }
            List<Row> rows = conn.execute(stmt.returning(back)).all();
            for (Row row : rows) {
                EntityState st = byReturnedKey(session, m, row);
                if (st != null) {
                    Object[] values = new Object[targets.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.get(m.primaryKey().size() + i);
                    }
                    write(session, st, targets, values);
                }
            }
            return new OrmResult(List.of(), rows.size());
        }
        if (matched == null) {
            matched = selectMatched(session, dml);
        }
        // the new values from the fields as they are before the UPDATE, so compute them first
        List<EntityState> reread = new ArrayList<>();
        List<Object[]> newValues = new ArrayList<>(matched.size());
        for (EntityState st : matched) {
            Object[] values = evaluable ? compute(st, computed) : null;
            if (values == null) {
                reread.add(st);
            }
            newValues.add(values);
        }
        long count = conn.execute(stmt).rowcount();
        for (int i = 0; i < matched.size(); i++) {
            if (newValues.get(i) != null) {
                write(session, matched.get(i), targets, newValues.get(i));
            }
        }
        reload(session, m, reread);
        return new OrmResult(List.of(), count);
    }

    /** {@return the SET values computed from an object's fields, or null when one cannot be computed} */
    private static Object[] compute(EntityState st, List<Function<Object, Object>> computed) {
        Object[] values = new Object[computed.size()];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = computed.get(i).apply(st.object());
            }
        } catch (Evaluator.Unevaluable e) {
            return null;
        }
        return values;
    }

    /** Writes new column values into an object (fields and committed values), remembering the old for rollback. */
    private static void write(SessionCore session, EntityState st, List<ColumnProperty> targets, Object[] values) {
        record(session, st);
        Object[] committed = st.committed.clone();
        for (int i = 0; i < values.length; i++) {
            ColumnProperty p = targets.get(i);
            p.set(st.object(), values[i]);
            committed[p.index()] = JavaTypes.snapshot(p.get(st.object()));
        }
        st.committed = committed;
    }

    /** Reads the current rows of objects back, one SELECT per {@value #IN_CHUNK} of them. */
    private static void reload(SessionCore session, Mapper<?> m, List<EntityState> states) {
        Expression<?>[] cols = m.properties().stream().map(ColumnProperty::column).toArray(Expression<?>[]::new);
        for (int from = 0; from < states.size(); from += IN_CHUNK) {
            List<EntityState> chunk = states.subList(from, Math.min(states.size(), from + IN_CHUNK));
            List<Expression<?>> any = new ArrayList<>();
            for (EntityState st : chunk) {
                record(session, st);
                any.add(m.primaryKeyCriteria(st.key.values()));
            }
            try (Result r = session.connection().execute(Sql.select((Object[]) cols)
                    .where(Sql.or_(any.toArray(Expression<?>[]::new))))) {
                for (Row row : r) {
                    Object[] values = row.toArray();
                    EntityState st = session.identityMap.get(m.keyOf(keyOfRow(m, values)));
                    if (st != null) {
                        Loader.populate(st, values, 0, true);
                        m.events().fireLoad(st.object(), true);
                    }
                }
            }
        }
    }

    private static Object[] keyOfRow(Mapper<?> m, Object[] row) {
        Object[] key = new Object[m.primaryKey().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[m.primaryKey().get(i).index()];
        }
        return key;
    }

    /**
     * ORM DELETE with WHERE. The matched objects of the session (evaluated in Java, or fetched: by
     * {@code DELETE ... RETURNING} the keys where the database has it, PostgreSQL, SQLite 3.35+ and MariaDB 10.5+,
     * else by SELECTing the keys first) become deleted: out of the identity map, {@code contains} false, detached
     * at commit, back in the session on rollback (SQLAlchemy's {@code obj in session} is false for them too).
     */
    private static OrmResult deleteWhere(SessionCore session, OrmDml<?> dml) {
        Mapper<?> m = dml.mapper();
        var stmt = Sql.delete(m.table());
        if (!dml.whereClause().isEmpty()) {
            stmt = stmt.where(dml.whereClause().toArray(Expression<?>[]::new));
        }
        Connection conn = session.connection();
        SynchronizeSession mode = dml.synchronization();
        if (mode == SynchronizeSession.FALSE) {
            return new OrmResult(List.of(), conn.execute(stmt).rowcount());
        }
        List<EntityState> matched = mode == SynchronizeSession.FETCH ? null : evaluated(session, dml);
        long count;
        if (matched == null && conn.dialect().supportsReturning()) {
            matched = new ArrayList<>();
            List<Row> rows = conn.execute(stmt.returning(primaryKeyColumns(m))).all();
            for (Row row : rows) {
                EntityState st = byReturnedKey(session, m, row);
                if (st != null) {
                    matched.add(st);
                }
            }
            count = rows.size();
        } else {
            if (matched == null) {
                matched = selectMatched(session, dml);
            }
            count = conn.execute(stmt).rowcount();
        }
        for (EntityState st : matched) {
            record(session, st);
            st.deletedFlushed(true);
            st.markedDeleted(false);
            session.toDelete.remove(st);
            session.identityMap.remove(st.key);
        }
        return new OrmResult(List.of(), count);
    }
}
