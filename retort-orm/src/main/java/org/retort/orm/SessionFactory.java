package org.retort.orm;

import java.util.Objects;
import org.retort.engine.Engine;

/**
 * Makes sessions with one configuration (SQLAlchemy's {@code sessionmaker}); immutable and thread-safe, so an
 * application keeps one and opens a session per unit of work.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine).expireOnCommit(false).build();
 * try (Session session = sessions.open()) { ... session.commit(); }
 * }</pre>
 */
public final class SessionFactory {
    private final Engine engine;
    private final Registry registry;
    private final boolean expireOnCommit;
    private final boolean autoflush;
    private final boolean autobegin;
    private final boolean strictLoading;
    private final SessionEvents events = new SessionEvents();

    private SessionFactory(Builder b) {
        this.engine = b.engine;
        this.registry = b.registry;
        this.expireOnCommit = b.expireOnCommit;
        this.autoflush = b.autoflush;
        this.autobegin = b.autobegin;
        this.strictLoading = b.strictLoading;
    }

    /**
     * Starts configuring sessions on an engine.
     *
     * @param engine the engine sessions run on
     * @return the builder
     */
    public static Builder builder(Engine engine) {
        return new Builder(engine);
    }

    /** {@return a new session; close it (try-with-resources) when done} */
    public Session open() {
        return new Session(this);
    }

    /** {@return the events shared by every session of this factory} */
    public SessionEvents events() {
        return events;
    }

    /** {@return the engine} */
    public Engine engine() {
        return engine;
    }

    /** {@return the registry whose mappers sessions use, or null for the published ones} */
    public Registry registry() {
        return registry;
    }

    /** {@return whether commit expires every object} */
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    /** {@return whether queries flush pending changes first} */
    public boolean autoflush() {
        return autoflush;
    }

    /** {@return whether a session begins its transaction by itself on first use} */
    public boolean autobegin() {
        return autobegin;
    }

    /**
     * {@return true when every lazy load raises {@link LazyLoadException}: relationships load only as the query's
     * options (or their mapping's eager strategy) say, so an N+1 pattern cannot go unnoticed}
     */
    public boolean strictLoading() {
        return strictLoading;
    }

    /** Configures a {@link SessionFactory}. */
    public static final class Builder {
        private final Engine engine;
        private Registry registry;
        private boolean expireOnCommit = true;
        private boolean autoflush = true;
        private boolean autobegin = true;
        private boolean strictLoading;

        private Builder(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /**
         * {@return this}
         *
         * @param registry the registry to find mappers in (default: the last registry that mapped each class)
         */
        public Builder registry(Registry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * {@return this}
         *
         * @param on true (default) to mark every object expired at commit, reloading it when next queried
         */
        public Builder expireOnCommit(boolean on) {
            this.expireOnCommit = on;
            return this;
        }

        /**
         * {@return this}
         *
         * @param on true (default) to flush pending changes before each query and {@code get}
         */
        public Builder autoflush(boolean on) {
            this.autoflush = on;
            return this;
        }

        /**
         * {@return this}
         *
         * @param on true (default) to begin a transaction on first use; false requires {@link Session#begin()}
         */
        public Builder autobegin(boolean on) {
            this.autobegin = on;
            return this;
        }

        /**
         * Strict loading: every lazy load of a collection raises {@link LazyLoadException} naming the class and
         * attribute, instead of running a SELECT; queries say what to load with
         * {@link org.retort.orm.loading.Load} options. Many-to-one references are still filled when their objects
         * load (from the identity map, or one batched SELECT per query), which cannot cause N+1 queries.
         *
         * @param on true for strict loading (default false)
         * @return this builder
         */
        public Builder strictLoading(boolean on) {
            this.strictLoading = on;
            return this;
        }

        /** {@return the factory} */
        public SessionFactory build() {
            return new SessionFactory(this);
        }
    }
}
