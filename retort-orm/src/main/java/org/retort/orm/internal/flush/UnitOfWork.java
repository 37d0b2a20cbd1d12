package org.retort.orm.internal.flush;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
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
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.IdentityKey;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.internal.collection.TrackedCollection;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.session.TxLevel;
import org.retort.orm.mapping.Cascade;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.orm.StaleDataException;
import org.retort.orm.MapperEvents;

/**
 * One flush: finds new, changed and deleted objects, orders their statements by the foreign keys between tables
 * (parents inserted first, children deleted first; add order within a table), batches rows with the same column
 * set, writes generated keys and server defaults back, and on failure rolls the database and the objects back
 * to where the flush began.
 */
public final class UnitOfWork {
    private static final String PK_PREFIX = "pk__";

    private final SessionCore session;
    /** The states the flush may change and, index for index, how to put each back if it fails. */
    private final List<EntityState> undoStates = new ArrayList<>();
    private final List<Undo> undo = new ArrayList<>();
    /**
     * The new objects whose fields this flush's INSERTs filled (Java defaults, generated keys) and, index for index,
     * the bits of those properties: a failed flush empties them again. Kept here, not on each state, because only a
     * running flush needs them.
     */
    private final List<EntityState> filledStates = new ArrayList<>();
    private long[] filledBits = new long[16];

    /** Everything about an object the flush may change, to put back if it fails. */
    private record Undo(IdentityKey key, Object[] committed, Object[] fields, boolean markedDeleted, boolean pending) {
    }

    /** The undo of most new objects: pending, nothing committed, fields put back from what the INSERT filled. */
    private static final Undo NEW_OBJECT = new Undo(null, null, null, false, true);

    /**
     * A flush of a session.
     *
     * @param session the session core
     */
    public UnitOfWork(SessionCore session) {
        this.session = session;
    }

    private boolean hasWork() {
        if (!session.pending.isEmpty() || !session.toDelete.isEmpty()) {
            return true;
        }
        // newest first and in join order: a program usually changed what it loaded last, and the objects are
        // read in the order they were allocated
        return session.states.anyNewestFirst(st -> st.key != null && st.committed != null && !st.deletedFlushed()
                && (isDirty(st) || relationshipsChanged(st)) && session.identityMap.get(st.key) == st);
    }

    /** Field values of the object being checked, reused from object to object (a flush runs on one thread). */
    private Object[] fields = new Object[16];

    private boolean isDirty(EntityState st) {
        Object[] committed = st.committed;
        int n = committed.length;
        if (fields.length < n) {
            fields = new Object[Math.max(n, 2 * fields.length)];
        }
        Object[] current = fields;
        st.mapper().readFields(st.object(), current); // one call for all the fields
        for (int i = 0; i < n; i++) {
            Object v = current[i];
            Object c = committed[i];
            // an unchanged field holds the committed reference itself: most objects never reach same()
            if (v != c && !JavaTypes.same(v, c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean relationshipsChanged(EntityState st) {
        if (st.relCommitted == null || st.committed == null) {
            return false;
        }
        for (RelationshipProperty r : st.mapper().relationships()) {
            if (!r.isViewOnly() && st.relationshipChanged(r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds to the session the objects that pending objects and persistent objects whose relationships changed reach
     * through save-update cascades (an object put into a collection or reference after its owner was added). Only
     * those can reach an object not yet here: a persistent object's unchanged relationships hold what it held when
     * last loaded or flushed.
     */
    private void cascadeSaveUpdate(List<EntityState> relChanged) {
        List<Object> reached = new ArrayList<>();
        for (EntityState st : session.pending) {
            reach(st, reached);
        }
        for (EntityState st : relChanged) {
            reach(st, reached);
        }
        for (Object o : reached) {
            if (session.stateOf(o) == null) {
                session.add(o);
            }
        }
    }

    /**
     * One pass over the persistent objects (not deleted or marked for delete): those whose column fields differ
     * from their committed values, and those whose relationships changed. A flush walks the session's objects
     * once here (it walked them up to four times), so a session that flushes in chunks pays one pass per flush.
     */
    private void scan(List<EntityState> dirty, List<EntityState> relChanged) {
        // the state index in join order, not the identity map in hash order: the objects are read in the order
        // they were allocated, which the processor's caches prefer
        for (EntityState st : session.states) {
            if (st.key == null || st.committed == null || st.deletedFlushed() || st.markedDeleted()) {
                continue;
            }
            boolean columns = isDirty(st);
            boolean relationships = st.relCommitted != null && relationshipsChanged(st);
            if ((columns || relationships) && session.identityMap.get(st.key) == st) {
                if (columns) {
                    dirty.add(st);
                }
                if (relationships) {
                    relChanged.add(st);
                }
            }
        }
    }

    private static void reach(EntityState st, List<Object> out) {
        if (st.relCommitted == null) {
            return;
        }
        for (RelationshipProperty r : st.mapper().relationships()) {
            if (!r.cascades(Cascade.SAVE_UPDATE) || r.isViewOnly()) {
                continue;
            }
            Object v = r.get(st.object());
            if (v == null || v instanceof TrackedCollection<?> t && !t.isLoaded()) {
                continue;
            }
            out.addAll(EntityState.members(r, v));
        }
    }

    /** Writes every change of the session, or none. */
    public void flush() {
        if (session.pending.isEmpty() && session.toDelete.isEmpty() && !hasWork()) {
            return;
        }
        session.fire(SessionCore.Event.BEFORE_FLUSH);
        // listeners may have added or changed objects: look after the event
        List<EntityState> dirty = new ArrayList<>();
        List<EntityState> relChanged = new ArrayList<>();
        scan(dirty, relChanged);
        int known = session.identityMap.size();
        cascadeSaveUpdate(relChanged);
        if (session.identityMap.size() != known) {
            // the cascade re-attached detached objects: they may be changed too
            dirty.clear();
            relChanged.clear();
            scan(dirty, relChanged);
        }
        Dependencies deps = new Dependencies(session, session.pending.size());
        try {
            write(deps, dirty, relChanged);
        } finally {
            deps.release();
        }
    }

    /** The flush once the changes are known: what the relationships need, then the statements, then the states. */
    private void write(Dependencies deps, List<EntityState> dirty, List<EntityState> relChanged) {
        for (EntityState st : new ArrayList<>(session.pending)) {
            if (st.relCommitted != null) {
                deps.process(st, false);
            }
        }
        for (EntityState st : relChanged) {
            if (!st.markedDeleted()) {
                deps.process(st, false);
            }
        }
        List<EntityState> deleted = new ArrayList<>(session.toDelete); // includes orphans found above
        for (EntityState st : deleted) {
            if (st.relCommitted != null) {
                deps.process(st, true);
            }
        }
        List<EntityState> inserts = new ArrayList<>(session.pending);
        List<EntityState> deletes = new ArrayList<>(session.toDelete);
        List<EntityState> updates = new ArrayList<>(dirty.size());
        for (EntityState st : dirty) {
            if (!st.markedDeleted()) {
                updates.add(st);
            }
        }
        for (EntityState st : deps.synced()) {
            // a persistent object whose foreign key a relationship sets, though its own fields are unchanged
            if (st.key != null && !st.deletedFlushed() && !st.markedDeleted() && session.identityMap.get(st.key) == st
                    && !isDirty(st)) {
                updates.add(st);
            }
        }
        if (inserts.isEmpty() && deletes.isEmpty() && updates.isEmpty() && deps.isEmpty()) {
            return;
        }
        updates.sort(UnitOfWork::byPrimaryKey); // a stable order of UPDATEs (and of their row locks)
        Map<EntityState, EntityState> switched = rowSwitches(inserts, deletes);
        if (!switched.isEmpty()) {
            inserts.removeAll(switched.keySet());
            deletes.removeAll(switched.values());
        }
        Map<Mapper<?>, List<EntityState>> insertsOf = byMapper(inserts);
        checkConflicts(inserts);
        Connection conn = session.connection();
        List<EntityState> replaced = new ArrayList<>(switched.values());
        int touched = inserts.size() + updates.size() + deletes.size() + 2 * switched.size();
        for (TxLevel tx : session.levels()) {
            tx.reserve(touched);
        }
        session.reserveIdentities(insertsOf);
        for (List<EntityState> group : List.of(inserts, updates, deletes, List.copyOf(switched.keySet()), replaced)) {
            for (EntityState st : group) {
                undoStates.add(st);
                // a new object's fields are put back from what its INSERT filled (filledStates), unless
                // a relationship copies a parent's key into it
                boolean narrowNew = st.key == null && st.mapper().properties().size() <= 63
                        && !deps.hasSyncs(st);
                // a flush changes a persistent object's fields only by a key copied into it, a client update default or
                // a before-update listener
                boolean fieldsKept = st.key != null && !deps.hasSyncs(st) && !setsFieldsOnUpdate(st.mapper());
                undo.add(narrowNew && !st.markedDeleted() && st.committed == null ? NEW_OBJECT
                        : new Undo(st.key, st.committed, narrowNew || fieldsKept ? null : st.currentValues(),
                                st.markedDeleted(), st.key == null));
                for (TxLevel tx : session.levels()) {
                    tx.remember(st);
                }
            }
        }
        for (Map.Entry<EntityState, EntityState> e : switched.entrySet()) {
            // a new object taking the key of one deleted in this flush: UPDATE the row instead (SQLAlchemy's row switch)
            Object o = e.getKey().object();
            for (ColumnProperty p : e.getKey().mapper().properties()) {
                if (p.get(o) == null && JavaTypes.isClient(p.column().insertDefault())) {
                    p.set(o, p.column().insertDefault().evaluate());
                }
            }
            e.getKey().committed = e.getValue().committed;
            e.getKey().key = e.getValue().key;
            updates.add(e.getKey());
        }
        try {
            Map<Mapper<?>, List<EntityState>> updatesOf = byMapper(updates);
            Map<Mapper<?>, List<EntityState>> deletesOf = byMapper(deletes);
            List<Mapper<?>> order = sortMappers(insertsOf.keySet(), updatesOf.keySet(), deletesOf.keySet());
            // levels matter only where a class refers to itself (a tree of new objects): other parents are
            // of another class, inserted before their children by the mapper order
            Map<EntityState, EntityState> newParents = deps.noSyncs() || !selfReferential(order) ? Map.of()
                    : deps.newParents();
            for (Mapper<?> m : order) {
                for (List<EntityState> level : levels(insertsOf.getOrDefault(m, List.of()), newParents)) {
                    for (EntityState st : level) {
                        deps.applyTo(st, false);
                    }
                    insertRows(conn, m, level);
                }
                List<EntityState> mine = updatesOf.getOrDefault(m, List.of());
                for (EntityState st : mine) {
                    deps.applyTo(st, false);
                }
                updateRows(conn, m, mine);
            }
            postUpdate(conn, deps);
            writeAssociations(conn, deps);
            for (int i = order.size() - 1; i >= 0; i--) {
                deleteRows(conn, order.get(i), childrenFirst(deletesOf.getOrDefault(order.get(i), List.of())));
            }
        } catch (RuntimeException e) {
            fail(e);
            throw e;
        }
        // every pending object was flushed (as an INSERT or a row switch), unless a listener added one meanwhile
        boolean allPendingFlushed = session.pending.size() == inserts.size() + switched.size();
        for (EntityState st : inserts) {
            st.committed = st.currentValues();
            st.key = st.mapper().identityOfValues(st.committed);
            if (!allPendingFlushed) {
                session.pending.remove(st);
            }
            session.identityMap.put(st.key, st);
        }
        for (EntityState st : updates) {
            IdentityKey old = st.key;
            st.committed = st.currentValues();
            IdentityKey now = st.mapper().identityOfValues(st.committed);
            if (!old.equals(now) || switched.containsKey(st)) {
                if (session.identityMap.get(old) == st || switched.containsKey(st)) {
                    session.identityMap.remove(old); // under the key it was put with, before the key changes
                }
                st.key = now;
                session.identityMap.put(now, st);
            } else {
                st.key = now;
            }
            if (!allPendingFlushed) {
                session.pending.remove(st);
            }
        }
        if (allPendingFlushed) {
            session.pending.clear();
        }
        for (EntityState st : replaced) {
            st.markedDeleted(false);
            st.deletedFlushed(true);
            session.toDelete.remove(st);
        }
        for (EntityState st : deletes) {
            st.markedDeleted(false);
            st.deletedFlushed(true);
            session.toDelete.remove(st);
            session.identityMap.remove(st.key);
        }
        deps.syncMirrors();
        for (EntityState st : deps.processed) {
            st.commitRelationships();
        }
        session.fire(SessionCore.Event.AFTER_FLUSH);
    }

    /**
     * Per mapper of this flush: whether an UPDATE of its objects may write into their fields (a client-side update
     * default, or a before-update listener, which may set anything).
     */
    private final Map<Mapper<?>, Boolean> writesOnUpdate = new java.util.IdentityHashMap<>();

    private boolean setsFieldsOnUpdate(Mapper<?> m) {
        return writesOnUpdate.computeIfAbsent(m, k -> {
            if (k.events().has(MapperEvents.Kind.BEFORE_UPDATE)) {
                return true;
            }
            for (ColumnProperty p : k.properties()) {
                if (JavaTypes.isClient(p.column().updateDefault())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** {@return true when one of the mappers has a relationship to itself} */
    private static boolean selfReferential(List<Mapper<?>> mappers) {
        for (Mapper<?> m : mappers) {
            for (RelationshipProperty r : m.relationships()) {
                if (r.target() == m) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Splits one mapper's new objects into levels that can be inserted together: an object whose parent (through
     * a self-referential relationship) is new in this flush goes in a level after its parent's.
     */
    private static List<List<EntityState>> levels(List<EntityState> states, Map<EntityState, EntityState> parents) {
        if (states.isEmpty()) {
            return List.of();
        }
        if (parents.isEmpty()) {
            return List.of(states);
        }
        Set<EntityState> here = Collections.newSetFromMap(new IdentityHashMap<>());
        here.addAll(states);
        Map<EntityState, Integer> depth = new IdentityHashMap<>();
        int max = 0;
        for (EntityState st : states) {
            int d = 0;
            EntityState p = parents.get(st);
            Set<EntityState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            while (p != null && here.contains(p) && seen.add(p)) {
                d++;
                p = parents.get(p);
            }
            if (p != null && here.contains(p)) {
                throw new InvalidRequestException("New objects of " + st.mapper().entityClass().getSimpleName()
                        + " refer to each other in a cycle; set postUpdate = true on the relationship");
            }
            depth.put(st, d);
            max = Math.max(max, d);
        }
        if (max == 0) {
            return List.of(states);
        }
        List<List<EntityState>> out = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            List<EntityState> level = new ArrayList<>();
            for (EntityState st : states) {
                if (depth.get(st) == d) {
                    level.add(st);
                }
            }
            out.add(level);
        }
        return out;
    }

    /**
     * Orders one mapper's deleted objects so that an object referring to another deleted object of the same
     * class (a child in a self-referential tree) is deleted before it.
     */
    private static List<EntityState> childrenFirst(List<EntityState> states) {
        if (states.size() < 2) {
            return states;
        }
        Mapper<?> m = states.get(0).mapper();
        List<RelationshipProperty> selfRefs = new ArrayList<>();
        for (RelationshipProperty r : m.relationships()) {
            if (r.target() == m && r.direction() == RelationshipDirection.MANY_TO_ONE) {
                selfRefs.add(r);
            }
        }
        if (selfRefs.isEmpty()) {
            return states;
        }
        Map<IdentityKey, EntityState> byKey = new java.util.HashMap<>();
        for (EntityState st : states) {
            byKey.put(st.key, st);
        }
        Map<EntityState, Integer> depth = new IdentityHashMap<>();
        for (EntityState st : states) {
            int d = 0;
            EntityState cur = st;
            Set<EntityState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            while (cur != null && seen.add(cur)) {
                EntityState parent = null;
                for (RelationshipProperty r : selfRefs) {
                    Object[] fk = new Object[r.fkSide().size()];
                    boolean any = true;
                    for (int i = 0; i < fk.length; i++) {
                        fk[i] = cur.committed[r.fkSide().get(i).index()];
                        any &= fk[i] != null;
                    }
                    if (any) {
                        parent = byKey.get(IdentityKey.of(m, fk));
                        if (parent != null) {
                            break;
                        }
                    }
                }
                if (parent != null) {
                    d++;
                }
                cur = parent;
            }
            depth.put(st, d);
        }
        List<EntityState> out = new ArrayList<>(states);
        out.sort((a, b) -> Integer.compare(depth.get(b), depth.get(a)));
        return out;
    }

    /** Writes references that wait for both rows to exist (post-update): one UPDATE per object. */
    private void postUpdate(Connection conn, Dependencies deps) {
        for (Map.Entry<EntityState, List<Dependencies.Sync>> e : deps.postUpdates().entrySet()) {
            EntityState st = e.getKey();
            if (st.markedDeleted()) {
                continue;
            }
            deps.applyTo(st, true);
            Mapper<?> m = st.mapper();
            Map<String, Object> params = new LinkedHashMap<>();
            for (Dependencies.Sync s : e.getValue()) {
                for (ColumnProperty p : s.fk()) {
                    params.put(p.column().name(), JavaTypes.dbValue(p, p.get(st.object())));
                }
            }
            for (ColumnProperty p : m.primaryKey()) {
                params.put(PK_PREFIX + p.column().name(), JavaTypes.dbValue(p, p.get(st.object())));
            }
            conn.execute(Sql.update(m.table()).where(pkByParams(m)), List.of(params));
        }
    }

    /** Deletes and inserts the association rows of many-to-many relationships. */
    private static void writeAssociations(Connection conn, Dependencies deps) {
        Map<RelationshipProperty, List<Map<String, Object>>> byRel = new LinkedHashMap<>();
        for (Dependencies.Pair p : deps.deletes) {
            byRel.computeIfAbsent(p.rel(), k -> new ArrayList<>()).add(Dependencies.rowOf(p));
        }
        for (Map.Entry<RelationshipProperty, List<Map<String, Object>>> e : byRel.entrySet()) {
            Table t = e.getKey().secondary();
            List<Expression<?>> where = new ArrayList<>();
            for (String col : e.getValue().get(0).keySet()) {
                where.add(t.c(col).eq(Sql.bindparam(col, t.c(col).type())));
            }
            conn.execute(Sql.delete(t).where(where.toArray(Expression<?>[]::new)), e.getValue());
        }
        for (Dependencies.Pair p : deps.deletedOwners) {
            RelationshipProperty r = p.rel();
            List<Expression<?>> where = new ArrayList<>();
            for (int i = 0; i < r.keySide().size(); i++) {
                ColumnProperty k = r.keySide().get(i);
                where.add(r.secondaryParentColumns().get(i).untyped().eq(JavaTypes.dbValue(k, k.get(p.parent()))));
            }
            conn.execute(Sql.delete(r.secondary()).where(where.toArray(Expression<?>[]::new)));
        }
        Map<Table, List<Map<String, Object>>> inserts = new LinkedHashMap<>();
        for (Dependencies.Pair p : deps.inserts) {
            inserts.computeIfAbsent(p.table(), k -> new ArrayList<>()).add(Dependencies.rowOf(p));
        }
        for (Map.Entry<Table, List<Map<String, Object>>> e : inserts.entrySet()) {
            conn.execute(Sql.insert(e.getKey()), e.getValue());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int byPrimaryKey(EntityState a, EntityState b) {
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
    private Map<EntityState, EntityState> rowSwitches(List<EntityState> inserts, List<EntityState> deletes) {
        Map<EntityState, EntityState> out = new LinkedHashMap<>();
        if (deletes.isEmpty()) {
            return out;
        }
        for (EntityState st : inserts) {
            IdentityKey key = st.mapper().identityOf(st.object());
            EntityState other = key.isPartial() ? null : session.identityMap.get(key);
            if (other != null && other != st && other.markedDeleted() && deletes.contains(other)) {
                out.put(st, other);
            }
        }
        return out;
    }

    private void checkConflicts(List<EntityState> inserts) {
        for (EntityState st : inserts) {
            if (st.mapper().keyUnset(st.object())) {
                continue; // the database generates its key: it cannot collide with a loaded object
            }
            IdentityKey key = st.mapper().identityOf(st.object());
            if (!key.isPartial()) {
                EntityState other = session.identityMap.get(key);
                if (other != null && other != st) {
                    throw new InvalidRequestException("New instance " + SessionCore.describe(st.object())
                            + " with identity " + key + " conflicts with persistent instance "
                            + SessionCore.describe(other.object()) + "; use merge() to copy its values onto the "
                            + "persistent one");
                }
            }
        }
    }

    private void fail(RuntimeException e) {
        for (int i = 0; i < filledStates.size(); i++) { // before the field copies below, which then win
            unfill(filledStates.get(i), filledBits[i]);
        }
        for (int i = 0; i < undoStates.size(); i++) {
            EntityState st = undoStates.get(i);
            Undo u = undo.get(i);
            if (u.fields() != null) {
                st.writeValues(u.fields());
            }
            st.key = u.key();
            st.committed = u.committed();
            st.markedDeleted(u.markedDeleted());
            st.deletedFlushed(false);
            if (!u.markedDeleted()) {
                session.toDelete.remove(st); // an orphan marked by this flush
            }
        }
        session.flushFailed(e);
    }

    /** Empties again the fields of a new object that its failed INSERT filled (Java defaults, generated keys). */
    private static void unfill(EntityState st, long filled) {
        List<ColumnProperty> props = st.mapper().properties();
        Object o = st.object();
        for (int k = 0; k < props.size(); k++) {
            if ((filled & (1L << k)) != 0) {
                ColumnProperty p = props.get(k);
                p.set(o, p.fieldType().isPrimitive() ? JavaTypes.zero(p.fieldType()) : null);
            }
        }
    }

    /**
     * The states of a group by mapper, each list in group order, mappers in order of first appearance. States come
     * mostly in runs of one class: a run costs one comparison per state, and a group of one class is returned as
     * it is, not copied.
     */
    private static Map<Mapper<?>, List<EntityState>> byMapper(List<EntityState> states) {
        if (states.isEmpty()) {
            return Map.of();
        }
        Mapper<?> first = states.get(0).mapper();
        Map<Mapper<?>, List<EntityState>> out = null;
        Mapper<?> last = first;
        List<EntityState> lastList = null;
        for (int i = 1; i < states.size(); i++) {
            EntityState st = states.get(i);
            Mapper<?> m = st.mapper();
            if (m != last) {
                if (out == null) { // a second class: the states so far were all of the first
                    out = new LinkedHashMap<>();
                    out.put(first, new ArrayList<>(states.subList(0, i)));
                }
                lastList = out.computeIfAbsent(m, k -> new ArrayList<>());
                last = m;
            } else if (out == null) {
                continue;
            }
            lastList.add(st);
        }
        return out != null ? out : Map.of(first, states);
    }

    /** Mappers ordered so that a table comes after the tables its foreign keys refer to (stable, Kahn). */
    @SafeVarargs
    private static List<Mapper<?>> sortMappers(Set<Mapper<?>>... groups) {
        Set<Mapper<?>> all = new LinkedHashSet<>();
        for (Set<Mapper<?>> g : groups) {
            all.addAll(g);
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
    private record InsertRow(EntityState state, Map<String, Object> params, Shape shape) {
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

    private void insertRows(Connection conn, Mapper<?> m, List<EntityState> states) {
        if (states.isEmpty()) {
            return;
        }
        boolean returning = conn.dialect().supportsReturning();
        List<InsertRow> rows = new ArrayList<>(states.size());
        Shapes shapes = new Shapes(m.properties());
        for (EntityState st : states) {
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
        for (EntityState st : states) {
            m.events().fire(MapperEvents.Kind.AFTER_INSERT, cast(m), conn, st.object());
        }
    }

    private InsertRow prepareInsert(Mapper<?> m, EntityState st, Shapes shapes) {
        Object o = st.object();
        List<ColumnProperty> props = m.properties();
        if (props.size() > 63) {
            return prepareWideInsert(m, st);
        }
        Object[] values = new Object[props.size()];
        m.readFields(o, values); // every field in one call; values is then overwritten front to back
        long written = 0;
        long filled = 0;
        int n = 0;
        for (int k = 0; k < props.size(); k++) {
            ColumnProperty p = props.get(k);
            Object v = insertValue(p, o, values[k]);
            if (v == FETCH) {
                filled |= 1L << k;
            } else {
                if (v instanceof Defaulted d) {
                    filled |= 1L << k;
                    v = d.value();
                }
                written |= 1L << k;
                values[n++] = JavaTypes.dbValue(p, v);
            }
        }
        if (filled != 0) {
            if (filledStates.size() == filledBits.length) {
                filledBits = java.util.Arrays.copyOf(filledBits, 2 * filledBits.length);
            }
            filledBits[filledStates.size()] = filled;
            filledStates.add(st);
        }
        Shape shape = shapes.of(written);
        return new InsertRow(st, new RowValues(shape.names(), values), shape); // values past n are not read
    }

    /** The shapes of one mapper's rows in a flush, by written bits; consecutive rows mostly share one. */
    private static final class Shapes {
        private final List<ColumnProperty> props;
        private final Map<Long, Shape> byBits = new java.util.HashMap<>();
        private Shape last;

        Shapes(List<ColumnProperty> props) {
            this.props = props;
        }

        Shape of(long written) {
            Shape s = last;
            if (s == null || s.written() != written) {
                s = byBits.computeIfAbsent(written, w -> shapeOf(props, w));
                last = s;
            }
            return s;
        }
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
    private InsertRow prepareWideInsert(Mapper<?> m, EntityState st) {
        Object o = st.object();
        Map<String, Object> params = new LinkedHashMap<>();
        List<ColumnProperty> fetch = new ArrayList<>();
        for (ColumnProperty p : m.properties()) {
            Object v = insertValue(p, o, p.get(o));
            if (v == FETCH) {
                fetch.add(p);
            } else {
                params.put(p.column().name(), JavaTypes.dbValue(p, v instanceof Defaulted d ? d.value() : v));
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
     * The value a property is inserted with, given its field's value {@code v}: that value, or its Java-side
     * default when it is null (written into the field, and returned as {@link Defaulted}), or {@link #FETCH} when
     * the database provides it (autoincrement, server default, computed, identity).
     */
    private static Object insertValue(ColumnProperty p, Object o, Object v) {
        Column<?> c = p.column();
        boolean defaulted = false;
        if (v == null && JavaTypes.isClient(c.insertDefault())) {
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

    /**
     * The RETURNING rows of a multi-row INSERT in the order of its rows. SQLite documents the order of RETURNING rows
     * as arbitrary and PostgreSQL documents none; an autoincrement integer key (a sequence, an identity, SQLite's
     * rowid, MariaDB's AUTO_INCREMENT) is handed out as the rows are processed, which for a plain multi-row VALUES is
     * row order on every database Retort runs on, so sorting by it matches rows to objects whatever order RETURNING
     * used (the sorting half of SQLAlchemy's sentinel scheme; SQLAlchemy, more cautious, also forces the processing
     * order with {@code INSERT ... SELECT ... ORDER BY} on PostgreSQL and runs one INSERT per row on SQLite, which
     * Core's {@code sortByParameterOrder()} offers). Rows already in order, the usual case, are only checked.
     */
    static List<Row> inInsertOrder(Mapper<?> m, List<ColumnProperty> fetch, List<Row> back) {
        if (back.size() < 2 || m.primaryKey().size() != 1 || !ascendingKeys(m.primaryKey().get(0).column())) {
            return back;
        }
        int at = fetch.indexOf(m.primaryKey().get(0));
        if (at < 0) {
            return back;
        }
        long previous = Long.MIN_VALUE;
        boolean sorted = true;
        for (Row r : back) {
            if (!(r.get(at) instanceof Number n)) {
                return back; // not an integer key after all: keep the order as returned
            }
            sorted &= n.longValue() > previous;
            previous = n.longValue();
        }
        if (sorted) {
            return back;
        }
        List<Row> ordered = new ArrayList<>(back);
        ordered.sort(java.util.Comparator.comparingLong(r -> ((Number) r.get(at)).longValue()));
        return ordered;
    }

    /** {@return true for an autoincrement key whose values only grow: no descending or cycling sequence} */
    private static boolean ascendingKeys(org.retort.schema.Column<?> c) {
        if (!c.isAutoincrement()) {
            return false;
        }
        org.retort.schema.Sequence seq = c.sequence();
        if (seq != null && (seq.cycle() || seq.increment() != null && seq.increment() < 0)) {
            return false;
        }
        org.retort.schema.Identity id = c.identity();
        return id == null || !id.cycle() && (id.increment() == null || id.increment() > 0);
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
            back = inInsertOrder(m, fetch, back);
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


    // ------------------------------------------------------------------ UPDATE

    private void updateRows(Connection conn, Mapper<?> m, List<EntityState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<ColumnProperty> props = m.properties();
        List<ColumnProperty> pk = m.primaryKey();
        int n = props.size();
        // objects are grouped by the columns they change (one executemany per group), in the order groups appear;
        // the parameter set of an object is its changed values then its key, under names shared by the group
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        Map<Object, String[]> namesOf = new HashMap<>();
        List<EntityState> written = new ArrayList<>();
        boolean[] changed = new boolean[n];
        for (EntityState st : states) {
            m.events().fire(MapperEvents.Kind.BEFORE_UPDATE, cast(m), conn, st.object());
            Object o = st.object();
            Object[] current = new Object[n];
            m.readFields(o, current);
            int count = 0;
            for (int i = 0; i < n; i++) {
                Object c = st.committed[i];
                changed[i] = current[i] != c && !JavaTypes.same(current[i], c);
                count += changed[i] ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                ColumnProperty p = props.get(i);
                if (!changed[i] && JavaTypes.isClient(p.column().updateDefault())) {
                    p.set(o, p.column().updateDefault().evaluate());
                    current[i] = p.get(o);
                    changed[i] = true;
                    count++;
                }
            }
            Object group = groupKey(changed, props);
            String[] names = namesOf.computeIfAbsent(group, g -> setNames(changed, props, pk));
            Object[] values = new Object[count + pk.size()];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (changed[i]) {
                    values[k++] = JavaTypes.dbValue(props.get(i), current[i]);
                }
            }
            for (ColumnProperty p : pk) {
                values[k++] = JavaTypes.dbValue(p, st.committed[p.index()]);
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new RowValues(names, values));
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
        for (EntityState st : written) {
            m.events().fire(MapperEvents.Kind.AFTER_UPDATE, cast(m), conn, st.object());
        }
    }

    /** The key of a set of changed columns: a bit mask where the mapper has at most 64 columns, else their names. */
    private static Object groupKey(boolean[] changed, List<ColumnProperty> props) {
        if (changed.length <= 64) {
            long mask = 0;
            for (int i = 0; i < changed.length; i++) {
                if (changed[i]) {
                    mask |= 1L << i;
                }
            }
            return mask;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                names.add(props.get(i).column().name());
            }
        }
        return names;
    }

    /** The parameter names of an UPDATE of some columns: the columns in mapper order, then the key's. */
    private static String[] setNames(boolean[] changed, List<ColumnProperty> props, List<ColumnProperty> pk) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < changed.length; i++) {
            if (changed[i]) {
                names.add(props.get(i).column().name());
            }
        }
        for (ColumnProperty p : pk) {
            names.add(PK_PREFIX + p.column().name());
        }
        return names.toArray(String[]::new);
    }

    private static Expression<?>[] pkByParams(Mapper<?> m) {
        List<Expression<?>> where = new ArrayList<>();
        for (ColumnProperty p : m.primaryKey()) {
            where.add(p.column().eq(Sql.bindparam(PK_PREFIX + p.column().name(), p.column().type())));
        }
        return where.toArray(Expression<?>[]::new);
    }

    // ------------------------------------------------------------------ DELETE

    private void deleteRows(Connection conn, Mapper<?> m, List<EntityState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Map<String, Object>> sets = new ArrayList<>();
        for (EntityState st : states) {
            m.events().fire(MapperEvents.Kind.BEFORE_DELETE, cast(m), conn, st.object());
            Map<String, Object> params = new LinkedHashMap<>();
            for (ColumnProperty p : m.primaryKey()) {
                params.put(PK_PREFIX + p.column().name(), JavaTypes.dbValue(p, st.committed[p.index()]));
            }
            sets.add(params);
        }
        Delete stmt = Sql.delete(m.table()).where(pkByParams(m));
        conn.execute(stmt, sets);
        for (EntityState st : states) {
            m.events().fire(MapperEvents.Kind.AFTER_DELETE, cast(m), conn, st.object());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Mapper<T> cast(Mapper<?> m) {
        return (Mapper<T>) m;
    }

}
