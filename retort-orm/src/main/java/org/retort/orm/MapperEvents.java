package org.retort.orm;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.retort.engine.Connection;
import org.retort.event.Registration;
import org.retort.orm.mapping.Mapper;

/**
 * The events of one mapper (SQLAlchemy's {@code MapperEvents} and {@code InstanceEvents}): persistence listeners run
 * per row inside the flush, in registration order, on the flush's connection; load and refresh listeners run as
 * query rows become objects.
 *
 * <pre>{@code
 * registry.mapper(User.class).events().onBeforeInsert((mapper, conn, user) -> user.created = LocalDateTime.now());
 * }</pre>
 *
 * @param <T> the mapped class
 */
public final class MapperEvents<T> {
    /** The persistence events, in flush order. */
    public enum Kind {
        /** Before an object's INSERT. */
        BEFORE_INSERT,
        /** After an object's INSERT. */
        AFTER_INSERT,
        /** Before an object's UPDATE. */
        BEFORE_UPDATE,
        /** After an object's UPDATE. */
        AFTER_UPDATE,
        /** Before an object's DELETE. */
        BEFORE_DELETE,
        /** After an object's DELETE. */
        AFTER_DELETE
    }

    private final List<List<PersistenceListener<T>>> listeners = List.of(new CopyOnWriteArrayList<>(),
            new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
            new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());

    private final List<Consumer<T>> onLoad = new CopyOnWriteArrayList<>();
    private final List<Consumer<T>> onRefresh = new CopyOnWriteArrayList<>();

    /** Creates an empty set of listeners; each {@link Mapper} has one. */
    public MapperEvents() {
    }

    private Registration add(Kind kind, PersistenceListener<T> listener) {
        Objects.requireNonNull(listener, "listener");
        List<PersistenceListener<T>> l = listeners.get(kind.ordinal());
        l.add(listener);
        return () -> l.remove(listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called before each INSERT of an object
     */
    public Registration onBeforeInsert(PersistenceListener<T> listener) {
        return add(Kind.BEFORE_INSERT, listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called after each INSERT, with generated keys written back
     */
    public Registration onAfterInsert(PersistenceListener<T> listener) {
        return add(Kind.AFTER_INSERT, listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called before each UPDATE of a changed object
     */
    public Registration onBeforeUpdate(PersistenceListener<T> listener) {
        return add(Kind.BEFORE_UPDATE, listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called after each UPDATE
     */
    public Registration onAfterUpdate(PersistenceListener<T> listener) {
        return add(Kind.AFTER_UPDATE, listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called before each DELETE
     */
    public Registration onBeforeDelete(PersistenceListener<T> listener) {
        return add(Kind.BEFORE_DELETE, listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called after each DELETE
     */
    public Registration onAfterDelete(PersistenceListener<T> listener) {
        return add(Kind.AFTER_DELETE, listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called when a query creates the object from a row (SQLAlchemy's {@code load})
     */
    public Registration onLoad(Consumer<T> listener) {
        Objects.requireNonNull(listener, "listener");
        onLoad.add(listener);
        return () -> onLoad.remove(listener);
    }

    /**
     * {@return its registration}
     *
     * @param listener called when an existing object's fields are reloaded from a row ({@code refresh})
     */
    public Registration onRefresh(Consumer<T> listener) {
        Objects.requireNonNull(listener, "listener");
        onRefresh.add(listener);
        return () -> onRefresh.remove(listener);
    }

    /**
     * Delivers a load or refresh event; called by the ORM's loader.
     *
     * @param target the object
     * @param refresh true for a reload of an existing object
     */
    @SuppressWarnings("unchecked")
    public void fireLoad(Object target, boolean refresh) {
        for (Consumer<T> l : refresh ? onRefresh : onLoad) {
            l.accept((T) target);
        }
    }

    /**
     * {@return true when a listener is registered for the event}
     *
     * @param kind the event
     */
    public boolean has(Kind kind) {
        return !listeners.get(kind.ordinal()).isEmpty();
    }

    /**
     * Delivers a persistence event; called by the ORM's flush.
     *
     * @param kind the event
     * @param mapper the object's mapper
     * @param connection the flush's connection
     * @param target the object
     */
    @SuppressWarnings("unchecked")
    public void fire(Kind kind, Mapper<T> mapper, Connection connection, Object target) {
        for (PersistenceListener<T> l : listeners.get(kind.ordinal())) {
            l.handle(mapper, connection, (T) target);
        }
    }
}
