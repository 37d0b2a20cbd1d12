package org.retort.spring;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import org.retort.orm.Session;
import org.retort.orm.SessionFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ORM {@link Session} of the current Spring transaction, for services written with {@code @Transactional}: the
 * first {@link #get()} in a transaction opens a session (whose connection joins the transaction, see
 * {@link SpringDataSourcePool}), later calls in the same transaction return the same session, and the session is
 * flushed before Spring commits and closed when the transaction ends. What SQLAlchemy users do with a
 * {@code scoped_session} tied to the request, or JPA users with a shared {@code EntityManager}.
 *
 * <pre>{@code
 * @Transactional
 * public void rename(long id, String name) {
 *     sessions.get().get(User.class, id).name = name;   // UPDATE when Spring commits
 * }
 * }</pre>
 *
 * <p>A {@code REQUIRES_NEW} transaction gets a session of its own while the outer one is suspended. A
 * {@code NESTED} transaction shares the outer session; when Spring rolls back to its savepoint, the objects added
 * since (pending or flushed) are expunged and the others expired, so they are reloaded from what the database kept. Spring tells synchronizations about a savepoint only
 * after taking it, so changes still pending when a {@code NESTED} method starts would be written inside the
 * savepoint and undone with it: call {@code get().flush()} before calling such a method (autoflush does it before
 * each query). The object itself is thread-safe; each session it hands out belongs to the thread of its
 * transaction.
 */
public final class TransactionalSession {
    private final SessionFactory sessionFactory;

    /**
     * Creates the accessor.
     *
     * @param sessionFactory makes the sessions
     */
    public TransactionalSession(SessionFactory sessionFactory) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
    }

    /**
     * The session of the current transaction, opened on first use.
     *
     * @return the session
     * @throws IllegalStateException when no Spring transaction is active on this thread
     */
    public Session get() {
        Holder holder = (Holder) TransactionSynchronizationManager.getResource(this);
        if (holder != null) {
            return holder.session;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("No Spring transaction is active on this thread, so there is no session to "
                    + "join: annotate the calling method with @Transactional or run it in a TransactionTemplate, or "
                    + "open a session of your own with SessionFactory.open()");
        }
        Session session = sessionFactory.open();
        Holder created = new Holder(session);
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new Synchronization(this, created));
        return session;
    }

    /** {@return the factory the sessions come from} */
    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    private static final class Holder extends ResourceHolderSupport {
        final Session session;

        Holder(Session session) {
            this.session = session;
        }
    }

    /**
     * Keeps one session's life in step with its Spring transaction. For each savepoint Spring takes it remembers the
     * objects then pending, and collects the objects flushed since; a rollback to the savepoint expunges those (the
     * database no longer has them) and the ones added since that are still pending, and expires the rest.
     */
    private static final class Synchronization implements TransactionSynchronization {
        private final TransactionalSession key;
        private final Holder holder;
        private final Deque<Scope> savepoints = new ArrayDeque<>();

        Synchronization(TransactionalSession key, Holder holder) {
            this.key = key;
            this.holder = holder;
            holder.session.events().onBeforeFlush(session -> {
                for (Scope scope : savepoints) {
                    scope.flushed.addAll(session.newObjects());
                }
            });
        }

        /** The objects of one savepoint's scope, by identity. */
        private record Scope(Object savepoint, Set<Object> pendingBefore, Set<Object> flushed) {
        }

        @Override
        public int getOrder() {
            // before the JDBC connection's own synchronization, so the session is done with it first
            return DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, holder);
        }

        @Override
        public void flush() {
            holder.session.flush();
        }

        @Override
        public void savepoint(Object savepoint) {
            Set<Object> pending = identitySet();
            pending.addAll(holder.session.newObjects());
            savepoints.push(new Scope(savepoint, pending, identitySet()));
        }

        @Override
        public void savepointRollback(Object savepoint) {
            Session session = holder.session;
            Set<Object> undone = identitySet();
            while (!savepoints.isEmpty()) {
                Scope scope = savepoints.pop();
                undone.addAll(scope.flushed);
                for (Object pending : session.newObjects()) {
                    if (!scope.pendingBefore.contains(pending)) {
                        undone.add(pending);
                    }
                }
                if (scope.savepoint == savepoint) {
                    break;
                }
            }
            for (Object o : undone) {
                if (session.contains(o)) {
                    session.expunge(o);
                }
            }
            session.expireAll();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly) {
                holder.session.flush();
            }
        }

        /**
         * Ends the session's own transaction the way Spring ended the real one (so a commit expires objects when
         * the factory says so, and a rollback expunges what was pending), then closes the session.
         */
        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
            savepoints.clear();
            Session session = holder.session;
            try {
                if (status == STATUS_COMMITTED) {
                    session.commit();
                } else {
                    session.rollback();
                }
            } finally {
                session.close();
            }
        }

        private static Set<Object> identitySet() {
            return Collections.newSetFromMap(new IdentityHashMap<>());
        }
    }
}
