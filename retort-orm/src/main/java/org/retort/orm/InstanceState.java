package org.retort.orm;

import java.util.List;
import java.util.Set;
import org.retort.orm.mapping.IdentityKey;
import org.retort.orm.mapping.Mapper;

/**
 * What a session knows about one mapped object (SQLAlchemy's {@code InstanceState}, returned by
 * {@link Session#inspect(Object)}): its {@link ObjectState}, identity, which attributes are loaded, and the
 * column values as last loaded or flushed, from which attribute {@link History} and dirty checking are derived.
 *
 * <p>The state lives in the session, never in the object: entity classes stay plain. Changes are found by
 * comparing the fields with the committed snapshot, so a plain field assignment is a change.
 */
public interface InstanceState {
    /** {@return the object} */
    Object object();

    /** {@return the object's mapper} */
    Mapper<?> mapper();

    /** {@return the object's state} */
    ObjectState state();

    /** {@return true for {@link ObjectState#TRANSIENT}} */
    default boolean isTransient() {
        return state() == ObjectState.TRANSIENT;
    }

    /** {@return true for {@link ObjectState#PENDING}} */
    default boolean isPending() {
        return state() == ObjectState.PENDING;
    }

    /** {@return true for {@link ObjectState#PERSISTENT}} */
    default boolean isPersistent() {
        return state() == ObjectState.PERSISTENT;
    }

    /** {@return true for {@link ObjectState#DELETED}} */
    default boolean isDeleted() {
        return state() == ObjectState.DELETED;
    }

    /** {@return true for {@link ObjectState#DETACHED}} */
    default boolean isDetached() {
        return state() == ObjectState.DETACHED;
    }

    /** {@return the identity key (mapper and primary key), or null before the object was flushed} */
    IdentityKey identity();

    /** {@return true when the values were expired (by commit, rollback or {@code expire}) and not reloaded since} */
    boolean isExpired();

    /** {@return true when {@code session.delete} was called and not yet flushed} */
    boolean isMarkedForDelete();

    /**
     * The history of one attribute: for a column, the field compared with the committed value; for a
     * relationship, the objects added to and removed from it since it was loaded or flushed.
     *
     * <p>A detached object keeps its identity but not the values it was loaded with (keeping them would keep
     * every loaded value alive after its object), so its history shows the current value as unchanged; adding
     * it to a session reads its row, and from then on its history is exact.
     *
     * @param attributeName the field name
     * @return the history
     */
    History history(String attributeName);

    /**
     * {@return the names of the attributes whose fields differ from the committed values; none for a detached
     * object, whose loaded values are not kept (see {@link #history})}
     */
    List<String> modifiedAttributes();

    /** {@return true when some field differs from its committed value (always true for a pending object with values)} */
    default boolean isModified() {
        return !modifiedAttributes().isEmpty();
    }

    /**
     * {@return the attributes not loaded: columns a query deferred ({@code defer}, {@code loadOnly},
     * {@code @MappedColumn(deferred = true)}), a lazy collection not yet accessed, a reference left unloaded by
     * {@code raiseload}, or an expired one}
     */
    Set<String> unloaded();
}
