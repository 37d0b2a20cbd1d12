package org.retort.orm.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.orm.History;
import org.retort.orm.InstanceState;
import org.retort.orm.ObjectState;
import org.retort.orm.internal.collection.TrackedCollection;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.IdentityKey;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.MapperProperty;
import org.retort.orm.mapping.RelationshipProperty;

/**
 * The session's record of one mapped object: the one place its lifecycle fields live. The session core changes
 * them only through its state transitions; the flush and the loader read them.
 *
 * <p>Column values as last loaded or flushed are kept in {@link #committed}, indexed like the mapper's columns;
 * relationship values as last loaded or flushed in {@link #relCommitted}, indexed like its relationships (the
 * referenced object, or an array of the members of a collection; {@link #UNLOADED} when not loaded).
 */
public final class EntityState implements InstanceState {
    /** The committed value of a relationship that was never loaded. */
    public static final Object UNLOADED = new Object() {
        @Override
        public String toString() {
            return "UNLOADED";
        }
    };

    /**
     * The object; for a state a yieldPer query loaded and that is not pinned, a {@link WeakStates.Ref} to it instead
     * (a field of its own would make every state 8 bytes larger).
     */
    private Object object;
    private final Mapper<?> mapper;
    /** The owning session core (typed loosely to keep this package below the session package), or null. */
    public Object session;
    public IdentityKey key;
    /** Column values as last loaded or flushed, by property index; null while transient or pending. */
    public Object[] committed;
    /** Relationship values as last loaded or flushed, by relationship index; null when the mapper has none. */
    public Object[] relCommitted;
    /**
     * The last load node that recorded this object as new (dedupe without hashing); left in place after its load, since
     * each load's nodes are new objects.
     */
    public Object loadMark;
    /** The cascade walk that reached this object last (a walk visits each object once without hashing). */
    public Object visitMark;
    /**
     * The root transaction level (an {@code internal.session.TxLevel}) that remembered this state's committed values
     * for a rollback: a flush remembers each state once per transaction without hashing it.
     */
    public Object rootLevel;
    /** The keys a running flush copies into this object (an {@code internal.flush} list), else null. */
    public Object flushSyncs;
    /**
     * Bits 0 to 15: membership bits of the {@link StateSet}s holding this state (a session's pending and to-delete
     * sets); above them, the flags below. Booleans would make every state 8 bytes larger (80 instead of 72), and a
     * session holds one state per object.
     */
    int bits;
    /** session.delete() was called; the next flush DELETEs the row. */
    private static final int MARKED_DELETED = 1 << 16;
    /** The DELETE was flushed; commit makes the object detached. */
    private static final int DELETED_FLUSHED = 1 << 17;
    /** The values may be stale: the next query or get that returns the object reloads it. */
    private static final int EXPIRED = 1 << 18;
    /** The state is in its session's {@link StateIndex}. */
    private static final int MEMBER = 1 << 19;
    /** The state is in its StateIndex's join-order list (possibly no longer a member). */
    private static final int LISTED = 1 << 20;
    /** Bits of the columns a load left out ({@code defer}, {@code loadOnly}) and nothing loaded since. */
    private long unloadedColumns;

    /**
     * A state for an object.
     *
     * @param object the object
     * @param mapper its mapper
     */
    public EntityState(Object object, Mapper<?> mapper) {
        this.object = object;
        this.mapper = mapper;
        int rels = mapper.relationships().size();
        if (rels > 0) {
            relCommitted = new Object[rels];
            java.util.Arrays.fill(relCommitted, UNLOADED);
        }
    }

    private boolean flag(int f) {
        return (bits & f) != 0;
    }

    private void flag(int f, boolean on) {
        bits = on ? bits | f : bits & ~f;
    }

    /** {@return true when session.delete() was called: the next flush DELETEs the row} */
    public boolean markedDeleted() {
        return flag(MARKED_DELETED);
    }

    /** Sets whether session.delete() was called. */
    public void markedDeleted(boolean on) {
        flag(MARKED_DELETED, on);
    }

    /** {@return true when the DELETE was flushed: commit makes the object detached} */
    public boolean deletedFlushed() {
        return flag(DELETED_FLUSHED);
    }

    /** Sets whether the DELETE was flushed. */
    public void deletedFlushed(boolean on) {
        flag(DELETED_FLUSHED, on);
    }

    /** {@return true when the values may be stale: the next query or get that returns the object reloads it} */
    public boolean expired() {
        return flag(EXPIRED);
    }

    /** Sets whether the values may be stale. */
    public void expired(boolean on) {
        flag(EXPIRED, on);
    }

    /**
     * Leaves the session as it closes: no session, in none of its sets or its index, not marked for delete (whether
     * it is expired or its DELETE was flushed stays readable). One write, so that a closing session touches each of its
     * states once.
     */
    public void detach() {
        session = null;
        bits &= EXPIRED | DELETED_FLUSHED;
    }

    boolean member() {
        return flag(MEMBER);
    }

    void member(boolean on) {
        flag(MEMBER, on);
    }

    boolean listed() {
        return flag(LISTED);
    }

    void listed(boolean on) {
        flag(LISTED, on);
    }

    @Override
    public Object object() {
        Object o = object;
        return o instanceof WeakStates.Ref r ? r.get() : o;
    }

    /**
     * The object of a state held strongly (a session's own, or a weak one {@linkplain #pin() pinned}): the field as it
     * is. {@link #object()} looks at what the field refers to, which reads the object's header; a closing session
     * reads the object of every state, and each of those reads missed the processor's cache.
     */
    Object pinnedObject() {
        assert !(object instanceof WeakStates.Ref) : "not pinned";
        return object;
    }

    @Override
    public Mapper<?> mapper() {
        return mapper;
    }

    @Override
    public ObjectState state() {
        if (session == null) {
            return key == null ? ObjectState.TRANSIENT : ObjectState.DETACHED;
        }
        if (key == null) {
            return ObjectState.PENDING;
        }
        return deletedFlushed() ? ObjectState.DELETED : ObjectState.PERSISTENT;
    }

    @Override
    public IdentityKey identity() {
        return key;
    }

    @Override
    public boolean isExpired() {
        return expired();
    }

    @Override
    public boolean isMarkedForDelete() {
        return markedDeleted();
    }

    @Override
    public History history(String attributeName) {
        MapperProperty prop = mapper.attribute(attributeName);
        return switch (prop) {
            case ColumnProperty p -> columnHistory(p);
            case RelationshipProperty r -> relationshipHistory(r);
        };
    }

    private History columnHistory(ColumnProperty p) {
        Object current = p.get(object());
        if (committed == null && key != null) {
            return new History(List.of(), current == null ? List.of() : List.of(current), List.of());
        }
        if (committed == null) {
            return current == null ? new History(List.of(), List.of(), List.of())
                    : new History(List.of(current), List.of(), List.of());
        }
        Object old = committed[p.index()];
        if (JavaTypes.same(current, old)) {
            return new History(List.of(), current == null ? List.of() : List.of(current), List.of());
        }
        return new History(current == null ? List.of() : List.of(current), List.of(),
                old == null ? List.of() : List.of(old));
    }

    private History relationshipHistory(RelationshipProperty r) {
        Object current = r.get(object());
        if (current instanceof org.retort.orm.WriteOnlyCollection<?> w) {
            return new History(new ArrayList<>(w.pendingAdditions()), List.of(), new ArrayList<>(w.pendingRemovals()));
        }
        if (current instanceof TrackedCollection<?> t && !t.isLoaded()) {
            return new History(List.of(), List.of(), List.of());
        }
        List<Object> now = members(r, current);
        Object old = relCommitted == null ? UNLOADED : relCommitted[r.index()];
        List<Object> before = old == UNLOADED ? (key == null ? List.of() : now) : members(r, old);
        Set<Object> beforeSet = identitySet(before);
        Set<Object> nowSet = identitySet(now);
        List<Object> added = new ArrayList<>();
        List<Object> unchanged = new ArrayList<>();
        for (Object o : now) {
            (beforeSet.contains(o) ? unchanged : added).add(o);
        }
        List<Object> deleted = new ArrayList<>();
        for (Object o : before) {
            if (!nowSet.contains(o)) {
                deleted.add(o);
            }
        }
        return new History(added, unchanged, deleted);
    }

    /** The members of a relationship value: the collection's elements, the referenced object, or none. */
    public static List<Object> members(RelationshipProperty r, Object value) {
        if (value == null || value == UNLOADED) {
            return List.of();
        }
        if (value instanceof org.retort.orm.WriteOnlyCollection<?> w) {
            return new ArrayList<>(w.pendingAdditions()); // what the next flush adds: all that is in memory
        }
        if (value instanceof Object[] snapshot) {
            return java.util.Arrays.asList(snapshot);
        }
        if (!r.isCollection()) {
            return List.of(value);
        }
        Collection<?> c = value instanceof Map<?, ?> m ? m.values() : (Collection<?>) value;
        return new ArrayList<>(c);
    }

    /** A set comparing its elements by identity, as the identity map does for objects. */
    public static Set<Object> identitySet(Collection<?> objects) {
        Set<Object> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>(objects.size() * 2 + 1));
        s.addAll(objects);
        return s;
    }

    @Override
    public List<String> modifiedAttributes() {
        List<String> out = new ArrayList<>();
        if (committed == null && key != null) {
            return out;
        }
        for (ColumnProperty p : mapper.properties()) {
            if (committed == null ? p.get(object()) != null : !JavaTypes.same(p.get(object()), committed[p.index()])) {
                out.add(p.name());
            }
        }
        for (RelationshipProperty r : mapper.relationships()) {
            if (relationshipChanged(r)) {
                out.add(r.name());
            }
        }
        return out;
    }

    /** {@return true when a relationship's value differs from its committed one (by identity of its members)} */
    public boolean relationshipChanged(RelationshipProperty r) {
        Object current = r.get(object());
        if (current instanceof org.retort.orm.WriteOnlyCollection<?> w) {
            return !w.pendingAdditions().isEmpty() || !w.pendingRemovals().isEmpty();
        }
        Object old = relCommitted[r.index()];
        if (current instanceof TrackedCollection<?> t && !t.isLoaded()) {
            return false;
        }
        if (old == UNLOADED) {
            return key == null && !members(r, current).isEmpty();
        }
        if (!r.isCollection()) {
            return current != old;
        }
        List<Object> now = members(r, current);
        Object[] before = (Object[]) old;
        if (now.size() != before.length) {
            return true;
        }
        return !identitySet(now).containsAll(identitySet(java.util.Arrays.asList(before)));
    }

    /**
     * Records that a load left a column out.
     *
     * @param p the column
     */
    public void markUnloaded(ColumnProperty p) {
        if (p.index() < 64) {
            unloadedColumns |= 1L << p.index();
        }
    }

    /**
     * Records that a column was loaded.
     *
     * @param p the column
     */
    public void markLoaded(ColumnProperty p) {
        if (p.index() < 64) {
            unloadedColumns &= ~(1L << p.index());
        }
    }

    /** {@return true when a load left some column out and nothing loaded it since} */
    public boolean hasUnloadedColumns() {
        return unloadedColumns != 0;
    }

    /**
     * {@return true when a load left the column out and nothing loaded it since}
     *
     * @param p the column
     */
    public boolean isUnloaded(ColumnProperty p) {
        return p.index() < 64 && (unloadedColumns & 1L << p.index()) != 0;
    }

    @Override
    public Set<String> unloaded() {
        Set<String> out = new LinkedHashSet<>();
        if (unloadedColumns != 0) {
            for (ColumnProperty p : mapper.properties()) {
                if (p.index() < 64 && (unloadedColumns & 1L << p.index()) != 0) {
                    out.add(p.name());
                }
            }
        }
        for (RelationshipProperty r : mapper.relationships()) {
            Object current = r.get(object());
            if (r.isWriteOnly()) {
                continue;
            }
            if (current instanceof TrackedCollection<?> t ? !t.isLoaded()
                    : relCommitted[r.index()] == UNLOADED && key != null && current == null) {
                out.add(r.name());
            }
        }
        return out;
    }

    /** Records a relationship's current value as committed (after a load or flush). */
    public void commitRelationship(RelationshipProperty r) {
        Object current = r.get(object());
        if (r.isWriteOnly()) {
            if (current instanceof org.retort.orm.WriteOnlyCollection<?> w) {
                w.clearPending();
            }
            relCommitted[r.index()] = UNLOADED;
        } else if (current instanceof TrackedCollection<?> t && !t.isLoaded()) {
            relCommitted[r.index()] = UNLOADED;
        } else if (r.isCollection()) {
            relCommitted[r.index()] = current instanceof Collection<?> c ? c.toArray() : members(r, current).toArray();
        } else {
            relCommitted[r.index()] = current;
        }
    }

    /** Records every relationship's current value as committed. */
    public void commitRelationships() {
        if (relCommitted != null) {
            for (RelationshipProperty r : mapper.relationships()) {
                commitRelationship(r);
            }
        }
    }

    /** {@return the committed value of a column, or null when never loaded} */
    public Object committedValue(ColumnProperty p) {
        return committed == null ? null : committed[p.index()];
    }

    /** Reads every column field into a new array. */
    public Object[] currentValues() {
        Object[] v = new Object[mapper.properties().size()];
        mapper.readFields(object(), v);
        for (int i = 0; i < v.length; i++) {
            v[i] = JavaTypes.snapshot(v[i]);
        }
        return v;
    }

    /** Writes every column field from an array. */
    public void writeValues(Object[] values) {
        List<ColumnProperty> props = mapper.properties();
        for (int i = 0; i < values.length; i++) {
            props.get(i).set(object(), JavaTypes.snapshot(values[i]));
        }
    }

    @Override
    public String toString() {
        return "InstanceState[" + mapper.entityClass().getSimpleName() + " " + state()
                + (key == null ? "" : " " + key.values()) + "]";
    }

    // ------------------------------------------------------------------ weak identity (yieldPer loads)

    /**
     * Lets go of the object: from now on the state reaches it only through {@code ref}, until {@link #pin()}.
     *
     * @param ref a weak reference to this state's object, watched by the session's {@link WeakStates}
     */
    void weaken(WeakStates.Ref ref) {
        object = ref;
    }

    /** {@return the object, now held strongly (until {@link #weaken} again), or null when it was collected} */
    Object pin() {
        Object o = object;
        if (o instanceof WeakStates.Ref r) {
            o = r.get();
            if (o != null) {
                object = o;
            }
        }
        return o;
    }

    /** {@return the weak reference while the state holds its object only weakly, else null} */
    WeakStates.Ref weakRef() {
        return object instanceof WeakStates.Ref r ? r : null;
    }

    /** {@return true when this state's object is {@code o}} */
    boolean holds(Object o) {
        return object() == o;
    }
}
