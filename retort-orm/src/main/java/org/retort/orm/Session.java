package org.retort.orm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.ExecutionOptions;
import org.retort.engine.Result;
import org.retort.exc.ArgumentException;
import org.retort.exc.InvalidRequestException;
import org.retort.exc.NoResultFound;
import org.retort.orm.internal.dml.BulkDml;
import org.retort.orm.internal.loading.Loader;
import org.retort.orm.internal.loading.StreamingLoad;
import org.retort.orm.internal.session.OwnerGuard;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.session.TxLevel;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.mapping.Mapper;
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
 * <p>Objects are plain: the session keeps their {@link EntityState} (identity, committed values) itself and
 * finds changes by comparing fields with those values. Because a plain field cannot intercept reads, expired
 * objects (after commit, rollback or {@link #expire}) are reloaded when a query or {@link #get} returns them, or
 * by {@link #refresh}; and a rollback puts changed fields back to their committed values at once.
 *
 * <p>Related objects follow their relationships' cascades: adding an object adds what it refers to and holds
 * (save-update), deleting it deletes its children where the cascade says so, and the flush writes the whole
 * graph in foreign-key order. Collections of loaded objects load on first access unless a loader option
 * ({@link org.retort.orm.loading.Load}) loaded them with the query.
 */
public final class Session implements AutoCloseable {
    private final SessionFactory factory;
    private final SessionEvents events = new SessionEvents();
    private final SessionCore core;
    private final OwnerGuard guard = new OwnerGuard();

    Session(SessionFactory factory) {
        this.factory = factory;
        this.core = new SessionCore(factory, this::deliver);
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

    private void deliver(SessionCore.Event e) {
        SessionEvents.fire(switch (e) {
            case BEFORE_FLUSH -> factory.events().beforeFlush();
            case AFTER_FLUSH -> factory.events().afterFlush();
            case AFTER_COMMIT -> factory.events().afterCommit();
            case AFTER_ROLLBACK -> factory.events().afterRollback();
        }, this);
        SessionEvents.fire(switch (e) {
            case BEFORE_FLUSH -> events.beforeFlush();
            case AFTER_FLUSH -> events.afterFlush();
            case AFTER_COMMIT -> events.afterCommit();
            case AFTER_ROLLBACK -> events.afterRollback();
        }, this);
    }

    /** Runs an action as the session's single owner thread (see the class comment). */
    private <R> R guarded(boolean usable, java.util.function.Supplier<R> action) {
        Thread t = guard.enter();
        try {
            if (usable) {
                core.checkUsable();
            }
            return action.get();
        } finally {
            guard.exit(t);
        }
    }

    private void guardedRun(boolean usable, Runnable action) {
        guarded(usable, () -> {
            action.run();
            return null;
        });
    }

    /**
     * The state of an object (SQLAlchemy's {@code inspect(obj)}): transient, pending, persistent, deleted or
     * detached, with its identity, per-attribute history and unloaded relationships.
     *
     * @param object a mapped object
     * @return its state (for an object of no session, a detached or transient view)
     */
    public InstanceState inspect(Object object) {
        return core.inspect(object);
    }

    /**
     * {@return true when the object is pending or persistent in this session (marked for delete included); false
     * once its DELETE was flushed or a bulk DELETE removed it, as SQLAlchemy's {@code obj in session}}
     *
     * @param object the object
     */
    public boolean contains(Object object) {
        InstanceState st = core.states.get(object);
        return st != null && st.state() != ObjectState.DELETED;
    }

    /** {@return the pending objects, in add order} */
    public List<Object> newObjects() {
        return core.pending.stream().map(EntityState::object).toList();
    }

    /** {@return the persistent objects whose fields or relationships differ from their committed values} */
    public List<Object> dirty() {
        return core.dirty();
    }

    /** {@return the objects marked with {@link #delete} and not yet flushed} */
    public List<Object> deletedObjects() {
        return core.toDelete.stream().map(EntityState::object).toList();
    }

    /** {@return this session's own events; its factory's events fire too} */
    public SessionEvents events() {
        return events;
    }

    /** {@return the factory that opened this session} */
    public SessionFactory factory() {
        return factory;
    }

    /**
     * The mapper this session uses for a class (from its factory's registry, else the published one).
     *
     * @param type the mapped class
     * @param <T> the class
     * @return the mapper
     */
    public <T> Mapper<T> mapper(Class<T> type) {
        return core.mapper(type);
    }

    // ------------------------------------------------------------------ add, delete, expunge

    /**
     * Adds an object: a transient one becomes pending (INSERTed at the next flush), a detached one persistent
     * again. Adding an object already in the session does nothing. Objects it refers to or holds through a
     * relationship with the save-update cascade (the default) are added too, and so are objects put into such
     * a relationship later, at the next flush.
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
        guardedRun(true, () -> core.add(object));
    }

    /**
     * Adds objects in order, each as {@link #add(Object)} does.
     *
     * @param objects mapped objects
     */
    public void addAll(Collection<?> objects) {
        guardedRun(true, () -> core.addAll(objects));
    }

    /**
     * Marks a persistent object for deletion at the next flush; a pending object is simply removed
     * (SQLAlchemy expunges it). Relationships with the delete cascade delete their objects too; without it,
     * the children's foreign keys are set to NULL by the flush.
     *
     * @param object the object
     * @throws InvalidRequestException when the object is not in this session
     */
    public void delete(Object object) {
        guardedRun(true, () -> core.delete(object));
    }

    /**
     * Removes an object from the session: a pending one becomes transient, a persistent one detached. Its
     * unflushed changes are not written. Relationships with the expunge cascade expunge their objects too.
     *
     * @param object the object
     */
    public void expunge(Object object) {
        guardedRun(false, () -> core.expunge(object));
    }

    /** Removes every object from the session (they become transient or detached). */
    public void expungeAll() {
        guardedRun(false, core::detachAll);
    }

    // ------------------------------------------------------------------ expire, refresh, isModified

    /**
     * Marks an object's values stale: the next query or {@link #get} returning it reloads its fields (a field
     * assigned since keeps the assigned value, as a change to flush) and its collections load again on access.
     *
     * @param object a persistent object
     */
    public void expire(Object object) {
        guardedRun(false, () -> core.expire(object));
    }

    /**
     * Expires some attributes of an object (SQLAlchemy's {@code expire(obj, ["attr"])}): a collection loads again
     * on next access; a column or reference is reloaded when the next query or {@link #get} returns the object
     * (a plain field cannot reload on access).
     *
     * @param object a persistent object
     * @param attributeNames the attributes
     */
    public void expire(Object object, String... attributeNames) {
        guardedRun(false, () -> core.expire(object, attributeNames));
    }

    /**
     * Reloads some attributes of an object now (SQLAlchemy's {@code refresh(obj, ["attr"])}), discarding their
     * unflushed changes: columns by one SELECT of just those columns, collections by loading them, references by
     * resolving their foreign key.
     *
     * @param object a persistent object
     * @param attributeNames the attributes
     */
    public void refresh(Object object, String... attributeNames) {
        guardedRun(true, () -> core.refresh(object, attributeNames));
    }

    /** Expires every persistent object of the session. */
    public void expireAll() {
        guardedRun(false, core::expireAll);
    }

    /**
     * Reloads an object's fields from the database now, discarding unflushed changes (SQLAlchemy's {@code refresh});
     * its collections load again on next access.
     *
     * @param object a persistent object
     * @throws InvalidRequestException when the row no longer exists
     */
    public void refresh(Object object) {
        guardedRun(true, () -> core.refresh(object));
    }

    /**
     * Whether an object has changes the next flush would write.
     *
     * @param object an object of this session
     * @return true when pending, marked for delete, or some field or relationship differs from its committed value
     */
    public boolean isModified(Object object) {
        return core.isModified(object);
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
        return guarded(true, () -> {
            Mapper<T> m = core.mapper(type);
            return type.cast(core.get(m, m.keyOf(primaryKey)));
        });
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
     * attached. An object without a stored row is copied onto a new pending object. Relationships with the
     * merge cascade (the default) merge their objects too.
     *
     * @param object the object whose field values to copy
     * @param <T> the class
     * @return the persistent (or pending) object of this session
     */
    public <T> T merge(T object) {
        return guarded(true, () -> core.merge(object));
    }

    // ------------------------------------------------------------------ execution

    /**
     * Runs an ORM SELECT (built with {@link Orm#select}): rows of entities and column values, entities taken from
     * (and added to) the identity map, relationships loaded as the statement's options and the mapping say.
     * Flushes first when autoflush is on.
     *
     * @param statement the statement
     * @return the rows
     */
    public OrmResult execute(OrmSelect<?> statement) {
        return execute(statement, Map.of());
    }

    /**
     * Runs an ORM SELECT with values for its named bind parameters.
     *
     * @param statement the statement
     * @param params the parameter values
     * @return the rows
     */
    public OrmResult execute(OrmSelect<?> statement, Map<String, ?> params) {
        return guarded(true, () -> {
            core.autoflush();
            ExecutionOptions options = statement.getExecutionOptions();
            if (options.yieldPer().isPresent()) {
                return StreamingLoad.query(core, statement, params, options);
            }
            return Loader.query(core, statement, params);
        });
    }

    /**
     * Runs an ORM SELECT with execution options for this execution (SQLAlchemy's
     * {@code session.execute(stmt, params, execution_options=...)}), over the statement's own. With
     * {@code ExecutionOptions.defaults().yieldPer(n)} the result streams: see {@link OrmSelect#yieldPer(int)}.
     *
     * @param statement the statement
     * @param params the parameter values
     * @param options the options
     * @return the rows; a streaming result for {@code yieldPer} (close it, or read it to the end)
     */
    public OrmResult execute(OrmSelect<?> statement, Map<String, ?> params, ExecutionOptions options) {
        return execute(statement.executionOptions(options), params);
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
        return guarded(true, () -> {
            core.autoflush();
            return BulkDml.execute(core, statement, rows);
        });
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
        return guarded(true, () -> {
            if (statement instanceof OrmSelect<?>) {
                throw new ArgumentException("Pass an OrmSelect as OrmSelect (execute(OrmSelect)) to get objects");
            }
            core.autoflush();
            return core.connection().execute(statement, params);
        });
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
     * Writes all pending changes (INSERT, UPDATE, DELETE in foreign-key order, association rows of many-to-many
     * relationships) in the session's transaction. On failure the statements of the flush are rolled back, the
     * objects keep their states and values from before it, and the session needs {@link #rollback()} before
     * further use.
     */
    public void flush() {
        guardedRun(true, core::flush);
    }

    /**
     * Runs work with autoflush off (SQLAlchemy's {@code no_autoflush}), e.g. to query while building objects
     * that cannot be flushed yet.
     *
     * @param work the work
     */
    public void noAutoflush(Runnable work) {
        core.noAutoflush(work);
    }

    // ------------------------------------------------------------------ transactions

    /**
     * The session's connection, checked out and its transaction begun on first use.
     *
     * @return the connection
     */
    public Connection connection() {
        return core.connection();
    }

    /** {@return true when the session holds a connection with a transaction in progress} */
    public boolean inTransaction() {
        return core.inTransaction();
    }

    /**
     * Begins the session's transaction explicitly (needed when autobegin is off).
     *
     * @return the root transaction
     * @throws InvalidRequestException when a transaction is already in progress
     */
    public SessionTransaction begin() {
        return guarded(true, () -> handle(core.begin()));
    }

    /**
     * Flushes, then opens a SAVEPOINT (SQLAlchemy's {@code begin_nested}).
     *
     * @return the nested transaction; roll it back to undo what was flushed since
     */
    public SessionTransaction beginNested() {
        return guarded(true, () -> handle(core.beginNested()));
    }

    private SessionTransaction handle(TxLevel level) {
        if (level.handle == null) {
            level.handle = new SessionTransaction(this, level);
        }
        return (SessionTransaction) level.handle;
    }

    void commitNested(TxLevel level) {
        guardedRun(true, () -> core.commitNested(level));
    }

    void rollbackNested(TxLevel level) {
        guardedRun(false, () -> core.rollbackNested(level));
    }

    /**
     * Flushes and commits the transaction, then releases the connection. With expireOnCommit, every object is
     * marked expired (reloaded when next queried); deleted objects become detached.
     */
    public void commit() {
        guardedRun(true, core::commit);
    }

    /**
     * Rolls the transaction back and releases the connection. Pending objects become transient, deleted ones
     * persistent again; every persistent object gets its committed field values back (the values at the start of
     * the transaction), is marked expired, and its collections load again on access.
     */
    public void rollback() {
        guardedRun(false, core::rollback);
    }

    /** Rolls back any transaction, releases the connection and detaches every object. */
    @Override
    public void close() {
        guardedRun(false, core::close);
    }

    /** {@return true after {@link #close()}} */
    public boolean isClosed() {
        return core.isClosed();
    }

    @Override
    public String toString() {
        return "Session[" + core + "]";
    }
}
