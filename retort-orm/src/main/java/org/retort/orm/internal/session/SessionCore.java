package org.retort.orm.internal.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.Registry;
import org.retort.orm.SessionFactory;
import org.retort.orm.internal.collection.TrackedCollection;
import org.retort.orm.internal.flush.UnitOfWork;
import org.retort.orm.internal.loading.Loader;
import org.retort.orm.internal.mapping.JavaTypes;
import org.retort.orm.internal.state.DetachedStates;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.internal.state.IdentityMap;
import org.retort.orm.internal.state.StateIndex;
import org.retort.orm.internal.state.StateSet;
import org.retort.orm.internal.state.WeakStates;
import org.retort.orm.mapping.Cascade;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.IdentityKey;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipProperty;

/**
 * The inside of a session: its objects (identity map, state index, pending and deleted sets), its transactions,
 * and the one place where an object's lifecycle changes (transient, pending, persistent, deleted, detached).
 * {@code add}, {@code delete}, {@code expunge}, {@code merge}, the flush, the loader, commit and rollback all go
 * through the transitions here; the public {@code Session} is a facade over it.
 */
public final class SessionCore {
    /** The session events the core raises; the facade delivers them to listeners. */
    public enum Event {
        /** Before a flush writes anything. */
        BEFORE_FLUSH,
        /** After a flush wrote everything. */
        AFTER_FLUSH,
        /** After the transaction committed. */
        AFTER_COMMIT,
        /** After the transaction rolled back. */
        AFTER_ROLLBACK
    }

    private final SessionFactory factory;
    private final Engine engine;
    private final Consumer<Event> events;
    /** One state per identity. */
    public final IdentityMap identityMap = new IdentityMap();
    /** Every object of the session, by object identity. */
    public final StateIndex states = new StateIndex();
    /** The objects yieldPer queries loaded, held weakly until modified or looked up; null before the first one. */
    public WeakStates weakStates;
    /** Pending objects, in add order. */
    public final Set<EntityState> pending = new StateSet(0);
    /** Objects marked for delete, in mark order. */
    public final Set<EntityState> toDelete = new StateSet(1);
    private final TransactionControl tx = new TransactionControl(this);
    private boolean closed;
    private boolean flushing;
    private boolean noAutoflush;

    /**
     * A core for a session of a factory.
     *
     * @param factory the factory whose settings and registry the session uses
     * @param events receives the session events
     */
    public SessionCore(SessionFactory factory, Consumer<Event> events) {
        this.factory = factory;
        this.engine = factory.engine();
        this.events = events;
    }

    /** {@return the factory} */
    public SessionFactory factory() {
        return factory;
    }

    /** {@return the engine} */
    public Engine engine() {
        return engine;
    }

    /**
     * Raises a session event.
     *
     * @param e the event
     */
    public void fire(Event e) {
        events.accept(e);
    }

    /** Fails when the session is closed or its transaction failed in a flush. */
    public void checkUsable() {
        if (closed) {
            throw new InvalidRequestException("This Session is closed; open a new one");
        }
        if (tx.failure() != null) {
            throw new InvalidRequestException("This Session's transaction has been rolled back due to a previous "
                    + "exception during flush (" + tx.failure() + "); call rollback() to begin a new transaction");
        }
    }

    /** {@return true after close} */
    public boolean isClosed() {
        return closed;
    }

    // ------------------------------------------------------------------ mappers and states

    /**
     * The mapper of a class: from the factory's registry, else as the registries published it.
     *
     * @param type the class
     * @param <T> the class
     * @return the mapper
     */
    public <T> Mapper<T> mapper(Class<T> type) {
        Registry r = factory.registry();
        return r != null ? r.mapper(type) : Registry.published(type);
    }

    /**
     * {@return the mapper of an object's class, or a clear error when it is not mapped}
     *
     * @param object the object
     */
    public Mapper<?> mapperOf(Object object) {
        Objects.requireNonNull(object, "object");
        return mapper(object.getClass());
    }

    /**
     * {@return the state of an object: its own when in this session, else a transient or detached view}
     *
     * @param object a mapped object
     */
    public EntityState inspect(Object object) {
        EntityState st = states.get(object);
        if (st != null) {
            return st;
        }
        st = new EntityState(object, mapperOf(object));
        DetachedStates.Entry d = DetachedStates.get(object);
        if (d != null) {
            st.key = d.key(); // its loaded values are not kept (see DetachedStates)
        }
        return st;
    }

    /**
     * {@return an object's state in this session, or null}
     *
     * @param object the object
     */
    public EntityState stateOf(Object object) {
        return states.get(object);
    }

    /** {@return the objects whose fields or relationships differ from their committed values} */
    public List<Object> dirty() {
        if (weakStates != null) {
            weakStates.promoteModified();
        }
        List<Object> out = new ArrayList<>();
        for (EntityState st : identityMap.values()) {
            if (!st.deletedFlushed() && st.isModified()) {
                out.add(st.object());
            }
        }
        return out;
    }

    /**
     * A readable name of an object for messages.
     *
     * @param object the object
     * @return class name and identity hash
     */
    public static String describe(Object object) {
        return object.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }

    // ------------------------------------------------------------------ transitions

    /**
     * transient to pending, or detached to persistent; cascades save-update along relationships.
     *
     * @param object a mapped object
     */
    public void add(Object object) {
        List<Object> work = new ArrayList<>();
        work.add(object);
        addWithCascade(work);
    }

    /**
     * Adds objects in order, as {@link #add} each.
     *
     * @param objects the objects
     */
    public void addAll(Collection<?> objects) {
        states.reserve(objects.size());
        addWithCascade(new ArrayList<>(objects));
    }

    /** Adds the objects of a work list and everything they reach through save-update cascades. */
    private void addWithCascade(List<Object> work) {
        Object walk = new Object(); // marks the states this walk reached: each is followed once
        for (int i = 0; i < work.size(); i++) {
            EntityState st = addOne(work.get(i));
            if (st != null && st.visitMark != walk) {
                st.visitMark = walk;
                Cascades.reach(st, Cascade.SAVE_UPDATE, work);
            }
        }
    }

    /** Adds one object; returns its state when it joined (null when it was already here, unchanged). */
    private EntityState addOne(Object object) {
        EntityState existing = states.get(object);
        if (existing != null) {
            if (existing.markedDeleted()) {
                existing.markedDeleted(false);
                toDelete.remove(existing);
            }
            return existing.mapper().relationships().isEmpty() ? null : existing;
        }
        Mapper<?> m = mapperOf(object);
        EntityState st = new EntityState(object, m);
        // an object whose key is unset was never persisted here: no need to look among the detached ones
        DetachedStates.Entry d = m.keyUnset(object) ? null : DetachedStates.get(object);
        if (d != null) {
            IdentityKey key = d.key();
            EntityState other = identityMap.get(key);
            if (other != null) {
                throw new InvalidRequestException("Can't attach " + object.getClass().getSimpleName() + " " + key
                        + ": another object with that identity is already in this session; use merge() instead");
            }
            Object[] committed = Loader.committedValues(this, m, key);
            if (committed == null) {
                throw new InvalidRequestException("Can't attach " + object.getClass().getSimpleName() + " " + key
                        + ": its row no longer exists in table " + m.table().name()
                        + "; add a new object (with its key unset) to INSERT it again");
            }
            DetachedStates.remove(object);
            st.key = key;
            st.committed = committed;
            st.commitRelationships();
            join(st);
            identityMap.put(st.key, st);
            return st;
        }
        join(st);
        pending.add(st);
        return st;
    }

    private void join(EntityState st) {
        st.session = this;
        states.put(st);
        TrackedCollection.bindAll(st, this);
    }

    /**
     * persistent to marked for delete (a pending object is expunged); cascades delete along relationships.
     *
     * @param object the object
     */
    public void delete(Object object) {
        List<Object> work = new ArrayList<>();
        work.add(object);
        for (int i = 0; i < work.size(); i++) {
            Object o = work.get(i);
            EntityState st = states.get(o);
            if (st == null) {
                EntityState view = inspect(o);
                if (view.isDetached()) {
                    addOne(o);
                    st = states.get(o);
                } else if (i == 0) {
                    throw new InvalidRequestException("Instance " + describe(o) + " is not persisted; add it "
                            + "and flush before deleting it");
                } else {
                    continue;
                }
            }
            if (st.key == null) {
                expungeState(st);
                continue;
            }
            if (!st.deletedFlushed() && !st.markedDeleted()) {
                st.markedDeleted(true);
                toDelete.add(st);
                EntityState parent = st;
                noAutoflush(() -> Cascades.reachForDelete(this, parent, work)); // as SQLAlchemy's cascades do
            }
        }
    }

    /**
     * Removes an object from the session (pending to transient, persistent to detached); cascades expunge.
     *
     * @param object the object
     */
    public void expunge(Object object) {
        EntityState st = states.get(object);
        if (st == null) {
            throw new InvalidRequestException("Instance " + describe(object) + " is not present in this Session");
        }
        List<Object> reached = reachAll(st, Cascade.EXPUNGE);
        expungeState(st);
        for (Object o : reached) {
            EntityState other = states.get(o);
            if (other != null) {
                expungeState(other);
            }
        }
    }

    /** Detaches every object at once: the collections are cleared whole rather than entry by entry. */
    public void detachAll() {
        if (weakStates != null) {
            weakStates.clear();
        }
        DetachedStates.detachAll(states, states.size()); // detaches each state: none is in a set or the index now
        states.forgetAll();
        pending.clear();
        toDelete.clear();
        identityMap.clear();
    }

    /**
     * Takes one state out of the session: pending becomes transient, persistent detached.
     *
     * @param st the state
     */
    public void expungeState(EntityState st) {
        states.remove(st.object());
        pending.remove(st);
        toDelete.remove(st);
        st.markedDeleted(false);
        if (st.key != null) {
            if (identityMap.get(st.key) == st) {
                identityMap.remove(st.key);
            }
            DetachedStates.put(st);
        }
        st.session = null;
    }

    /**
     * Forgets a state inserted in a rolled-back transaction: it becomes transient again.
     *
     * @param st the state
     */
    void forget(EntityState st) {
        if (states.get(st.object()) == st) {
            states.remove(st.object());
        }
        pending.remove(st);
        st.deletedFlushed(false);
        st.markedDeleted(false);
        st.session = null;
    }

    /** {@return the session's weak identity map for yieldPer loads, made on first use} */
    public WeakStates weakStates() {
        if (weakStates == null) {
            weakStates = new WeakStates(st -> {
                states.put(st);
                if (identityMap.get(st.key) == null) {
                    identityMap.put(st.key, st);
                }
            }, o -> {
                if (!Registry.isMapped(o.getClass())) {
                    return null;
                }
                IdentityKey key = mapperOf(o).identityOf(o);
                return key.isPartial() ? null : key;
            });
            states.weak(weakStates);
        }
        return weakStates;
    }

    /**
     * Registers a state loaded from a row as persistent.
     *
     * @param st the state, with key and committed values
     */
    public void attachLoaded(EntityState st) {
        st.session = this;
        if (weakStates != null && weakStates.inBatch()) {
            weakStates.addLoaded(st);
            return;
        }
        states.addLoaded(st);
        identityMap.put(st.key, st);
    }

    /**
     * Puts a rolled-back object's relationships back: a reference to its committed target, a collection to an
     * unloaded one that reloads on access.
     *
     * @param st the state
     */
    void restoreRelationships(EntityState st) {
        if (st.relCommitted == null) {
            return;
        }
        for (RelationshipProperty r : st.mapper().relationships()) {
            Object old = st.relCommitted[r.index()];
            if (r.isWriteOnly()) {
                if (r.get(st.object()) instanceof org.retort.orm.WriteOnlyCollection<?> w) {
                    w.clearPending(); // rolled back: the recorded changes are gone with the transaction
                }
                continue;
            }
            if (old == EntityState.UNLOADED) {
                continue;
            }
            if (r.isCollection()) {
                r.set(st.object(), TrackedCollection.unloaded(r, st, this));
                st.relCommitted[r.index()] = EntityState.UNLOADED;
            } else {
                r.set(st.object(), old);
            }
        }
    }

    // ------------------------------------------------------------------ expire, refresh

    /**
     * Marks a persistent object stale; cascades refresh-expire.
     *
     * @param object the object
     */
    public void expire(Object object) {
        EntityState st = requirePersistent(object, "expire");
        st.expired(true);
        for (Object o : reachAll(st, Cascade.REFRESH_EXPIRE)) {
            EntityState other = states.get(o);
            if (other != null && other.key != null) {
                other.expired(true);
            }
        }
    }

    /**
     * Expires some attributes of a persistent object: a collection loads again on next access, a column or
     * reference is reloaded when the next query or {@code get} returns the object.
     *
     * @param object the object
     * @param attributes attribute names
     */
    public void expire(Object object, String... attributes) {
        EntityState st = requirePersistent(object, "expire");
        for (String name : attributes) {
            switch (st.mapper().attribute(name)) {
                case ColumnProperty p -> st.expired(true);
                case RelationshipProperty r -> {
                    if (r.isWriteOnly()) {
                        continue; // never loaded, nothing to expire
                    }
                    if (r.isCollection()) {
                        r.set(object, TrackedCollection.unloaded(r, st, this));
                        st.relCommitted[r.index()] = EntityState.UNLOADED;
                    } else {
                        st.expired(true);
                    }
                }
            }
        }
    }

    /**
     * Reloads some attributes of a persistent object now, discarding their unflushed changes: columns by one
     * SELECT of those columns, collections by loading them, references by resolving their foreign key.
     *
     * @param object the object
     * @param attributes attribute names
     */
    public void refresh(Object object, String... attributes) {
        EntityState st = requirePersistent(object, "refresh");
        List<ColumnProperty> columns = new ArrayList<>();
        List<RelationshipProperty> rels = new ArrayList<>();
        for (String name : attributes) {
            switch (st.mapper().attribute(name)) {
                case ColumnProperty p -> {
                    columns.add(p);
                    p.set(object, st.committed[p.index()]); // discarded, not flushed, as SQLAlchemy expires first
                }
                case RelationshipProperty r -> rels.add(r);
            }
        }
        autoflush();
        if (!columns.isEmpty() && !Loader.reloadColumns(this, st, columns)) {
            throw new InvalidRequestException("Could not refresh instance " + describe(object) + ": its row "
                    + st.key + " no longer exists");
        }
        for (RelationshipProperty r : rels) {
            if (r.isWriteOnly()) {
                throw new InvalidRequestException("Cannot refresh write-only relationship " + r + "; read it with "
                        + "its select()");
            }
            if (r.isCollection()) {
                Object fresh = TrackedCollection.unloaded(r, st, this);
                r.set(object, fresh);
                st.relCommitted[r.index()] = EntityState.UNLOADED;
                ((TrackedCollection<?>) fresh).ensureLoaded();
            } else {
                Loader.resolveReference(this, st, r);
            }
        }
    }

    /** Marks every persistent object stale. */
    public void expireAll() {
        for (EntityState st : identityMap.values()) {
            st.expired(true);
        }
        if (weakStates != null) {
            weakStates.forEachLive(st -> st.expired(true));
        }
    }

    /**
     * Reloads an object now, discarding its unflushed changes.
     *
     * @param object the object
     */
    public void refresh(Object object) {
        EntityState first = requirePersistent(object, "refresh");
        List<Object> all = new ArrayList<>();
        all.add(object);
        all.addAll(reachAll(first, Cascade.REFRESH_EXPIRE));
        for (Object o : all) {
            EntityState st = states.get(o);
            if (st == null || st.key == null) {
                continue;
            }
            st.writeValues(st.committed); // expire first, as SQLAlchemy does: the change is discarded, not flushed
            autoflush();
            if (!Loader.reload(this, st, true)) {
                throw new InvalidRequestException("Could not refresh instance " + describe(o) + ": its row "
                        + st.key + " no longer exists");
            }
            resetRelationships(st);
        }
    }

    /** The objects a cascade reaches from an object, transitively, each once, without the object itself. */
    private List<Object> reachAll(EntityState from, Cascade c) {
        List<Object> work = new ArrayList<>();
        Set<Object> visited = EntityState.identitySet(List.of(from.object()));
        Cascades.reach(from, c, work);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            Object o = work.get(i);
            if (visited.add(o)) {
                out.add(o);
                EntityState st = states.get(o);
                if (st != null) {
                    Cascades.reach(st, c, work);
                }
            }
        }
        return out;
    }

    /**
     * Makes every loaded relationship of a reloaded object load again: collections on next access, references
     * from their foreign key now.
     *
     * @param st the state
     */
    public void resetRelationships(EntityState st) {
        if (st.relCommitted == null) {
            return;
        }
        for (RelationshipProperty r : st.mapper().relationships()) {
            if (r.isCollection() && !r.isWriteOnly()) {
                r.set(st.object(), TrackedCollection.unloaded(r, st, this));
                st.relCommitted[r.index()] = EntityState.UNLOADED;
            }
        }
        Loader.resolveReferences(this, List.of(st));
    }

    /**
     * {@return true when the object has changes the next flush would write}
     *
     * @param object the object
     */
    public boolean isModified(Object object) {
        EntityState st = states.get(object);
        if (st == null) {
            return false;
        }
        return st.key == null || st.markedDeleted() || st.isModified();
    }

    /**
     * {@return the object's state, when persistent in this session}
     *
     * @param object the object
     * @param what the operation, for the message
     */
    public EntityState requirePersistent(Object object, String what) {
        EntityState st = states.get(object);
        if (st == null || st.key == null) {
            throw new InvalidRequestException("Cannot " + what + " instance " + describe(object)
                    + ": it is not persistent within this Session");
        }
        return st;
    }

    // ------------------------------------------------------------------ get, merge

    /**
     * The object of a key: from the identity map without SQL when present (reloaded if expired), else by SELECT.
     *
     * @param m the mapper
     * @param key the identity
     * @return the object, or null
     */
    public Object get(Mapper<?> m, IdentityKey key) {
        EntityState st = identityMap.get(key);
        if (st == null && weakStates != null) {
            st = weakStates.find(key);
        }
        if (st != null) {
            if (st.deletedFlushed() || st.markedDeleted()) {
                return null;
            }
            if (st.expired()) {
                autoflush();
                if (!Loader.reload(this, st, false)) {
                    return null;
                }
                resetRelationships(st);
            }
            return st.object();
        }
        autoflush();
        return Loader.loadByKey(this, m, key);
    }

    /**
     * Copies an object's state onto the persistent object of its identity (loaded if needed), or onto a new
     * pending one; cascades merge along relationships.
     *
     * @param object the object to copy
     * @param <T> the class
     * @return the session's object
     */
    public <T> T merge(T object) {
        return merge(object, new java.util.IdentityHashMap<>());
    }

    private <T> T merge(T object, java.util.IdentityHashMap<Object, Object> done) {
        if (states.contains(object)) {
            return object;
        }
        @SuppressWarnings("unchecked")
        T already = (T) done.get(object);
        if (already != null) {
            return already;
        }
        @SuppressWarnings("unchecked")
        Mapper<T> m = (Mapper<T>) mapperOf(object);
        IdentityKey key = m.identityOf(object);
        T target = null;
        if (!key.isPartial()) {
            EntityState st = identityMap.get(key);
            if (st != null) {
                target = m.entityClass().cast(st.object());
            } else {
                autoflush();
                target = m.entityClass().cast(Loader.loadByKey(this, m, key));
            }
        }
        boolean isNew = target == null;
        if (isNew) {
            target = m.newInstance();
        }
        done.put(object, target);
        for (ColumnProperty p : m.properties()) {
            p.set(target, JavaTypes.snapshot(p.get(object)));
        }
        if (isNew) {
            addOne(target);
        }
        for (RelationshipProperty r : m.relationships()) {
            if (!r.cascades(Cascade.MERGE) || r.isWriteOnly()) {
                continue;
            }
            Object value = r.get(object);
            if (value instanceof TrackedCollection<?> t && !t.isLoaded()) {
                continue; // never loaded on the given object: nothing to copy
            }
            if (!r.isCollection()) {
                r.set(target, value == null ? null : merge(value, done));
                continue;
            }
            List<Object> merged = new ArrayList<>();
            for (Object member : EntityState.members(r, value)) {
                merged.add(merge(member, done));
            }
            TrackedCollection.replaceContents(r, target, merged, this);
        }
        return target;
    }

    // ------------------------------------------------------------------ flush

    /** Writes all pending changes in the session's transaction. */
    public void flush() {
        if (flushing) {
            throw new InvalidRequestException("Session is already flushing; don't call flush() from flush events");
        }
        flushing = true;
        try {
            if (weakStates != null) {
                weakStates.promoteModified(); // a modified yieldPer-loaded object is the flush's to write
            }
            new UnitOfWork(this).flush();
        } finally {
            flushing = false;
        }
    }

    /** Flushes when autoflush is on and no flush is running. */
    public void autoflush() {
        if (factory.autoflush() && !noAutoflush && !flushing) {
            flush();
        }
    }

    /**
     * Runs work with autoflush off.
     *
     * @param work the work
     */
    public void noAutoflush(Runnable work) {
        boolean before = noAutoflush;
        noAutoflush = true;
        try {
            work.run();
        } finally {
            noAutoflush = before;
        }
    }

    /**
     * Rolls back the statements of a failed flush and records the failure until the user rolls back.
     *
     * @param e the failure
     */
    public void flushFailed(RuntimeException e) {
        try {
            tx.rollbackFailedFlush();
        } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
        tx.failed(e);
    }

    /** {@return the open transaction levels, innermost first} */
    public Iterable<TxLevel> levels() {
        return tx.levels;
    }

    /**
     * Makes room in the identity map, class by class, for the identities of states about to get one (a flush's new
     * objects), so that their table grows once instead of step by step.
     *
     * @param byMapper the states by mapper
     */
    public void reserveIdentities(Map<Mapper<?>, List<EntityState>> byMapper) {
        byMapper.forEach((m, states) -> {
            if (states.size() > 64) {
                identityMap.reserve(m.entityClass(), states.size());
            }
        });
    }

    // ------------------------------------------------------------------ transactions

    /** {@return the session's connection, checked out and its transaction begun on first use} */
    public Connection connection() {
        checkUsable();
        return tx.connection(factory.autobegin());
    }

    /** {@return true when a connection with a transaction is held} */
    public boolean inTransaction() {
        return tx.active();
    }

    /** {@return the root level, begun explicitly} */
    public TxLevel begin() {
        return tx.begin(factory.autobegin());
    }

    /** {@return a SAVEPOINT level, after a flush} */
    public TxLevel beginNested() {
        flush();
        return tx.beginNested(factory.autobegin());
    }

    /**
     * Flushes and releases a SAVEPOINT.
     *
     * @param level the level
     */
    public void commitNested(TxLevel level) {
        flush();
        tx.commitNested(level);
    }

    /**
     * Rolls back to a SAVEPOINT, restoring the objects it changed.
     *
     * @param level the level
     */
    public void rollbackNested(TxLevel level) {
        if (closed) {
            level.deactivate();
            return;
        }
        if (tx.rollbackNested(level)) {
            fire(Event.AFTER_ROLLBACK);
        }
    }

    /** Flushes, commits, and expires (or detaches deleted) objects. */
    public void commit() {
        flush();
        tx.commit();
        for (EntityState st : states.snapshot()) {
            if (st.deletedFlushed()) {
                expungeState(st);
            } else if (factory.expireOnCommit() && st.key != null) {
                st.expired(true);
            }
        }
        if (weakStates != null && factory.expireOnCommit()) {
            weakStates.forEachLive(st -> st.expired(true));
        }
        fire(Event.AFTER_COMMIT);
    }

    /** Rolls back and restores the objects. */
    public void rollback() {
        if (closed) {
            return;
        }
        tx.rollback();
        if (weakStates != null) {
            weakStates.forEachLive(st -> {
                if (st.committed != null && st.isModified()) {
                    st.writeValues(st.committed);
                    restoreRelationships(st);
                }
                st.expired(true);
            });
        }
        fire(Event.AFTER_ROLLBACK);
    }

    /** Rolls back any transaction, releases the connection and detaches every object. */
    public void close() {
        if (closed) {
            return;
        }
        tx.close();
        detachAll();
        closed = true;
    }

    @Override
    public String toString() {
        return states.size() + " objects, " + (tx.active() ? "in transaction" : "no transaction");
    }
}
