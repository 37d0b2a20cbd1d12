package org.retort.orm.internal.flush;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.internal.collection.TrackedCollection;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.internal.state.Identity;
import org.retort.orm.mapping.Cascade;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.schema.Column;
import org.retort.schema.Table;

/**
 * What the relationships of a flush's objects ask of it (SQLAlchemy's dependency processors): foreign keys to
 * copy from parents into children once the parents have keys, children whose parent went away (nulled, or
 * deleted as orphans), association rows to insert and delete, and references written after both rows exist
 * (post-update). Computed from each object's relationships compared with their committed values.
 */
final class Dependencies {
    /**
     * Copy a parent's key into a child's foreign key ({@code parent == null}: set it to NULL).
     *
     * @param child the state holding the foreign key
     * @param fk the foreign key properties of the child
     * @param key the parent's key properties, pairwise
     * @param parent the parent object, or null
     * @param postUpdate written by a second UPDATE after both rows exist
     */
    record Sync(EntityState child, List<ColumnProperty> fk, List<ColumnProperty> key, Object parent,
            boolean postUpdate) {
    }

    /** One association row: the table, and the objects whose keys fill its parent-side and target-side columns. */
    record Pair(RelationshipProperty rel, Object parent, Object target) {
        Table table() {
            return rel.secondary();
        }
    }

    /**
     * A child's syncs, kept on its state ({@link EntityState#flushSyncs}) while the flush runs, so that the flush
     * finds them without hashing the state; {@code owner} tells a list of this flush from one a failed flush left.
     */
    static final class SyncList extends ArrayList<Sync> {
        private final transient Dependencies owner;

        SyncList(Dependencies owner) {
            super(2);
            this.owner = owner;
        }
    }

    private final SessionCore core;
    /** The states that have syncs, in the order of their first; each one's list is on the state. */
    private final List<EntityState> synced;
    final List<Pair> inserts = new ArrayList<>();
    final List<Pair> deletes = new ArrayList<>();
    /** Association rows of deleted objects: (relationship, deleted object on its parent side). */
    final List<Pair> deletedOwners = new ArrayList<>();
    /** States whose relationships the flush processed, to commit them when it succeeds. */
    final List<EntityState> processed = new ArrayList<>();
    /**
     * The other side of a relationship written through one side, to set after the flush: {@code holder}'s
     * {@code rel} gets {@code other}. The holder's state when known, else null (looked up then).
     */
    record Mirror(Object holder, EntityState holderState, Object other, RelationshipProperty rel) {
    }

    final List<Mirror> mirrors = new ArrayList<>();
    /** True once a post-update sync was recorded: most flushes have none and skip looking for them. */
    private boolean anyPostUpdate;
    private final Set<Object> pairKeys = java.util.Collections.newSetFromMap(new java.util.HashMap<>());

    /**
     * @param core the session
     * @param expected about how many objects receive keys (the new ones), to size the sync map once
     */
    Dependencies(SessionCore core, int expected) {
        this.core = core;
        this.synced = new ArrayList<>(expected);
    }

    /** {@return true when the state's relationships ask for nothing} */
    boolean isEmpty() {
        return synced.isEmpty() && inserts.isEmpty() && deletes.isEmpty() && deletedOwners.isEmpty();
    }

    /** {@return the syncs this flush recorded for a state, or null} */
    SyncList syncsOf(EntityState st) {
        return st.flushSyncs instanceof SyncList l && l.owner == this ? l : null;
    }

    /** {@return true when this flush copies some parent's key into the state} */
    boolean hasSyncs(EntityState st) {
        return syncsOf(st) != null;
    }

    /** {@return true when no state receives a key} */
    boolean noSyncs() {
        return synced.isEmpty();
    }

    /** {@return the states that receive keys, in the order of their first sync} */
    List<EntityState> synced() {
        return synced;
    }

    /** Takes the syncs off the states, once the flush is over (whether it succeeded or not). */
    void release() {
        for (EntityState st : synced) {
            if (syncsOf(st) != null) {
                st.flushSyncs = null;
            }
        }
    }

    /**
     * Collects what an object's relationships need: for a new object every relationship it holds, for a
     * persistent one those that changed, for a deleted one its children and association rows.
     */
    void process(EntityState st, boolean deleted) {
        Mapper<?> m = st.mapper();
        boolean any = false;
        for (RelationshipProperty r : m.relationships()) {
            if (r.isViewOnly()) {
                continue;
            }
            if (deleted) {
                any |= processDelete(st, r);
                continue;
            }
            Object current = r.get(st.object());
            if (current instanceof TrackedCollection<?> t && !t.isLoaded()) {
                continue;
            }
            if (current instanceof org.retort.orm.WriteOnlyCollection<?> w) {
                any |= processWriteOnly(st, r, w);
                continue;
            }
            boolean isNew = st.key == null;
            if (!isNew && !st.relationshipChanged(r)) {
                continue;
            }
            any = true;
            List<Object> now = EntityState.members(r, current);
            Object old = st.relCommitted[r.index()];
            List<Object> before = old == EntityState.UNLOADED ? List.of() : EntityState.members(r, old);
            // identity sets only where members are compared: a new object's collections are all additions
            boolean compare = r.direction() != RelationshipDirection.MANY_TO_ONE && !before.isEmpty();
            Set<Object> beforeSet = compare ? EntityState.identitySet(before) : Set.of();
            Set<Object> nowSet = compare ? EntityState.identitySet(now) : Set.of();
            switch (r.direction()) {
                case MANY_TO_ONE -> {
                    Object parent = now.isEmpty() ? null : now.get(0);
                    if (isNew && parent == null) {
                        break; // a new object's reference never set: its foreign key fields stand as written
                    }
                    sync(new Sync(st, r.fkSide(), r.keySide(), parent, r.isPostUpdate()));
                    if (parent != null && r.reverse() != null && r.reverse().isCollection()) {
                        mirrors.add(new Mirror(parent, null, st.object(), r.reverse()));
                    }
                    if (!isNew && before.size() == 1 && before.get(0) != parent && r.cascades(Cascade.DELETE_ORPHAN)) {
                        orphan(before.get(0), r);
                    }
                }
                case ONE_TO_MANY -> {
                    for (Object gone : before) {
                        if (!nowSet.contains(gone)) {
                            if (r.cascades(Cascade.DELETE_ORPHAN)) {
                                orphan(gone, r);
                            } else {
                                EntityState child = core.stateOf(gone);
                                if (child != null && !hasSyncs(child) && stillRefers(child, r, st)) {
                                    sync(new Sync(child, r.fkSide(), r.keySide(), null, r.isPostUpdate()));
                                }
                            }
                        }
                    }
                    for (Object added : now) {
                        if (isNew || !compare || !beforeSet.contains(added)) {
                            EntityState child = core.stateOf(added);
                            if (child == null) {
                                throw new InvalidRequestException("Object " + SessionCore.describe(added) + " in "
                                        + r + " of " + SessionCore.describe(st.object()) + " is not in the session "
                                        + "(the relationship has no save-update cascade); add it first");
                            }
                            sync(new Sync(child, r.fkSide(), r.keySide(), st.object(), r.isPostUpdate()));
                            if (r.reverse() != null && !r.reverse().isCollection()) {
                                mirrors.add(new Mirror(added, child, st.object(), r.reverse()));
                            }
                        }
                    }
                }
                case MANY_TO_MANY -> {
                    for (Object gone : before) {
                        if (!nowSet.contains(gone)) {
                            pair(deletes, r, st.object(), gone);
                        }
                    }
                    for (Object added : now) {
                        if (isNew || !compare || !beforeSet.contains(added)) {
                            if (core.stateOf(added) == null) {
                                throw new InvalidRequestException("Object " + SessionCore.describe(added) + " in "
                                        + r + " is not in the session; add it first");
                            }
                            pair(inserts, r, st.object(), added);
                        }
                    }
                }
            }
        }
        if (any || st.key == null) {
            processed.add(st);
        }
    }

    /** The recorded additions and removals of a write-only collection, as one-to-many or many-to-many changes. */
    private boolean processWriteOnly(EntityState st, RelationshipProperty r, org.retort.orm.WriteOnlyCollection<?> w) {
        if (w.pendingAdditions().isEmpty() && w.pendingRemovals().isEmpty()) {
            return false;
        }
        for (Object gone : w.pendingRemovals()) {
            if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
                pair(deletes, r, st.object(), gone);
            } else if (r.cascades(Cascade.DELETE_ORPHAN)) {
                orphan(gone, r);
            } else {
                EntityState child = core.stateOf(gone);
                if (child != null && stillRefers(child, r, st)) {
                    sync(new Sync(child, r.fkSide(), r.keySide(), null, r.isPostUpdate()));
                }
            }
        }
        for (Object added : w.pendingAdditions()) {
            if (core.stateOf(added) == null) {
                throw new InvalidRequestException("Object " + SessionCore.describe(added) + " added to " + r
                        + " is not in the session (the relationship has no save-update cascade); add it first");
            }
            if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
                pair(inserts, r, st.object(), added);
            } else {
                sync(new Sync(core.stateOf(added), r.fkSide(), r.keySide(), st.object(), r.isPostUpdate()));
            }
        }
        return true;
    }

    /** Whether a removed child still points at this parent (it was not moved to another one meanwhile). */
    private static boolean stillRefers(EntityState child, RelationshipProperty r, EntityState parent) {
        for (int i = 0; i < r.fkSide().size(); i++) {
            Object fk = r.fkSide().get(i).get(child.object());
            Object key = r.keySide().get(i).get(parent.object());
            if (fk == null || !org.retort.orm.internal.mapping.JavaTypes.same(fk, key)
                    && !String.valueOf(fk).equals(String.valueOf(key))) {
                return false;
            }
        }
        return true;
    }

    /** A deleted parent: its children's foreign keys set to NULL (unless deleted too), its association rows removed. */
    private boolean processDelete(EntityState st, RelationshipProperty r) {
        switch (r.direction()) {
            case MANY_TO_ONE -> {
                return false;
            }
            case ONE_TO_MANY -> {
                if (r.cascades(Cascade.DELETE) || r.isPassiveDeletes() || r.isWriteOnly()) {
                    return false; // the children are deleted with it (session cascade or the database)
                }
                Object current = r.get(st.object());
                if (current instanceof TrackedCollection<?> t) {
                    t.ensureLoaded(); // SQLAlchemy loads the children to null their foreign keys
                }
                Object old = st.relCommitted[r.index()];
                List<Object> children = new ArrayList<>(EntityState.members(r, r.get(st.object())));
                if (old != EntityState.UNLOADED) {
                    for (Object o : EntityState.members(r, old)) {
                        if (!TrackedCollection.containsSame(children, o)) {
                            children.add(o);
                        }
                    }
                }
                for (Object c : children) {
                    EntityState child = core.stateOf(c);
                    if (child != null && child.key != null && !child.markedDeleted() && stillRefers(child, r, st)) {
                        sync(new Sync(child, r.fkSide(), r.keySide(), null, false));
                    }
                }
                return !children.isEmpty();
            }
            case MANY_TO_MANY -> {
                if (r.isPassiveDeletes()) {
                    return false;
                }
                deletedOwners.add(new Pair(r, st.object(), null));
                return true;
            }
        }
        return false;
    }

    private void orphan(Object gone, RelationshipProperty r) {
        EntityState child = core.stateOf(gone);
        if (child == null || child.markedDeleted() || child.deletedFlushed()) {
            return;
        }
        if (child.key == null) {
            core.expungeState(child);
        } else {
            child.markedDeleted(true);
            core.toDelete.add(child);
        }
    }

    private void sync(Sync s) {
        anyPostUpdate |= s.postUpdate();
        EntityState child = s.child();
        SyncList list = syncsOf(child);
        if (list == null) {
            list = new SyncList(this);
            child.flushSyncs = list;
            synced.add(child);
        } else {
            list.removeIf(x -> x.fk().equals(s.fk()));
        }
        list.add(s);
    }

    /** Records an association row once, whichever side of a back-populated pair reported it. */
    private void pair(List<Pair> into, RelationshipProperty r, Object parent, Object target) {
        RelationshipProperty mirror = r.reverse();
        boolean useMirror = mirror != null && mirror.secondary() == r.secondary()
                && (mirror.parent().entityClass().getName() + mirror.name())
                        .compareTo(r.parent().entityClass().getName() + r.name()) < 0;
        Pair p = useMirror ? new Pair(mirror, target, parent) : new Pair(r, parent, target);
        List<Object> key = List.of(into == inserts ? "+" : "-", p.rel(), new Identity(p.parent()), new Identity(p.target()));
        if (pairKeys.add(key)) {
            into.add(p);
        }
    }

    /** {@return the states that receive foreign keys from a parent that is itself new in this flush} */
    Map<EntityState, EntityState> newParents() {
        Map<EntityState, EntityState> out = new IdentityHashMap<>();
        for (EntityState child : synced) {
            for (Sync s : syncsOf(child)) {
                if (s.parent() != null && !s.postUpdate()) {
                    EntityState p = core.stateOf(s.parent());
                    if (p != null && p.key == null) {
                        out.put(child, p);
                    }
                }
            }
        }
        return out;
    }

    /** Copies the parents' keys into one child's foreign key fields (except post-update ones). */
    void applyTo(EntityState child, boolean postUpdate) {
        List<Sync> list = syncsOf(child);
        if (list == null) {
            return;
        }
        for (Sync s : list) {
            if (s.postUpdate() != postUpdate) {
                continue;
            }
            for (int i = 0; i < s.fk().size(); i++) {
                Object v = null;
                if (s.parent() != null) {
                    v = s.key().get(i).get(s.parent());
                    if (v == null) {
                        EntityState p = core.stateOf(s.parent());
                        throw new InvalidRequestException("Cannot set " + s.fk().get(i) + " of "
                                + SessionCore.describe(child.object()) + ": its parent "
                                + SessionCore.describe(s.parent()) + " has no key yet" + (p != null && p.key == null
                                        ? " (the two rows depend on each other: a cycle; set postUpdate = true on "
                                        + "one of the relationships)" : ""));
                    }
                }
                s.fk().get(i).set(child.object(), v);
            }
        }
    }

    /** {@return the children with post-update syncs, and the foreign key columns each gets} */
    Map<EntityState, List<Sync>> postUpdates() {
        if (!anyPostUpdate) {
            return Map.of();
        }
        Map<EntityState, List<Sync>> out = new LinkedHashMap<>();
        for (EntityState child : synced) {
            for (Sync s : syncsOf(child)) {
                if (s.postUpdate()) {
                    out.computeIfAbsent(child, k -> new ArrayList<>()).add(s);
                }
            }
        }
        return out;
    }

    /** The association row values of a pair: column name to the key value of the object on that side. */
    static Map<String, Object> rowOf(Pair p) {
        Map<String, Object> row = new LinkedHashMap<>();
        RelationshipProperty r = p.rel();
        for (int i = 0; i < r.keySide().size(); i++) {
            Column<?> c = r.secondaryParentColumns().get(i);
            row.put(c.name(), org.retort.orm.internal.mapping.JavaTypes.dbValue(r.keySide().get(i),
                    r.keySide().get(i).get(p.parent())));
        }
        for (int i = 0; i < r.targetKey().size(); i++) {
            Column<?> c = r.secondaryTargetColumns().get(i);
            row.put(c.name(), org.retort.orm.internal.mapping.JavaTypes.dbValue(r.targetKey().get(i),
                    r.targetKey().get(i).get(p.target())));
        }
        return row;
    }

    /** After a successful flush: the mirror side of relationships written through one side. */
    void syncMirrors() {
        for (Mirror m : mirrors) {
            Object holder = m.holder();
            Object other = m.other();
            RelationshipProperty mirror = m.rel();
            if (!mirror.isCollection()) {
                if (mirror.get(holder) == null) {
                    mirror.set(holder, other);
                    EntityState st = m.holderState() != null ? m.holderState() : core.stateOf(holder);
                    if (st != null) {
                        st.commitRelationship(mirror);
                    }
                }
                continue;
            }
            EntityState st = m.holderState() != null ? m.holderState() : core.stateOf(holder);
            Object coll = mirror.get(holder);
            if (coll instanceof TrackedCollection<?> t) {
                if (t.isLoaded() && !TrackedCollection.containsSame(EntityState.members(mirror, coll), other)) {
                    t.addQuietly(other);
                    if (st != null && st.relCommitted[mirror.index()] != EntityState.UNLOADED) {
                        st.commitRelationship(mirror);
                    }
                }
            } else if (coll instanceof java.util.Collection<?> plain && !TrackedCollection.containsSame(plain, other)) {
                @SuppressWarnings("unchecked")
                java.util.Collection<Object> c = (java.util.Collection<Object>) plain;
                c.add(other);
                if (st != null && st.relCommitted[mirror.index()] != EntityState.UNLOADED) {
                    st.commitRelationship(mirror);
                }
            }
        }
    }

    /** {@return whether a relationship direction is one the flush copies keys for} */
    static boolean copiesKeys(RelationshipDirection d) {
        return d != RelationshipDirection.MANY_TO_MANY;
    }
}
