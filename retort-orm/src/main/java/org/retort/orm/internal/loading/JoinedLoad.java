package org.retort.orm.internal.loading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.engine.Result;
import org.retort.exc.ArgumentException;
import org.retort.orm.OrmResult;
import org.retort.orm.OrmRow;
import org.retort.orm.OrmSelect;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.internal.state.Identity;
import org.retort.orm.internal.state.StateMap;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.sql.ColumnClause;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.OrderBy;
import org.retort.sql.OrderByElement;
import org.retort.sql.Select;
import org.retort.sql.Sql;
import org.retort.sql.Subquery;
import org.retort.sql.TableAlias;

/**
 * Joined eager loading (SQLAlchemy's {@code joinedload}): the query gets a LEFT OUTER JOIN per joined
 * relationship, to an anonymous alias of the target (and of the association table for many-to-many), and the
 * targets' columns; each row then yields a parent and its related objects, and parents repeated by a collection's
 * rows come out once. With LIMIT or OFFSET and a joined collection, the parents' query becomes a subquery that
 * the joins attach to, so the limit counts parents.
 */
final class JoinedLoad {
    /** One joined relationship: from which parent (an entity item, or an earlier join), to which alias. */
    private static final class Spec {
        final int parent;
        final RelationshipProperty rel;
        /** The target's FROM item: an anonymous alias, or for containsEager the query's own table or alias. */
        final FromClause target;
        /** true for containsEager: the query makes the join itself. */
        final boolean userJoined;
        final LoadPlan childPlan;
        FromClause parentFrom;
        int start;

        Spec(int parent, RelationshipProperty rel, FromClause target, boolean userJoined, LoadPlan childPlan) {
            this.parent = parent;
            this.rel = rel;
            this.target = target;
            this.userJoined = userJoined;
            this.childPlan = childPlan;
        }

        /** A target column through the target's FROM item. */
        Expression<?> col(ColumnProperty p) {
            return column(target, p);
        }
    }

    private final LoadPlan plan;
    private final List<Spec> specs;
    private final boolean anyCollection;

    private JoinedLoad(LoadPlan plan, List<Spec> specs) {
        this.plan = plan;
        this.specs = specs;
        boolean c = false;
        for (Spec s : specs) {
            c |= s.rel.isCollection();
        }
        this.anyCollection = c;
    }

    /** {@return the joined loads of a statement, or null when nothing loads joined} */
    static JoinedLoad of(OrmSelect<?> stmt, LoadPlan plan) {
        List<Spec> specs = new ArrayList<>();
        List<OrmSelect.Item> items = stmt.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof OrmSelect.EntityItem e) {
                collect(plan.root(e.mapper()), -(i + 1), specs, 0);
            }
        }
        return specs.isEmpty() ? null : new JoinedLoad(plan, specs);
    }

    /** Adds the joined relationships of a node; parent is -(item+1) for an entity item, else a spec index. */
    private static void collect(LoadPlan node, int parent, List<Spec> specs, int depth) {
        if (depth > 8) {
            return; // a self-referential joined default stops here, as SQLAlchemy's join_depth does
        }
        for (RelationshipProperty r : node.mapper().relationships()) {
            Lazy strategy = node.strategy(r, false);
            if (strategy != Lazy.JOINED && strategy != Lazy.CONTAINS_EAGER || node.isJoined(r)) {
                continue;
            }
            if (strategy == Lazy.CONTAINS_EAGER && parent >= 0 && !specs.get(parent).userJoined) {
                continue; // below a joinedload the query has no join of its own: loads as mapped
            }
            if (r.isWriteOnly()) {
                throw new ArgumentException("Write-only relationship " + r + " cannot be loaded with the query; read "
                        + "it with its select()");
            }
            node.markJoined(r);
            LoadPlan child = node.child(r);
            FromClause target;
            boolean userJoined = strategy == Lazy.CONTAINS_EAGER;
            if (userJoined) {
                target = node.eagerAlias(r) != null ? node.eagerAlias(r).alias() : r.target().table();
            } else if (!child.criteriaFor(r.target()).isEmpty()) {
                if (r.target() == node.mapper() || tableUsed(specs, r.target())) {
                    throw new ArgumentException("withLoaderCriteria on " + r.target().entityClass().getSimpleName()
                            + " cannot apply to joinedload(" + r + "), which joins its table twice; use selectinload");
                }
                target = r.target().table(); // the criteria name the table's columns: join the table itself
            } else {
                target = r.target().table().alias();
            }
            specs.add(new Spec(parent, r, target, userJoined, child));
            collect(child, specs.size() - 1, specs, depth + 1);
        }
    }

    private static boolean tableUsed(List<Spec> specs, Mapper<?> m) {
        for (Spec s : specs) {
            if (s.target == m.table()) {
                return true;
            }
        }
        return false;
    }

    OrmResult run(SessionCore core, OrmSelect<?> stmt, Loader.Layout layout, Map<String, ?> params,
            LoadContext ctx) {
        List<OrmSelect.Item> items = stmt.items();
        Select s = layout.sql();
        FromClause[] itemFrom = new FromClause[items.size()];
        int[] itemStart = layout.starts().clone();
        int[][] itemPositions = layout.positions();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof OrmSelect.EntityItem e) {
                itemFrom[i] = e.from();
            }
        }
        boolean limited = s.limitClause() != null || s.offsetClause() != null;
        boolean joinedCollection = false;
        for (Spec spec : specs) {
            joinedCollection |= spec.rel.isCollection() && !spec.userJoined;
        }
        if (limited && joinedCollection) {
            if (items.size() != 1 || !(items.get(0) instanceof OrmSelect.EntityItem e)) {
                throw new ArgumentException("joinedload of a collection with LIMIT/OFFSET needs a query of one "
                        + "entity; use selectinload, which runs the limited query as written");
            }
            Subquery sub = s.subquery();
            List<Expression<?>> cols = plan.root(e.mapper()).columns().through(e.mapper(), p -> sub.c(p.column().name()));
            List<OrderByElement> order = new ArrayList<>();
            for (OrderBy o : s.orderByClause()) {
                if (!(o.expression() instanceof ColumnClause<?> c) || !c.table().name().equals(e.mapper().table().name())
                        || e.mapper().propertyForColumn(c.name()) == null) {
                    throw new ArgumentException("joinedload of a collection with LIMIT/OFFSET wraps the query in a "
                            + "subquery and can order it only by the entity's own columns; order by a mapped "
                            + "column, or use selectinload");
                }
                Expression<?> outer = sub.c(c.name());
                order.add(o.descending() ? outer.desc() : outer.asc());
            }
            s = Select.of(cols.toArray()).selectFrom(sub);
            if (!order.isEmpty()) {
                s = s.orderBy(order.toArray(OrderByElement[]::new));
            }
            itemFrom[0] = sub;
            itemStart[0] = 0;
        }
        int width = s.selectedColumns().size();
        List<OrderByElement> collectionOrder = new ArrayList<>();
        for (Spec spec : specs) {
            spec.parentFrom = spec.parent < 0 ? itemFrom[-spec.parent - 1] : specs.get(spec.parent).target;
            if (!spec.userJoined) {
                s = join(s, spec, spec.childPlan.criteriaFor(spec.rel.target()));
            }
            List<Expression<?>> cols = spec.childPlan.columns().through(spec.rel.target(), spec::col);
            spec.start = width;
            width += cols.size();
            s = s.addColumns(cols.toArray(Expression<?>[]::new));
            for (RelationshipProperty.OrderItem oi : spec.rel.orderBy()) {
                Expression<?> c = spec.col(oi.property());
                collectionOrder.add(oi.descending() ? c.desc() : c.asc());
            }
        }
        if (!collectionOrder.isEmpty()) {
            s = s.orderBy(collectionOrder.toArray(OrderByElement[]::new));
        }
        LoadContext.Node[] itemNodes = new LoadContext.Node[items.size()];
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof OrmSelect.EntityItem e) {
                itemNodes[i] = ctx.node(plan.root(e.mapper()));
            }
        }
        LoadContext.Node[] specNodes = new LoadContext.Node[specs.size()];
        for (int k = 0; k < specs.size(); k++) {
            specNodes[k] = ctx.node(specs.get(k).childPlan);
        }
        // members per spec per parent
        List<StateMap<MemberList>> members = new ArrayList<>();
        // each spec's parents in first-seen order, and the last parent a row named (rows come mostly grouped by
        // parent: one lookup per parent, not per row)
        List<List<EntityState>> parentsSeen = new ArrayList<>();
        EntityState[] lastParent = new EntityState[specs.size()];
        MemberList[] lastList = new MemberList[specs.size()];
        RelationshipProperty[] mirrors = new RelationshipProperty[specs.size()];
        for (int k = 0; k < specs.size(); k++) {
            members.add(new StateMap<>());
            parentsSeen.add(new ArrayList<>());
            mirrors[k] = Loader.mirrorToFill(core, specs.get(k).rel, specs.get(k).childPlan);
        }
        List<Object[]> rows = new ArrayList<>();
        // rows repeat per joined member: one object per row when one entity is selected, else whole rows
        Set<Object> seenObjects = anyCollection && items.size() == 1 ? Collections.newSetFromMap(new IdentityHashMap<>())
                : null;
        Map<List<Object>, Boolean> seenRows = anyCollection && seenObjects == null ? new LinkedHashMap<>() : null;
        // a spec joined to the one selected entity sees each of its objects first exactly where the result does: a
        // row whose root object that spec has not seen yet is a new row, with no set of the objects to consult
        int firstSightings = seenObjects == null ? -1 : specOfRoot(specs);
        boolean[] newRoot = new boolean[1];
        boolean populateExisting = stmt.isPopulateExisting();
        Object[] lastObject = new Object[1]; // the object of the last row kept (a joined collection repeats it)
        try (Result r = core.connection().execute(s, params)) {
            r.forEachValues(raw -> {
                Object[] values = new Object[items.size()];
                EntityState[] states = new EntityState[items.size()];
                for (int i = 0; i < values.length; i++) {
                    if (items.get(i) instanceof OrmSelect.EntityItem e) {
                        states[i] = Loader.state(core, e.mapper(), raw, itemStart[i], itemPositions[i],
                                populateExisting, itemNodes[i]);
                        values[i] = states[i] == null ? null : states[i].object();
                    } else {
                        values[i] = raw[itemStart[i]];
                    }
                }
                EntityState[] joined = new EntityState[specs.size()];
                for (int k = 0; k < specs.size(); k++) {
                    Spec spec = specs.get(k);
                    EntityState parent = spec.parent < 0 ? states[-spec.parent - 1] : joined[spec.parent];
                    if (parent == null) {
                        continue;
                    }
                    EntityState child = Loader.state(core, spec.rel.target(), raw, spec.start,
                            spec.childPlan.columns().positions(), populateExisting, specNodes[k]);
                    joined[k] = child;
                    MemberList list = lastList[k];
                    if (lastParent[k] != parent) {
                        list = members.get(k).get(parent);
                        if (list == null) {
                            list = new MemberList();
                            members.get(k).put(parent, list);
                            parentsSeen.get(k).add(parent);
                            newRoot[0] |= k == firstSightings;
                        }
                        lastParent[k] = parent;
                        lastList[k] = list;
                    }
                    if (child != null) {
                        list.addOnce(child.object());
                        if (mirrors[k] != null && Loader.setMirror(mirrors[k], child, parent.object())) {
                            specNodes[k].referenceFilled(child, mirrors[k]);
                        }
                    }
                }
                if (seenObjects != null && firstSightings >= 0 && states[0] != null) {
                    if (!newRoot[0]) {
                        return;
                    }
                    newRoot[0] = false;
                } else if (seenObjects != null) {
                    if (values[0] != null && values[0] == lastObject[0] || !seenObjects.add(values[0])) {
                        return;
                    }
                    lastObject[0] = values[0];
                } else if (seenRows != null) {
                    List<Object> identity = new ArrayList<>(values.length);
                    for (Object v : values) {
                        identity.add(v == null ? List.of() : new Identity(v));
                    }
                    if (seenRows.putIfAbsent(identity, Boolean.TRUE) != null) {
                        return;
                    }
                }
                rows.add(values);
            });
        }
        for (int k = 0; k < specs.size(); k++) {
            Spec spec = specs.get(k);
            LoadContext.Node parentNode = spec.parent < 0 ? itemNodes[-spec.parent - 1] : specNodes[spec.parent];
            for (EntityState st : parentsSeen.get(k)) {
                if (parentNode.isFresh(st) || st.relCommitted[spec.rel.index()] == EntityState.UNLOADED) {
                    Loader.setLoaded(core, spec.rel, st, members.get(k).get(st));
                }
            }
        }
        ctx.finish();
        if (items.size() == 1) {
            List<Object> singles = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                singles.add(row[0]);
            }
            return OrmResult.ofSingles(singles, singles.size());
        }
        List<OrmRow> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new OrmRow(row));
        }
        return new OrmResult(out, out.size());
    }

    /** {@return the first spec joined to the first selected entity, or -1} */
    private static int specOfRoot(List<Spec> specs) {
        for (int k = 0; k < specs.size(); k++) {
            if (specs.get(k).parent == -1) {
                return k;
            }
        }
        return -1;
    }

    /** Adds the LEFT OUTER JOIN of one spec: parent to target alias, through an association alias for many-to-many. */
    private static Select join(Select s, Spec spec, List<Expression<?>> criteria) {
        RelationshipProperty r = spec.rel;
        FromClause parent = spec.parentFrom;
        if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
            TableAlias assoc = r.secondary().alias();
            List<Expression<?>> on1 = new ArrayList<>();
            for (int i = 0; i < r.keySide().size(); i++) {
                on1.add(assoc.corresponding(r.secondaryParentColumns().get(i))
                        .eq(column(parent, r.keySide().get(i))));
            }
            List<Expression<?>> on2 = new ArrayList<>();
            for (int i = 0; i < r.targetKey().size(); i++) {
                on2.add(spec.col(r.targetKey().get(i)).eq(assoc.corresponding(r.secondaryTargetColumns().get(i))));
            }
            on2.addAll(criteria);
            return s.outerjoin(assoc, Sql.and_(on1.toArray(Expression<?>[]::new)))
                    .outerjoin(spec.target, Sql.and_(on2.toArray(Expression<?>[]::new)));
        }
        boolean targetHoldsFk = r.direction() == RelationshipDirection.ONE_TO_MANY;
        List<Expression<?>> on = new ArrayList<>();
        for (int i = 0; i < r.keySide().size(); i++) {
            ColumnProperty fk = r.fkSide().get(i);
            ColumnProperty key = r.keySide().get(i);
            Expression<?> fkCol = targetHoldsFk ? spec.col(fk) : column(parent, fk);
            Expression<?> keyCol = targetHoldsFk ? column(parent, key) : spec.col(key);
            on.add(fkCol.eq(keyCol));
        }
        on.addAll(criteria);
        return s.outerjoin(spec.target, Sql.and_(on.toArray(Expression<?>[]::new)));
    }

    /** A parent's column, through its FROM item (the table, an alias, or the wrapping subquery). */
    private static Expression<?> column(FromClause from, ColumnProperty p) {
        if (from instanceof TableAlias a) {
            return a.corresponding(p.column());
        }
        if (from instanceof Subquery sub) {
            return sub.c(p.column().name());
        }
        return p.column();
    }
}
