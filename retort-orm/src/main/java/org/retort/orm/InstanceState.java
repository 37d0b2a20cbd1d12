package org.retort.orm;

import java.util.ArrayList;
import java.util.List;

/**
 * What a session knows about one mapped object (SQLAlchemy's {@code InstanceState}, returned by
 * {@link Session#inspect(Object)}): its {@link ObjectState}, identity, and the column values as last loaded or
 * flushed, from which attribute {@link History} and dirty checking are derived.
 *
 * <p>The state lives in the session, never in the object: entity classes stay plain. Changes are found by
 * comparing the fields with the committed snapshot, so a plain field assignment is a change.
 */
public final class InstanceState {
    private final Object object;
    private final Mapper<?> mapper;
    Session session;
    IdentityKey key;
    /** Column values as last loaded or flushed, by property index; null while transient or pending. */
    Object[] committed;
    /** session.delete() was called; the next flush DELETEs the row. */
    boolean markedDeleted;
    /** The DELETE was flushed; commit makes the object detached. */
    boolean deletedFlushed;
    /** The values may be stale: the next query or get that returns the object reloads it. */
    boolean expired;
    /** True while the state is in its session's {@link StateIndex}. */
    boolean member;
    /** True while the state is in its StateIndex's join-order list (possibly no longer a member). */
    boolean listed;
    /** Bits of the properties the current flush's INSERT filled in (defaults, generated keys), to empty on failure. */
    long insertFilled;

    InstanceState(Object object, Mapper<?> mapper) {
        this.object = object;
        this.mapper = mapper;
    }

    /** {@return the object} */
    public Object object() {
        return object;
    }

    /** {@return the object's mapper} */
    public Mapper<?> mapper() {
        return mapper;
    }

    /** {@return the object's state} */
    public ObjectState state() {
        if (session == null) {
            return key == null ? ObjectState.TRANSIENT : ObjectState.DETACHED;
        }
        if (key == null) {
            return ObjectState.PENDING;
        }
        return deletedFlushed ? ObjectState.DELETED : ObjectState.PERSISTENT;
    }

    /** {@return true for {@link ObjectState#TRANSIENT}} */
    public boolean isTransient() {
        return state() == ObjectState.TRANSIENT;
    }

    /** {@return true for {@link ObjectState#PENDING}} */
    public boolean isPending() {
        return state() == ObjectState.PENDING;
    }

    /** {@return true for {@link ObjectState#PERSISTENT}} */
    public boolean isPersistent() {
        return state() == ObjectState.PERSISTENT;
    }

    /** {@return true for {@link ObjectState#DELETED}} */
    public boolean isDeleted() {
        return state() == ObjectState.DELETED;
    }

    /** {@return true for {@link ObjectState#DETACHED}} */
    public boolean isDetached() {
        return state() == ObjectState.DETACHED;
    }

    /** {@return the identity key (mapper and primary key), or null before the object was flushed} */
    public IdentityKey identity() {
        return key;
    }

    /** {@return true when the values were expired (by commit, rollback or {@code expire}) and not reloaded since} */
    public boolean isExpired() {
        return expired;
    }

    /** {@return true when {@code session.delete} was called and not yet flushed} */
    public boolean isMarkedForDelete() {
        return markedDeleted;
    }

    /**
     * The history of one attribute: for a persistent object, the field compared with the committed value.
     *
     * <p>A detached object keeps its identity but not the values it was loaded with (keeping them would keep
     * every loaded value alive after its object), so its history shows the current value as unchanged; adding
     * it to a session reads its row, and from then on its history is exact.
     *
     * @param attributeName the field name
     * @return the history
     */
    public History history(String attributeName) {
        ColumnProperty p = mapper.property(attributeName);
        Object current = p.get(object);
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

    /**
     * {@return the names of the attributes whose fields differ from the committed values; none for a detached
     * object, whose loaded values are not kept (see {@link #history})}
     */
    public List<String> modifiedAttributes() {
        List<String> out = new ArrayList<>();
        if (committed == null && key != null) {
            return out;
        }
        for (ColumnProperty p : mapper.properties()) {
            if (committed == null ? p.get(object) != null : !JavaTypes.same(p.get(object), committed[p.index()])) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** {@return true when some field differs from its committed value (always true for a pending object with values)} */
    public boolean isModified() {
        return !modifiedAttributes().isEmpty();
    }

    /** {@return the committed value of an attribute, or null when never loaded} */
    Object committedValue(ColumnProperty p) {
        return committed == null ? null : committed[p.index()];
    }

    /** Reads every field into a new array. */
    Object[] currentValues() {
        List<ColumnProperty> props = mapper.properties();
        Object[] v = new Object[props.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = JavaTypes.snapshot(props.get(i).get(object));
        }
        return v;
    }

    /** Writes every field from an array. */
    void writeValues(Object[] values) {
        List<ColumnProperty> props = mapper.properties();
        for (int i = 0; i < values.length; i++) {
            props.get(i).set(object, JavaTypes.snapshot(values[i]));
        }
    }

    @Override
    public String toString() {
        return "InstanceState[" + mapper.entityClass().getSimpleName() + " " + state()
                + (key == null ? "" : " " + key.values()) + "]";
    }
}
