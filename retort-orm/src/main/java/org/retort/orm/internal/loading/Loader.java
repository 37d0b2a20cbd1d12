package org.retort.orm.internal.loading;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.orm.OrmResult;
import org.retort.orm.OrmRow;
import org.retort.orm.OrmSelect;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.internal.collection.TrackedCollection;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.IdentityKey;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.sql.BindParameter;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.InExpression;
import org.retort.sql.OrderByElement;
import org.retort.sql.Select;
import org.retort.sql.Sql;

/**
 * Turns rows into objects through a session's identity map (an identity already in the map gives the existing
 * object, reloaded when expired; a new one a new instance whose committed values are the row's), then loads
 * their relationships as the query's {@link LoadPlan} says: joined rows read with the parents, second SELECTs
 * ({@code IN} batches) after them, lazy collections left to load on access.
 */
public final class Loader {
    /** Parents per {@code IN} list of a selectin or reference batch load. */
    static final int BATCH = 500;

    private Loader() {
    }

    /**
     * Runs an ORM SELECT and loads its entities and their relationships.
     *
     * @param core the session
     * @param stmt the statement
     * @param params bind parameter values
     * @return the rows
     */
    public static OrmResult query(SessionCore core, OrmSelect<?> stmt, Map<String, ?> params) {
        List<OrmSelect.Item> items = stmt.items();
        LoadPlan plan = LoadPlan.of(stmt);
        Layout layout = Layout.of(stmt, plan, withRootCriteria(stmt, plan));
        JoinedLoad joined = JoinedLoad.of(stmt, plan);
        LoadContext ctx = new LoadContext(core);
        if (joined != null) {
            return joined.run(core, stmt, layout, params, ctx);
        }
        if (items.size() == 1) {
            return querySingle(core, stmt, layout, items.get(0), params, plan, ctx);
        }
        List<OrmRow> rows = new ArrayList<>();
        try (Result r = core.connection().execute(layout.sql(), params)) {
            for (Row row : r) {
                Object[] raw = row.toArray();
                Object[] values = new Object[items.size()];
                for (int i = 0; i < values.length; i++) {
                    OrmSelect.Item item = items.get(i);
                    if (item instanceof OrmSelect.EntityItem e) {
                        values[i] = entity(core, e.mapper(), raw, layout.starts()[i], layout.positions()[i],
                                stmt.isPopulateExisting(), ctx.node(plan.root(e.mapper())));
                    } else {
                        values[i] = raw[layout.starts()[i]];
                    }
                }
                rows.add(new OrmRow(values));
            }
        }
        ctx.finish();
        return new OrmResult(rows, rows.size());
    }

    /** A query of one entity or one column: the values go straight into a list, with no row objects. */
    private static OrmResult querySingle(SessionCore core, OrmSelect<?> stmt, Layout layout, OrmSelect.Item item,
            Map<String, ?> params, LoadPlan plan, LoadContext ctx) {
        List<Object> values = new ArrayList<>();
        try (Result r = core.connection().execute(layout.sql(), params)) {
            if (item instanceof OrmSelect.EntityItem e) {
                Mapper<?> m = e.mapper();
                int start = layout.starts()[0];
                int[] positions = layout.positions()[0];
                boolean populateExisting = stmt.isPopulateExisting();
                LoadContext.Node node = m.relationships().isEmpty() ? null : ctx.node(plan.root(m));
                r.forEachValues(row -> values.add(entity(core, m, row, start, positions, populateExisting, node)));
            } else {
                int index = layout.starts()[0];
                for (Row row : r) {
                    values.add(row.get(index));
                }
            }
        }
        ctx.finish();
        return OrmResult.ofSingles(values, values.size());
    }

    /**
     * Where each selected item's columns are in the rows of a query whose entities may leave columns out
     * ({@code defer}, {@code loadOnly}, deferred mappings): the SELECT to run, each item's first column, and each
     * entity item's column positions (null when all its columns are there in order).
     */
    record Layout(Select sql, int[] starts, int[][] positions) {
        static Layout of(OrmSelect<?> stmt, LoadPlan plan, Select sql) {
            List<OrmSelect.Item> items = stmt.items();
            int[] starts = new int[items.size()];
            int[][] positions = new int[items.size()][];
            boolean narrowed = false;
            for (OrmSelect.Item item : items) {
                if (item instanceof OrmSelect.EntityItem e && plan.root(e.mapper()).columns() != LoadPlan.Columns.ALL) {
                    narrowed = true;
                }
            }
            if (!narrowed) {
                for (int i = 0; i < items.size(); i++) {
                    starts[i] = items.get(i) instanceof OrmSelect.EntityItem e ? e.start()
                            : ((OrmSelect.ColumnItem) items.get(i)).index();
                }
                return new Layout(sql, starts, positions);
            }
            List<Expression<?>> all = sql.selectedColumns();
            List<Expression<?>> cols = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                starts[i] = cols.size();
                if (items.get(i) instanceof OrmSelect.EntityItem e) {
                    LoadPlan.Columns c = plan.root(e.mapper()).columns();
                    positions[i] = c.positions();
                    for (ColumnProperty p : c.loaded() == null ? e.mapper().properties() : c.loaded()) {
                        cols.add(all.get(e.start() + p.index()));
                    }
                } else {
                    cols.add(all.get(((OrmSelect.ColumnItem) items.get(i)).index()));
                }
            }
            return new Layout(sql.withOnlyColumns(cols.toArray(Expression<?>[]::new)), starts, positions);
        }
    }

    /** The statement's SELECT with the loader criteria of the entities it selects from their own tables. */
    static Select withRootCriteria(OrmSelect<?> stmt, LoadPlan plan) {
        Select sql = stmt.statement();
        for (OrmSelect.Item item : stmt.items()) {
            if (item instanceof OrmSelect.EntityItem e && e.from() == e.mapper().table()) {
                List<Expression<?>> c = plan.criteriaFor(e.mapper());
                if (!c.isEmpty()) {
                    sql = sql.where(c.toArray(Expression<?>[]::new));
                }
            }
        }
        return sql;
    }

    /**
     * The object of the entity whose columns start at {@code start} in a row; null when its key is all null.
     * Copies what it keeps. Objects with relationships are recorded in {@code node} for their relationship
     * loading (null when the mapper has none).
     *
     * @param core the session
     * @param m the entity's mapper
     * @param row the row's values
     * @param start the entity's first column
     * @param populateExisting overwrite an object already in the identity map
     * @param node where to record the object for relationship loading, or null
     * @return the object
     */
    public static Object entity(SessionCore core, Mapper<?> m, Object[] row, int start, boolean populateExisting,
            LoadContext.Node node) {
        return entity(core, m, row, start, null, populateExisting, node);
    }

    /**
     * As {@link #entity(SessionCore, Mapper, Object[], int, boolean, LoadContext.Node)} for a load that leaves
     * some columns out: {@code positions} gives each property's column relative to {@code start}, -1 for a
     * deferred column (its field keeps its initial value and is listed as unloaded).
     *
     * @param core the session
     * @param m the entity's mapper
     * @param row the row's values
     * @param start the entity's first column
     * @param positions property index to column offset, -1 when deferred; null when every column is there in order
     * @param populateExisting overwrite an object already in the identity map
     * @param node where to record the object for relationship loading, or null
     * @return the object
     */
    public static Object entity(SessionCore core, Mapper<?> m, Object[] row, int start, int[] positions,
            boolean populateExisting, LoadContext.Node node) {
        EntityState st = state(core, m, row, start, positions, populateExisting, node);
        return st == null ? null : st.object();
    }

    /**
     * As {@link #entity(SessionCore, Mapper, Object[], int, int[], boolean, LoadContext.Node)}, giving the
     * object's state (null when the row's key is all null).
     *
     * @param core the session
     * @param m the entity's mapper
     * @param row the row's values
     * @param start the entity's first column
     * @param positions property index to column offset, -1 when deferred; null when every column is there in order
     * @param populateExisting overwrite an object already in the identity map
     * @param node where to record the object for relationship loading, or null
     * @return the state
     */
    static EntityState state(SessionCore core, Mapper<?> m, Object[] row, int start, int[] positions,
            boolean populateExisting, LoadContext.Node node) {
        List<ColumnProperty> pkProps = m.primaryKey();
        IdentityKey key;
        if (pkProps.size() == 1) {
            ColumnProperty p = pkProps.get(0);
            Object v = row[start + (positions == null ? p.index() : positions[p.index()])];
            if (v == null) {
                return null;
            }
            key = IdentityKey.ofSingle(m, JavaTypes.convertBoxed(v, p));
        } else {
            Object[] pk = new Object[pkProps.size()];
            for (int i = 0; i < pk.length; i++) {
                ColumnProperty p = pkProps.get(i);
                Object v = row[start + (positions == null ? p.index() : positions[p.index()])];
                if (v == null) {
                    return null;
                }
                pk[i] = JavaTypes.convertBoxed(v, p);
            }
            key = IdentityKey.of(m, pk);
        }
        EntityState st = core.identityMap.get(key);
        if (st == null && core.weakStates != null) {
            st = core.weakStates.find(key); // loaded by a yieldPer query and still referenced
        }
        if (st != null) {
            if (st.expired() || populateExisting) {
                populate(st, row, start, positions, !populateExisting);
                m.events().fireLoad(st.object(), true);
                if (node != null) {
                    // its references are resolved again by this load (see unloaded(...))
                    for (RelationshipProperty r : m.relationships()) {
                        if (!r.isCollection()) {
                            st.relCommitted[r.index()] = EntityState.UNLOADED;
                        }
                    }
                    node.fresh(st);
                }
            } else {
                if (st.hasUnloadedColumns()) {
                    fillUnloaded(st, row, start, positions);
                }
                if (node != null) {
                    node.existing(st);
                }
            }
            return st;
        }
        Object o = m.newInstance();
        st = new EntityState(o, m);
        List<ColumnProperty> props = m.properties();
        Object[] committed = new Object[props.size()];
        if (positions == null) {
            Object[] values = committed; // the committed values are the fields' values, unless one is mutable
            for (int i = 0; i < values.length; i++) { // property i is column start + i
                values[i] = JavaTypes.convert(row[start + i], props.get(i));
            }
            m.writeFields(o, values); // one call for all the fields
            for (int i = 0; i < values.length; i++) {
                Object snapshot = JavaTypes.snapshot(values[i]);
                if (snapshot != values[i]) { // a byte[] or JSON tree: the field keeps the value, committed a copy
                    if (committed == values) {
                        committed = values.clone();
                    }
                    committed[i] = snapshot;
                }
            }
        } else {
            for (ColumnProperty p : props) {
                int at = positions[p.index()];
                if (at < 0) {
                    committed[p.index()] = JavaTypes.snapshot(p.get(o)); // the field's initial value: unchanged
                    st.markUnloaded(p);
                    continue;
                }
                Object v = JavaTypes.convert(row[start + at], p);
                p.setConverted(o, v);
                committed[p.index()] = JavaTypes.snapshot(v);
            }
        }
        st.committed = committed;
        st.key = key;
        core.attachLoaded(st);
        m.events().fireLoad(o, false);
        if (node != null) {
            node.fresh(st);
        }
        return st;
    }

    /** Fills the columns an earlier load left out, from a row that has them (an undeferring query). */
    private static void fillUnloaded(EntityState st, Object[] row, int start, int[] positions) {
        for (ColumnProperty p : st.mapper().properties()) {
            int at = positions == null ? p.index() : positions[p.index()];
            if (at >= 0 && st.isUnloaded(p) && JavaTypes.same(p.get(st.object()), st.committed[p.index()])) {
                Object v = JavaTypes.convert(row[start + at], p);
                p.setConverted(st.object(), v);
                st.committed[p.index()] = JavaTypes.snapshot(v);
                st.markLoaded(p);
            }
        }
    }

    /**
     * Writes a row's values into an existing object. With {@code keepChanges}, a field assigned since the last
     * load keeps its value (it stays a change to flush against the new committed value).
     *
     * @param st the object's state
     * @param row the row's values
     * @param start the entity's first column
     * @param keepChanges keep unflushed field changes
     */
    public static void populate(EntityState st, Object[] row, int start, boolean keepChanges) {
        populate(st, row, start, null, keepChanges);
    }

    /**
     * As {@link #populate(EntityState, Object[], int, boolean)} for a load that leaves some columns out: a
     * deferred column keeps its field and committed value.
     *
     * @param st the object's state
     * @param row the row's values
     * @param start the entity's first column
     * @param positions property index to column offset, -1 when deferred; null when all are there in order
     * @param keepChanges keep unflushed field changes
     */
    public static void populate(EntityState st, Object[] row, int start, int[] positions, boolean keepChanges) {
        Object o = st.object();
        List<ColumnProperty> props = st.mapper().properties();
        Object[] committed = new Object[props.size()];
        for (ColumnProperty p : props) {
            Object current = p.get(o);
            int at = positions == null ? p.index() : positions[p.index()];
            if (at < 0) {
                committed[p.index()] = st.committed != null ? st.committed[p.index()] : JavaTypes.snapshot(current);
                continue;
            }
            st.markLoaded(p);
            boolean changed = st.committed != null && !JavaTypes.same(current, st.committed[p.index()]);
            Object loaded = JavaTypes.convert(row[start + at], p);
            if (!(keepChanges && changed)) {
                p.setConverted(o, loaded);
            }
            committed[p.index()] = JavaTypes.snapshot(loaded);
        }
        st.committed = committed;
        st.expired(false);
    }

    /**
     * SELECTs an object by key into the identity map, its relationships loaded as mapped.
     *
     * @param core the session
     * @param m the mapper
     * @param key the identity
     * @return the object, or null when no row has the key
     */
    public static Object loadByKey(SessionCore core, Mapper<?> m, IdentityKey key) {
        LoadContext ctx = new LoadContext(core);
        Object o;
        try (Result r = core.connection().execute(m.byKeyStatement(), m.byKeyParameters(key.values()))) {
            Row row = r.first();
            o = row == null ? null : entity(core, m, row.toArray(), 0, false,
                    m.relationships().isEmpty() ? null : ctx.node(LoadPlan.defaults(m)));
        }
        ctx.finish();
        return o;
    }

    /**
     * The current column values of a row by key, converted and snapshotted as committed values (indexed like the
     * mapper's properties), without creating or touching any object.
     *
     * @param core the session
     * @param m the mapper
     * @param key the identity
     * @return the values, or null when no row has that key
     */
    public static Object[] committedValues(SessionCore core, Mapper<?> m, IdentityKey key) {
        try (Result r = core.connection().execute(m.byKeyStatement(), m.byKeyParameters(key.values()))) {
            Row row = r.first();
            if (row == null) {
                return null;
            }
            List<ColumnProperty> props = m.properties();
            Object[] committed = new Object[props.size()];
            for (ColumnProperty p : props) {
                committed[p.index()] = JavaTypes.snapshot(JavaTypes.convert(row.get(p.index()), p));
            }
            return committed;
        }
    }

    /**
     * Reloads a persistent object's columns.
     *
     * @param core the session
     * @param st the state
     * @param discardChanges overwrite unflushed field changes
     * @return false when its row is gone
     */
    public static boolean reload(SessionCore core, EntityState st, boolean discardChanges) {
        try (Result r = core.connection().execute(st.mapper().byKeyStatement(),
                st.mapper().byKeyParameters(st.key.values()))) {
            Row row = r.first();
            if (row == null) {
                return false;
            }
            populate(st, row.toArray(), 0, !discardChanges);
            st.mapper().events().fireLoad(st.object(), true);
            return true;
        }
    }

    /**
     * Reloads some columns of a persistent object by one SELECT, overwriting their fields and committed values.
     *
     * @param core the session
     * @param st the state
     * @param columns the columns
     * @return false when the row is gone
     */
    public static boolean reloadColumns(SessionCore core, EntityState st, List<ColumnProperty> columns) {
        Mapper<?> m = st.mapper();
        Select s = Select.of(columns(columns).toArray()).where(m.primaryKeyCriteria(st.key.values()));
        try (Result r = core.connection().execute(s)) {
            Row row = r.first();
            if (row == null) {
                return false;
            }
            for (int i = 0; i < columns.size(); i++) {
                ColumnProperty p = columns.get(i);
                Object v = JavaTypes.convert(row.get(i), p);
                p.setConverted(st.object(), v);
                st.committed[p.index()] = JavaTypes.snapshot(v);
                st.markLoaded(p);
            }
            return true;
        }
    }

    /**
     * Resolves one many-to-one reference of an object again from its foreign key (the identity map first).
     *
     * @param core the session
     * @param st the state
     * @param r the reference
     */
    public static void resolveReference(SessionCore core, EntityState st, RelationshipProperty r) {
        LoadContext ctx = new LoadContext(core);
        if (r.direction() == RelationshipDirection.MANY_TO_ONE) {
            loadReferences(core, r, List.of(st), ctx, LoadPlan.defaults(r.target()));
        } else {
            List<List<Object>> found = selectRelated(core, r, List.of(st), ctx, LoadPlan.defaults(r.target()),
                    null, List.of());
            setLoaded(core, r, st, found.get(0));
        }
        ctx.finish();
    }

    // ------------------------------------------------------------------ relationships

    /**
     * Loads the members of one object's collection (a lazy load on first access).
     *
     * @param core the session
     * @param owner the owner's state
     * @param r the relationship
     * @param criteria loader criteria of the query that loaded the owner, for the target; empty for none
     * @return the members, in the relationship's order
     */
    public static List<Object> loadCollection(SessionCore core, EntityState owner, RelationshipProperty r,
            List<Expression<?>> criteria) {
        LoadContext ctx = new LoadContext(core);
        List<List<Object>> found = selectRelated(core, r, List.of(owner), ctx, LoadPlan.defaults(r.target()),
                null, criteria);
        ctx.finish();
        return found.get(0);
    }

    /**
     * Fills the many-to-one references of loaded objects as mapped (the default {@link Lazy#SELECT}): from the
     * identity map without SQL, the rest by one batched SELECT.
     *
     * @param core the session
     * @param states the objects
     */
    public static void resolveReferences(SessionCore core, List<EntityState> states) {
        if (states.isEmpty()) {
            return;
        }
        LoadContext ctx = new LoadContext(core);
        LoadContext.Node node = ctx.node(LoadPlan.defaults(states.get(0).mapper()));
        for (RelationshipProperty r : states.get(0).mapper().relationships()) {
            if (!r.isCollection()) {
                loadReferences(core, r, states, ctx, node.plan().child(r));
            }
        }
        ctx.finish();
    }

    /**
     * Loads the relationships of the objects a load produced, per the plan node: the strategies that run now
     * (selectin, subquery, references), the collections that wait for access (lazy, raise), recursively.
     */
    static void loadRelationships(SessionCore core, LoadContext ctx, LoadPlan plan, List<EntityState> fresh,
            List<EntityState> existing, LoadContext.Filled filled) {
        Mapper<?> m = plan.mapper();
        for (RelationshipProperty r : m.relationships()) {
            if (r.isWriteOnly()) {
                for (EntityState st : fresh) {
                    TrackedCollection.writeOnly(r, st);
                }
                continue;
            }
            Lazy strategy = plan.strategy(r, core.factory().strictLoading());
            if ((strategy == Lazy.JOINED || strategy == Lazy.CONTAINS_EAGER) && plan.isJoined(r)) {
                continue; // filled while the rows were read
            }
            switch (strategy) {
                case SELECT, CONTAINS_EAGER -> {
                    if (r.isCollection()) {
                        List<Expression<?>> criteria = plan.child(r).criteriaFor(r.target());
                        for (EntityState st : fresh) {
                            r.set(st.object(), TrackedCollection.unloaded(r, st, core, criteria));
                            st.relCommitted[r.index()] = EntityState.UNLOADED;
                        }
                    } else {
                        loadReferences(core, r, unloaded(fresh, r, filled), ctx, plan.child(r));
                    }
                }
                // JOINED here: a joined strategy below a second SELECT (selectinload(a).joinedload(b)), where the
                // rows come from that SELECT: loaded eagerly by one more SELECT ... IN, as asked, not lazily
                case SELECTIN, SUBQUERY, JOINED -> {
                    List<EntityState> parents = new ArrayList<>(r.isCollection() ? fresh : unloaded(fresh, r, filled));
                    for (EntityState st : existing) {
                        if (st.relCommitted[r.index()] == EntityState.UNLOADED) {
                            parents.add(st);
                        }
                    }
                    if (r.isCollection() || r.direction() != RelationshipDirection.MANY_TO_ONE) {
                        LoadPlan child = plan.child(r);
                        List<List<Object>> found = selectRelated(core, r, parents, ctx, child,
                                strategy == Lazy.SUBQUERY ? plan.statement() : null, child.criteriaFor(r.target()));
                        for (int i = 0; i < parents.size(); i++) {
                            setLoaded(core, r, parents.get(i), found.get(i));
                        }
                    } else {
                        loadReferences(core, r, parents, ctx, plan.child(r));
                    }
                }
                case RAISE -> {
                    for (EntityState st : fresh) {
                        r.set(st.object(), r.isCollection() ? TrackedCollection.raising(r, st, core) : null);
                        st.relCommitted[r.index()] = EntityState.UNLOADED;
                    }
                }
                case NOLOAD -> {
                    for (EntityState st : fresh) {
                        setLoaded(core, r, st, List.of());
                    }
                }
            }
        }
    }

    /** Sets a relationship to loaded members (a collection, or the one referenced object) and commits it. */
    static void setLoaded(SessionCore core, RelationshipProperty r, EntityState st, List<Object> members) {
        if (r.isCollection()) {
            r.set(st.object(), members instanceof MemberList own ? TrackedCollection.adopting(r, st, core, own.release())
                    : TrackedCollection.loaded(r, st, core, members));
        } else {
            r.set(st.object(), members.isEmpty() ? null : members.get(0));
        }
        st.commitRelationship(r);
    }

    /**
     * Fills a many-to-one reference of each object: null for a null foreign key, the target from the identity
     * map when there, the others with one SELECT ... IN per batch.
     */
    static void loadReferences(SessionCore core, RelationshipProperty r, List<EntityState> states, LoadContext ctx,
            LoadPlan targetPlan) {
        if (states.isEmpty()) {
            return;
        }
        Mapper<?> target = r.target();
        boolean byPrimaryKey = r.keySide().equals(target.primaryKey());
        List<EntityState> missing = new ArrayList<>();
        for (EntityState st : states) {
            if (anyUnloaded(st, r.fkSide())) {
                continue; // its foreign key was deferred: the reference stays unloaded too
            }
            Object[] fk = fkValues(r, st.object());
            if (fk == null) {
                r.set(st.object(), null);
                st.commitRelationship(r);
                continue;
            }
            EntityState found = byPrimaryKey ? core.identityMap.get(IdentityKey.of(target, converted(target
                    .primaryKey(), fk))) : null;
            if (found == null && byPrimaryKey && core.weakStates != null) {
                found = core.weakStates.find(IdentityKey.of(target, converted(target.primaryKey(), fk)));
            }
            if (found != null && !found.deletedFlushed()) {
                r.set(st.object(), found.object());
                st.commitRelationship(r);
            } else {
                missing.add(st);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<Object, Object> byKey = new LinkedHashMap<>();
        for (EntityState st : missing) {
            byKey.put(keyOf(r.keySide(), fkValues(r, st.object())), null);
        }
        List<Object> keys = new ArrayList<>(byKey.keySet());
        LoadContext.Node node = ctx.node(targetPlan);
        LoadPlan.Columns tc = targetPlan.columns();
        for (int i = 0; i < keys.size(); i += BATCH) {
            List<Object> chunk = keys.subList(i, Math.min(keys.size(), i + BATCH));
            Select s = Select.of(tc.through(target, ColumnProperty::column).toArray())
                    .where(inKeys(columns(r.keySide()), chunk));
            List<Expression<?>> criteria = targetPlan.criteriaFor(target);
            if (!criteria.isEmpty()) {
                s = s.where(criteria.toArray(Expression<?>[]::new));
            }
            try (Result res = core.connection().execute(s)) {
                res.forEachValues(row -> {
                    Object o = entity(core, target, row, 0, tc.positions(), false, node);
                    byKey.put(keyOf(r.keySide(), values(r.keySide(), o)), o);
                });
            }
        }
        for (EntityState st : missing) {
            r.set(st.object(), byKey.get(keyOf(r.keySide(), fkValues(r, st.object()))));
            st.commitRelationship(r);
        }
    }

    /**
     * SELECTs the related objects of several parents at once ({@code WHERE fk IN (...)}, through the
     * association table for many-to-many, or joined to the parents' query for a subquery load), grouped by
     * parent in the relationship's order.
     *
     * @return each parent's members, by the parent's position in {@code parents} (a new, modifiable list each)
     */
    static List<List<Object>> selectRelated(SessionCore core, RelationshipProperty r, List<EntityState> parents,
            LoadContext ctx, LoadPlan targetPlan, Select parentQuery, List<Expression<?>> criteria) {
        List<List<Object>> out = new ArrayList<>(parents.size());
        for (int i = 0; i < parents.size(); i++) {
            out.add(new MemberList());
        }
        if (parents.isEmpty()) {
            return out;
        }
        Mapper<?> target = r.target();
        boolean m2m = r.direction() == RelationshipDirection.MANY_TO_MANY;
        // the columns holding each row's parent key: the child's foreign key, or the association table's
        List<Expression<?>> parentKeyCols = m2m ? new ArrayList<>(r.secondaryParentColumns()) : columns(r.fkSide());
        Map<Object, Integer> byKey = new LinkedHashMap<>(); // a parent's key to its position
        for (int i = 0; i < parents.size(); i++) {
            Object key = keyOf(r.keySide(), values(r.keySide(), parents.get(i).object()));
            if (key != null) {
                byKey.put(key, i);
            }
        }
        List<Object> keys = new ArrayList<>(byKey.keySet());
        LoadContext.Node node = ctx.node(targetPlan);
        LoadPlan.Columns tc = targetPlan.columns();
        List<Expression<?>> cols = new ArrayList<>(tc.through(target, ColumnProperty::column));
        int keyStart = cols.size();
        if (m2m) {
            cols.addAll(parentKeyCols);
        }
        List<OrderByElement> order = new ArrayList<>();
        for (RelationshipProperty.OrderItem oi : r.orderBy()) {
            order.add(oi.descending() ? oi.property().column().desc() : oi.property().column().asc());
        }
        // the children's reference back to their parent, filled here: it is the parent the row was loaded for
        RelationshipProperty mirror = mirrorToFill(core, r, targetPlan);
        // a one-to-many child row names its one parent, so only many-to-many (duplicate association rows) can
        // repeat a member
        ColumnProperty singleKey = !m2m && r.keySide().size() == 1 ? r.keySide().get(0) : null;
        ColumnProperty singleFk = singleKey != null ? r.fkSide().get(0) : null;
        // where the row holds that foreign key (read there, not from the object), or -1 when the load defers it
        int fkAt = singleFk == null ? -1 : tc.positions() == null ? singleFk.index() : tc.positions()[singleFk.index()];
        int step = parentQuery != null ? Integer.MAX_VALUE : BATCH;
        // a single-column key is one expanding parameter, so that one statement (analysed and compiled once) runs
        // for every batch with the batch's keys; a composite key's test is written out per batch
        BindParameter<?> keysParam = parentQuery == null && parentKeyCols.size() == 1
                && parentKeyCols.get(0).type().javaType() != Object.class
                ? new BindParameter<>(KEYS_PARAM, null, parentKeyCols.get(0).type(), true, false, false) : null;
        Select shared = keysParam == null ? null
                : relatedSelect(r, cols, new InExpression(parentKeyCols.get(0), keysParam, false), criteria, order);
        for (int i = 0; i < keys.size(); i += step) {
            List<Object> chunk = keys.subList(i, Math.min(keys.size(), i + step));
            Select s = shared != null ? shared : relatedSelect(r, cols, parentQuery != null
                    ? inSubquery(parentKeyCols, r, parentQuery) : inKeys(parentKeyCols, chunk), criteria, order);
            try (Result res = shared != null ? core.connection().execute(s, Map.of(KEYS_PARAM, chunk))
                    : core.connection().execute(s)) {
                res.forEachValues(row -> {
                    EntityState child = state(core, target, row, 0, tc.positions(), false, node);
                    if (child == null) {
                        return;
                    }
                    Object o = child.object();
                    Object parentKey;
                    if (singleKey != null) {
                        parentKey = singleKeyOf(singleKey, fkAt >= 0 ? row[fkAt] : singleFk.get(o));
                    } else if (m2m) {
                        Object[] values = new Object[parentKeyCols.size()];
                        System.arraycopy(row, keyStart, values, 0, values.length);
                        parentKey = keyOf(r.keySide(), values);
                    } else {
                        parentKey = keyOf(r.keySide(), values(r.fkSide(), o));
                    }
                    Integer at = parentKey == null ? null : byKey.get(parentKey);
                    if (at != null) {
                        MemberList members = (MemberList) out.get(at);
                        if (m2m) {
                            members.addOnce(o);
                        } else {
                            members.add(o);
                        }
                        if (mirror != null && setMirror(mirror, child, parents.get(at).object())) {
                            node.referenceFilled(child, mirror);
                        }
                    }
                });
            }
        }
        return out;
    }

    /** The name of the expanding parameter that carries a batch's parent keys. */
    private static final String KEYS_PARAM = "retort_parent_keys";

    /** The SELECT of a relationship's targets (joined to the association table for many-to-many) that pass a test. */
    private static Select relatedSelect(RelationshipProperty r, List<Expression<?>> cols, Expression<Boolean> test,
            List<Expression<?>> criteria, List<OrderByElement> order) {
        Select s = Select.of(cols.toArray());
        if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
            List<Expression<?>> on = new ArrayList<>();
            for (int k = 0; k < r.targetKey().size(); k++) {
                on.add(r.secondaryTargetColumns().get(k).eq(r.targetKey().get(k).column()));
            }
            s = s.selectFrom(r.target().table().join(r.secondary(), Sql.and_(on.toArray(Expression<?>[]::new))));
        }
        s = s.where(test);
        if (!criteria.isEmpty()) {
            s = s.where(criteria.toArray(Expression<?>[]::new));
        }
        if (!order.isEmpty()) {
            s = s.orderBy(order.toArray(OrderByElement[]::new));
        }
        return s;
    }

    /**
     * The many-to-one reference of a relationship's targets back to its parent that a load of the relationship
     * fills with the parent: the reverse of a one-to-many, when the targets' plan would load it (not raise or
     * noload); else null.
     *
     * @param core the session
     * @param r the relationship being loaded
     * @param targetPlan the plan of its targets
     * @return the reference, or null
     */
    static RelationshipProperty mirrorToFill(SessionCore core, RelationshipProperty r, LoadPlan targetPlan) {
        RelationshipProperty mirror = r.reverse();
        if (mirror == null || mirror.isCollection() || r.direction() == RelationshipDirection.MANY_TO_MANY
                || mirror.direction() != RelationshipDirection.MANY_TO_ONE || mirror.target() != r.parent()) {
            return null;
        }
        Lazy strategy = targetPlan.strategy(mirror, core.factory().strictLoading());
        return strategy == Lazy.RAISE || strategy == Lazy.NOLOAD ? null : mirror;
    }

    /**
     * Sets a loaded child's many-to-one reference to the parent it was loaded under (the mirror of a one-to-many
     * being loaded), as its committed value, unless the reference was loaded already: SQLAlchemy would answer the
     * first access from the identity map, without SQL, with that same parent.
     *
     * @param mirror the child's reference
     * @param child the child's state
     * @param parent the parent object
     * @return true when it set the reference
     */
    static boolean setMirror(RelationshipProperty mirror, EntityState child, Object parent) {
        if (child.relCommitted[mirror.index()] == EntityState.UNLOADED && mirror.get(child.object()) == null) {
            mirror.set(child.object(), parent);
            child.relCommitted[mirror.index()] = parent;
            return true;
        }
        return false;
    }

    /**
     * The states whose many-to-one reference is still unloaded. A fresh object's reference is loaded only when its
     * parent's load just set it ({@link #setMirror}); a reloaded object's references were reset when it was
     * populated again, so they are resolved again.
     */
    private static List<EntityState> unloaded(List<EntityState> states, RelationshipProperty r,
            LoadContext.Filled filled) {
        if (filled != null && filled.rel() == r) { // only those the parent's load did not fill are read
            List<EntityState> out = new ArrayList<>();
            BitSet done = filled.positions();
            for (int i = done.nextClearBit(0); i < states.size(); i = done.nextClearBit(i + 1)) {
                EntityState st = states.get(i);
                if (st.relCommitted[r.index()] == EntityState.UNLOADED) {
                    out.add(st);
                }
            }
            return out;
        }
        List<EntityState> out = null;
        for (int i = 0; i < states.size(); i++) {
            EntityState st = states.get(i);
            boolean loaded = st.relCommitted[r.index()] != EntityState.UNLOADED;
            if (loaded && out == null) {
                out = new ArrayList<>(states.subList(0, i));
            } else if (!loaded && out != null) {
                out.add(st);
            }
        }
        return out == null ? states : out;
    }

    /** {@code (cols) IN (SELECT key FROM (<parents' query>))} for a subquery load. */
    private static Expression<Boolean> inSubquery(List<Expression<?>> cols, RelationshipProperty r, Select parents) {
        org.retort.sql.Subquery sub = parents.subquery();
        List<Expression<?>> keyCols = new ArrayList<>();
        for (ColumnProperty p : r.keySide()) {
            keyCols.add(sub.c(p.column().name()));
        }
        Select keys = Select.of(keyCols.toArray());
        if (cols.size() == 1) {
            return cols.get(0).in(keys);
        }
        return Sql.tuple(cols.toArray()).in(keys);
    }

    /** {@code cols IN (...)} for a single column, an OR of ANDs for a composite key. */
    static Expression<Boolean> inKeys(List<Expression<?>> cols, List<Object> keys) {
        if (cols.size() == 1) {
            return cols.get(0).untyped().in(keys);
        }
        List<Expression<?>> ors = new ArrayList<>();
        for (Object key : keys) {
            List<?> k = keyValues(key);
            List<Expression<?>> ands = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                ands.add(cols.get(i).untyped().eq(k.get(i)));
            }
            ors.add(Sql.and_(ands.toArray(Expression<?>[]::new)));
        }
        return Sql.or_(ors.toArray(Expression<?>[]::new));
    }

    static List<Expression<?>> columns(List<ColumnProperty> props) {
        List<Expression<?>> out = new ArrayList<>(props.size());
        for (ColumnProperty p : props) {
            out.add(p.column());
        }
        return out;
    }

    static List<Expression<?>> columnsOf(Mapper<?> m) {
        return columns(m.properties());
    }

    private static boolean anyUnloaded(EntityState st, List<ColumnProperty> props) {
        if (!st.hasUnloadedColumns()) {
            return false;
        }
        for (ColumnProperty p : props) {
            if (st.isUnloaded(p)) {
                return true;
            }
        }
        return false;
    }

    /** The values of properties of an object, or null when one is null. */
    static Object[] values(List<ColumnProperty> props, Object o) {
        Object[] v = new Object[props.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = props.get(i).get(o);
            if (v[i] == null) {
                return null;
            }
        }
        return v;
    }

    /** The foreign key values of a many-to-one reference, or null when one is null. */
    static Object[] fkValues(RelationshipProperty r, Object o) {
        return values(r.fkSide(), o);
    }

    private static Object[] converted(List<ColumnProperty> props, Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = JavaTypes.convertBoxed(values[i], props.get(i));
        }
        return out;
    }

    /**
     * A key as one value (single-column keys) or a list of values, converted to the key properties' types and
     * integers widened to {@code Long}, so equal keys are equal map keys whatever the driver returned.
     */
    static Object keyOf(List<ColumnProperty> props, Object[] values) {
        if (values == null) {
            return null;
        }
        if (values.length == 1) {
            return singleKeyOf(props.get(0), values[0]);
        }
        Object[] c = converted(props, values);
        for (int i = 0; i < c.length; i++) {
            c[i] = normalized(c[i]);
        }
        return List.of(c);
    }

    /**
     * A single-column key as {@link #keyOf} makes it, from the value of the key or of a column referring to it; null
     * for null. A key property of a final boxed type converts every value to that one class, so only keys of looser
     * types ({@code Object}, {@code Number}) are widened to {@code Long} (which allocates).
     */
    static Object singleKeyOf(ColumnProperty p, Object value) {
        if (value == null) {
            return null;
        }
        Object v = JavaTypes.convertBoxed(value, p);
        Class<?> t = p.boxedType();
        return t == Integer.class || t == Long.class || t == String.class ? v : normalized(v);
    }

    private static Object normalized(Object v) {
        return v instanceof Integer || v instanceof Short || v instanceof Byte ? (Object) ((Number) v).longValue() : v;
    }

    /** The values of a key made by {@link #keyOf}. */
    private static List<?> keyValues(Object key) {
        return key instanceof List<?> l ? l : List.of(key);
    }

    /** {@return the FROM item of an entity item} */
    static FromClause fromOf(OrmSelect.EntityItem e) {
        return e.from();
    }
}
