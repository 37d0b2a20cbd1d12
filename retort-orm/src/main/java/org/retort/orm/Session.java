package org.retort.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.Result;
import org.retort.exc.ArgumentException;
import org.retort.exc.InvalidRequestException;
import org.retort.exc.NoResultFound;
import org.retort.sql.Executable;

/**
 * The unit of work (SQLAlchemy's {@code Session}): tracks objects, keeps one object per database row (the
 * identity map), and writes changes at {@link #flush()} (before queries, and at {@link #commit()}) in one
 * transaction.
 *
 * <pre>{@code
 * try (Session session = Session.of(engine)) {
 *     session.add(new User("spongebob"));                // pending
 *     session.commit();                                  // INSERT, COMMIT; the user is persistent
 *     User u = session.get(User.class, 1L);              // from the identity map, no SQL
 *     u.name = "Spongebob";                              // a plain assignment is a change
 *     session.commit();                                  // UPDATE user_account SET name=? WHERE id=?
 * }
 * }</pre>
 *
 * <p>A session is single-threaded, like a JDBC connection: use it from one thread at a time. A call from a
 * second thread while another thread is inside the session fails at once with an {@link InvalidRequestException}.
 *
 * <p>Objects are plain: the session keeps their {@link InstanceState} (identity, committed values) itself and
 * finds changes by comparing fields with those values. Because a plain field cannot intercept reads, expired
 * objects (after commit, rollback or {@link #expire}) are reloaded when a query or {@link #get} returns them, or
 * by {@link #refresh}; and a rollback puts changed fields back to their committed values at once.
 */
public final class Session implements AutoCloseable {
    private final SessionFactory factory;
    private final Engine engine;
    private final SessionEvents events = new SessionEvents();
    final IdentityMap identityMap = new IdentityMap();
    final StateIndex states = new StateIndex();
    final Set<InstanceState> pending = new LinkedHashSet<>();
    final Set<InstanceState> toDelete = new LinkedHashSet<>();
    private final TransactionControl tx = new TransactionControl(this);
    private boolean closed;
    private boolean flushing;
    private boolean noAutoflush;
    private final OwnerGuard guard = new OwnerGuard();

    Session(SessionFactory factory) {
        this.factory = factory;
        this.engine = factory.engine();
    }

    /**
     * A session with default settings (expireOnCommit, autoflush, autobegin) using the mappers the registries
     * published; for applications, keep a {@link SessionFactory} instead.
     *
     * @param engine the engine
     * @return the session
     */
    public static Session of(Engine engine) {
        return SessionFactory.builder(engine).build().open();
    }

    private Thread enter() {
        return guard.enter();
    }

    private void exit(Thread previous) {
        guard.exit(previous);
    }

    private void checkUsable() {
        if (closed) {
            throw new InvalidRequestException("This Session is closed; open a new one");
        }
        if (tx.failure() != null) {
            throw new InvalidRequestException("This Session's transaction has been rolled back due to a previous "
                    + "exception during flush (" + tx.failure() + "); call rollback() to begin a new transaction");
        }
    }

    // ------------------------------------------------------------------ mappers and states

    <T> Mapper<T> mapper(Class<T> type) {
        Registry r = factory.registry();
        return r != null ? r.mapper(type) : Registry.published(type);
    }

    /** The mapper of an object's class, or a clear error when it is not mapped. */
    Mapper<?> mapperOf(Object object) {
        Objects.requireNonNull(object, "object");
        return mapper(object.getClass());
    }

    /**
     * The state of an object (SQLAlchemy's {@code inspect(obj)}): transient, pending, persistent, deleted or
     * detached, with its identity and per-attribute history.
     *
     * @param object a mapped object
     * @return its state (for an object of no session, a detached or transient view)
     */
    public InstanceState inspect(Object object) {
        InstanceState st = states.get(object);
        if (st != null) {
            return st;
        }
        Mapper<?> m = mapperOf(object);
        st = new InstanceState(object, m);
        DetachedStates.Entry d = DetachedStates.get(object);
        if (d != null) {
            st.key = d.key(); // its loaded values are not kept (see DetachedStates)
        }
        return st;
    }

    /** {@return true when the object is pending, persistent or deleted in this session} */
    public boolean contains(Object object) {
        return states.contains(object);
    }

    /** {@return the pending objects, in add order} */
    public List<Object> newObjects() {
        return pending.stream().map(InstanceState::object).toList();
    }

    /** {@return the persistent objects whose fields differ from their committed values} */
    public List<Object> dirty() {
        List<Object> out = new ArrayList<>();
        for (InstanceState st : identityMap.values()) {
            if (!st.deletedFlushed && st.isModified()) {
                out.add(st.object());
            }
        }
        return out;
    }

    /** {@return the objects marked with {@link #delete} and not yet flushed} */
    public List<Object> deletedObjects() {
        return toDelete.stream().map(InstanceState::object).toList();
    }

    /** {@return this session's own events; its factory's events fire too} */
    public SessionEvents events() {
        return events;
    }

    /** {@return the open transactions, innermost first} */
    Iterable<SessionTransaction> transactions() {
        return tx.transactions;
    }

    /** {@return the innermost open transaction, or null} */
    SessionTransaction innermost() {
        return tx.transactions.peek();
    }

    void fire(java.util.function.Function<SessionEvents, List<SessionListener>> which) {
        SessionEvents.fire(which.apply(factory.events()), this);
        SessionEvents.fire(which.apply(events), this);
    }

    // ------------------------------------------------------------------ add, delete, expunge

    /**
     * Adds an object: a transient one becomes pending (INSERTed at the next flush), a detached one persistent
     * again. Adding an object already in the session does nothing.
     *
     * <p>A detached object's loaded values are not kept after it leaves its session (they would outlive the
     * object), so re-attaching it reads its row by primary key (one SELECT) to learn its committed values; fields
     * changed while it was detached are then changes that the next flush writes, column by column.
     *
     * @param object a mapped object
     * @throws InvalidRequestException when another object with the same identity is already in the session, or
     *         when a detached object's row no longer exists
     */
    public void add(Object object) {
        Thread t = enter();
        try {
            checkUsable();
            addInternal(object);
        } finally {
            exit(t);
        }
    }

    /** @param objects mapped objects, added in order @see #add(Object) */
    public void addAll(Collection<?> objects) {
        Thread t = enter();
        try {
            checkUsable();
            states.reserve(objects.size());
            for (Object o : objects) {
                addInternal(o);
            }
        } finally {
            exit(t);
        }
    }

    private void addInternal(Object object) {
        InstanceState existing = states.get(object);
        if (existing != null) {
            if (existing.markedDeleted) {
                existing.markedDeleted = false;
                toDelete.remove(existing);
            }
            return;
        }
        Mapper<?> m = mapperOf(object);
        InstanceState st = new InstanceState(object, m);
        // an object whose key is unset was never persisted here: no need to look among the detached ones
        DetachedStates.Entry d = m.keyUnset(object) ? null : DetachedStates.get(object);
        if (d != null) {
            IdentityKey key = d.key();
            InstanceState other = identityMap.get(key);
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
            st.session = this;
            states.put(st);
            identityMap.put(st.key, st);
            return;
        }
        st.session = this;
        states.put(st);
        pending.add(st);
    }

    /**
     * Marks a persistent object for deletion at the next flush; a pending object is simply removed
     * (SQLAlchemy expunges it).
     *
     * @param object the object
     * @throws InvalidRequestException when the object is not in this session
     */
    public void delete(Object object) {
        Thread t = enter();
        try {
            checkUsable();
            InstanceState st = states.get(object);
            if (st == null) {
                InstanceState view = inspect(object);
                if (view.isDetached()) {
                    addInternal(object);
                    st = states.get(object);
                } else {
                    throw new InvalidRequestException("Instance " + describe(object) + " is not persisted; add it "
                            + "and flush before deleting it");
                }
            }
            if (st.key == null) {
                expungeInternal(st);
                return;
            }
            if (!st.deletedFlushed && !st.markedDeleted) {
                st.markedDeleted = true;
                toDelete.add(st);
            }
        } finally {
            exit(t);
        }
    }

    /**
     * Removes an object from the session: a pending one becomes transient, a persistent one detached. Its
     * unflushed changes are not written.
     *
     * @param object the object
     */
    public void expunge(Object object) {
        Thread t = enter();
        try {
            InstanceState st = states.get(object);
            if (st == null) {
                throw new InvalidRequestException("Instance " + describe(object) + " is not present in this Session");
            }
            expungeInternal(st);
        } finally {
            exit(t);
        }
    }

    /** Removes every object from the session (they become transient or detached). */
    public void expungeAll() {
        Thread t = enter();
        try {
            detachAll();
        } finally {
            exit(t);
        }
    }

    /** Detaches every object at once: the collections are cleared whole rather than entry by entry. */
    private void detachAll() {
        for (InstanceState st : states) {
            st.markedDeleted = false;
            st.session = null;
        }
        DetachedStates.putAll(states, states.size());
        states.clear();
        pending.clear();
        toDelete.clear();
        identityMap.clear();
    }

    void expungeInternal(InstanceState st) {
        states.remove(st.object());
        pending.remove(st);
        toDelete.remove(st);
        st.markedDeleted = false;
        if (st.key != null) {
            if (identityMap.get(st.key) == st) {
                identityMap.remove(st.key);
            }
            DetachedStates.put(st);
        }
        st.session = null;
    }

    static String describe(Object object) {
        return object.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }

    // ------------------------------------------------------------------ expire, refresh, isModified

    /**
     * Marks an object's values stale: the next query or {@link #get} returning it reloads its fields (a field
     * assigned since keeps the assigned value, as a change to flush).
     *
     * @param object a persistent object
     */
    public void expire(Object object) {
        Thread t = enter();
        try {
            requirePersistent(object, "expire").expired = true;
        } finally {
            exit(t);
        }
    }

    /** Expires every persistent object of the session. */
    public void expireAll() {
        Thread t = enter();
        try {
            for (InstanceState st : identityMap.values()) {
                st.expired = true;
            }
        } finally {
            exit(t);
        }
    }

    /**
     * Reloads an object's fields from the database now, discarding unflushed changes (SQLAlchemy's {@code refresh}).
     *
     * @param object a persistent object
     * @throws InvalidRequestException when the row no longer exists
     */
    public void refresh(Object object) {
        Thread t = enter();
        try {
            checkUsable();
            InstanceState st = requirePersistent(object, "refresh");
            st.writeValues(st.committed); // expire first, as SQLAlchemy does: the change is discarded, not flushed
            autoflushIfEnabled();
            if (!Loader.reload(this, st, true)) {
                throw new InvalidRequestException("Could not refresh instance " + describe(object) + ": its row "
                        + st.key + " no longer exists");
            }
        } finally {
            exit(t);
        }
    }

    /**
     * Whether an object has changes the next flush would write.
     *
     * @param object an object of this session
     * @return true when pending, marked for delete, or some field differs from its committed value
     */
    public boolean isModified(Object object) {
        InstanceState st = states.get(object);
        if (st == null) {
            return false;
        }
        return st.key == null || st.markedDeleted || st.isModified();
    }

    private InstanceState requirePersistent(Object object, String what) {
        InstanceState st = states.get(object);
        if (st == null || st.key == null) {
            throw new InvalidRequestException("Cannot " + what + " instance " + describe(object)
                    + ": it is not persistent within this Session");
        }
        return st;
    }

    // ------------------------------------------------------------------ get, merge

    /**
     * The object of a primary key: from the identity map without SQL when present (reloaded if expired), else
     * by a SELECT; null when no such row exists.
     *
     * @param type the mapped class
     * @param primaryKey the key value, or for a composite key the values in key column order
     * @param <T> the class
     * @return the object, or null
     */
    public <T> T get(Class<T> type, Object... primaryKey) {
        Thread t = enter();
        try {
            checkUsable();
            Mapper<T> m = mapper(type);
            IdentityKey key = m.keyOf(primaryKey);
            InstanceState st = identityMap.get(key);
            if (st != null) {
                if (st.deletedFlushed || st.markedDeleted) {
                    return null;
                }
                if (st.expired) {
                    autoflushIfEnabled();
                    if (!Loader.reload(this, st, false)) {
                        return null;
                    }
                }
                return type.cast(st.object());
            }
            autoflushIfEnabled();
            return type.cast(Loader.loadByKey(this, m, key));
        } finally {
            exit(t);
        }
    }

    /**
     * Like {@link #get} but fails when there is no such row (SQLAlchemy's {@code get_one}).
     *
     * @param type the mapped class
     * @param primaryKey the key values
     * @param <T> the class
     * @return the object
     * @throws NoResultFound when no row has the key
     */
    public <T> T getOne(Class<T> type, Object... primaryKey) {
        T found = get(type, primaryKey);
        if (found == null) {
            throw new NoResultFound("No row was found for " + type.getSimpleName() + " with primary key "
                    + List.of(primaryKey));
        }
        return found;
    }

    /**
     * Copies the state of an object (usually detached) onto the persistent object of the same identity, loading
     * it if needed, and returns that persistent object (SQLAlchemy's {@code merge}); the given object is not
     * attached. An object without a stored row is copied onto a new pending object.
     *
     * @param object the object whose field values to copy
     * @param <T> the class
     * @return the persistent (or pending) object of this session
     */
    public <T> T merge(T object) {
        Thread t = enter();
        try {
            checkUsable();
            if (states.contains(object)) {
                return object;
            }
            @SuppressWarnings("unchecked")
            Mapper<T> m = (Mapper<T>) mapperOf(object);
            IdentityKey key = m.identityOf(object);
            T target = null;
            if (!key.isPartial()) {
                InstanceState st = identityMap.get(key);
                if (st != null) {
                    target = m.entityClass().cast(st.object());
                } else {
                    autoflushIfEnabled();
                    target = m.entityClass().cast(Loader.loadByKey(this, m, key));
                }
            }
            if (target == null) {
                target = m.newInstance();
                for (ColumnProperty p : m.properties()) {
                    p.set(target, JavaTypes.snapshot(p.get(object)));
                }
                addInternal(target);
                return target;
            }
            for (ColumnProperty p : m.properties()) {
                p.set(target, JavaTypes.snapshot(p.get(object)));
            }
            return target;
        } finally {
            exit(t);
        }
    }

    // ------------------------------------------------------------------ execution

    /**
     * Runs an ORM SELECT (built with {@link Orm#select}): rows of entities and column values, entities taken from
     * (and added to) the identity map. Flushes first when autoflush is on.
     *
     * @param statement the statement
     * @return the rows
     */
    public OrmResult execute(OrmSelect<?> statement) {
        Thread t = enter();
        try {
            checkUsable();
            autoflushIfEnabled();
            return Loader.query(this, statement, Map.of());
        } finally {
            exit(t);
        }
    }

    /**
     * Runs an ORM SELECT with values for its named bind parameters.
     *
     * @param statement the statement
     * @param params the parameter values
     * @return the rows
     */
    public OrmResult execute(OrmSelect<?> statement, Map<String, ?> params) {
        Thread t = enter();
        try {
            checkUsable();
            autoflushIfEnabled();
            return Loader.query(this, statement, params);
        } finally {
            exit(t);
        }
    }

    /**
     * Runs an ORM INSERT, UPDATE or DELETE ({@link Orm#insert}, {@link Orm#update}, {@link Orm#delete}) with
     * parameter sets keyed by attribute name.
     *
     * @param statement the statement
     * @param rows one map per row for a bulk INSERT or UPDATE by primary key; empty for UPDATE/DELETE with WHERE
     * @return the rows returned (entities for {@code returning(User.class)}), else an empty result with a row count
     */
    public OrmResult execute(OrmDml<?> statement, List<? extends Map<String, ?>> rows) {
        Thread t = enter();
        try {
            checkUsable();
            autoflushIfEnabled();
            return BulkDml.execute(this, statement, rows);
        } finally {
            exit(t);
        }
    }

    /**
     * {@return its result @see #execute(OrmDml, List)}
     *
     * @param statement an ORM UPDATE or DELETE with WHERE
     */
    public OrmResult execute(OrmDml<?> statement) {
        return execute(statement, List.of());
    }

    /**
     * Runs a Core statement on the session's connection, inside its transaction (after autoflush).
     *
     * @param statement the statement
     * @return its result
     */
    public Result execute(Executable statement) {
        return execute(statement, Map.of());
    }

    /**
     * Runs a Core statement with parameters on the session's connection.
     *
     * @param statement the statement
     * @param params the parameter values
     * @return its result
     */
    public Result execute(Executable statement, Map<String, ?> params) {
        Thread t = enter();
        try {
            checkUsable();
            if (statement instanceof OrmSelect<?>) {
                throw new ArgumentException("Pass an OrmSelect as OrmSelect (execute(OrmSelect)) to get objects");
            }
            autoflushIfEnabled();
            return connection().execute(statement, params);
        } finally {
            exit(t);
        }
    }

    /**
     * The first column of each row: the entities of {@code select(User.class)}, or the values of a single column.
     *
     * @param statement the statement
     * @param <T> the type of the first column
     * @return the values
     */
    public <T> OrmScalarResult<T> scalars(OrmSelect<T> statement) {
        return execute(statement).scalars();
    }

    /**
     * The first column of the first row, or null when there is no row.
     *
     * @param statement the statement
     * @param <T> the type of the first column
     * @return the value
     */
    public <T> T scalar(OrmSelect<T> statement) {
        List<T> all = scalars(statement).all();
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * The first column of the first row of a Core statement, or null.
     *
     * @param statement the statement
     * @return the value
     */
    public Object scalar(Executable statement) {
        return execute(statement).scalar();
    }

    // ------------------------------------------------------------------ flush

    /**
     * Writes all pending changes (INSERT, UPDATE, DELETE in foreign-key order) in the session's transaction.
     * On failure the statements of the flush are rolled back, the objects keep their states and values from
     * before it, and the session needs {@link #rollback()} before further use.
     */
    public void flush() {
        Thread t = enter();
        try {
            checkUsable();
            flushInternal();
        } finally {
            exit(t);
        }
    }

    void flushInternal() {
        if (flushing) {
            throw new InvalidRequestException("Session is already flushing; don't call flush() from flush events");
        }
        flushing = true;
        try {
            new UnitOfWork(this).flush();
        } finally {
            flushing = false;
        }
    }

    private void autoflushIfEnabled() {
        if (factory.autoflush() && !noAutoflush && !flushing) {
            flushInternal();
        }
    }

    /**
     * Runs work with autoflush off (SQLAlchemy's {@code no_autoflush}), e.g. to query while building objects
     * that cannot be flushed yet.
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

    /** Records a flush failure: the database transaction at that level was rolled back. */
    void flushFailed(RuntimeException e) {
        tx.failed(e);
    }

    // ------------------------------------------------------------------ transactions

    /**
     * The session's connection, checked out and its transaction begun on first use.
     *
     * @return the connection
     */
    public Connection connection() {
        checkUsable();
        return tx.connection(factory.autobegin());
    }

    Engine engine() {
        return engine;
    }

    /** {@return true when the session holds a connection with a transaction in progress} */
    public boolean inTransaction() {
        return tx.active();
    }

    /**
     * Begins the session's transaction explicitly (needed when autobegin is off).
     *
     * @return the root transaction
     * @throws InvalidRequestException when a transaction is already in progress
     */
    public SessionTransaction begin() {
        Thread t = enter();
        try {
            checkUsable();
            return tx.begin(factory.autobegin());
        } finally {
            exit(t);
        }
    }

    /**
     * Flushes, then opens a SAVEPOINT (SQLAlchemy's {@code begin_nested}).
     *
     * @return the nested transaction; roll it back to undo what was flushed since
     */
    public SessionTransaction beginNested() {
        Thread t = enter();
        try {
            checkUsable();
            flushInternal();
            return tx.beginNested(factory.autobegin());
        } finally {
            exit(t);
        }
    }

    void commitNested(SessionTransaction nested) {
        Thread t = enter();
        try {
            checkUsable();
            flushInternal();
            tx.commitNested(nested);
        } finally {
            exit(t);
        }
    }

    void rollbackNested(SessionTransaction nested) {
        Thread t = enter();
        try {
            if (closed) {
                nested.deactivate();
                return;
            }
            if (tx.rollbackNested(nested)) {
                fire(SessionEvents::afterRollback);
            }
        } finally {
            exit(t);
        }
    }

    /**
     * Flushes and commits the transaction, then releases the connection. With expireOnCommit, every object is
     * marked expired (reloaded when next queried); deleted objects become detached.
     */
    public void commit() {
        Thread t = enter();
        try {
            checkUsable();
            flushInternal();
            tx.commit();
            for (InstanceState st : states.snapshot()) {
                if (st.deletedFlushed) {
                    expungeInternal(st);
                } else if (factory.expireOnCommit() && st.key != null) {
                    st.expired = true;
                }
            }
            fire(SessionEvents::afterCommit);
        } finally {
            exit(t);
        }
    }

    /**
     * Rolls the transaction back and releases the connection. Pending objects become transient, deleted ones
     * persistent again; every persistent object gets its committed field values back (the values at the start of
     * the transaction) and is marked expired.
     */
    public void rollback() {
        Thread t = enter();
        try {
            if (closed) {
                return;
            }
            tx.rollback();
            fire(SessionEvents::afterRollback);
        } finally {
            exit(t);
        }
    }

    /** Rolls back any transaction, releases the connection and detaches every object. */
    @Override
    public void close() {
        Thread t = enter();
        try {
            if (closed) {
                return;
            }
            tx.close();
            detachAll();
            closed = true;
        } finally {
            exit(t);
        }
    }

    /** {@return true after {@link #close()}} */
    public boolean isClosed() {
        return closed;
    }

    // ------------------------------------------------------------------ package helpers

    /** Makes room in the identity map for {@code more} identities at once (a large flush of new objects). */
    void reserveIdentities(int more) {
        identityMap.reserve(more);
    }

    /** Registers a state loaded from a row as persistent. */
    void attachLoaded(InstanceState st) {
        st.session = this;
        states.addLoaded(st);
        identityMap.put(st.key, st);
    }

    @Override
    public String toString() {
        return "Session[" + states.size() + " objects, " + (tx.active() ? "in transaction" : "no transaction") + "]";
    }
}
