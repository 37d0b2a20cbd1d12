package org.retort.orm.internal.collection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.retort.orm.DetachedInstanceException;
import org.retort.orm.LazyLoadException;
import org.retort.orm.internal.loading.Loader;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.mapping.RelationshipProperty;

/**
 * A collection the ORM puts into a relationship field (SQLAlchemy's instrumented collections): it loads its
 * members on first use when it was left unloaded (or raises, for raiseload and strict mode), and keeps the
 * mirror relationship ({@code backPopulates}) in sync when members are added or removed.
 *
 * @param <E> the member type
 */
public sealed interface TrackedCollection<E> permits TrackedList, TrackedSet, TrackedMap {
    /** What happens on first use of an unloaded collection. */
    enum Mode {
        /** Load with a SELECT. */
        LAZY,
        /** Throw {@link LazyLoadException}. */
        RAISE
    }

    /** {@return true once the members are there (loaded, or given)} */
    default boolean isLoaded() {
        return link().loaded;
    }

    /** Loads the members now when they are not loaded (or raises as an access would). */
    default void ensureLoaded() {
        if (!isLoaded()) {
            link().load(this);
        }
    }

    /** {@return the loading state shared by the collection's operations} */
    Link link();

    /**
     * Fills an unloaded collection without side effects (the loader's members), marking it loaded.
     *
     * @param members the members, in order
     */
    void fill(List<?> members);

    /**
     * Adds a member without syncing the mirror side (the mirror side is being synced).
     *
     * @param member the member
     */
    void addQuietly(Object member);

    /**
     * Removes a member without syncing the mirror side.
     *
     * @param member the member
     */
    void removeQuietly(Object member);

    /** What a collection knows about its owner and how to load. */
    final class Link {
        final EntityState owner;
        final RelationshipProperty rel;
        SessionCore core;
        Mode mode;
        boolean loaded;
        /** Loader criteria of the query that loaded the owner ({@code withLoaderCriteria}), for the lazy load. */
        final List<org.retort.sql.Expression<?>> criteria;
        private boolean loading;

        Link(EntityState owner, RelationshipProperty rel, SessionCore core, Mode mode, boolean loaded,
                List<org.retort.sql.Expression<?>> criteria) {
            this.owner = owner;
            this.rel = rel;
            this.core = core;
            this.mode = mode;
            this.loaded = loaded;
            this.criteria = criteria;
        }

        /** Loads the members through the owner's session, or explains why it cannot. */
        void load(TrackedCollection<?> c) {
            if (loaded || loading) {
                return;
            }
            String what = "'" + rel.name() + "' of " + owner.mapper().entityClass().getSimpleName()
                    + (owner.key == null ? "" : " " + owner.key.values());
            if (mode == Mode.RAISE) {
                throw new LazyLoadException("Attribute " + what + " is not loaded and may not load on access "
                        + "(raiseload, lazy = RAISE or strict loading); load it with the query: "
                        + ".options(Load.selectinload(" + owner.mapper().entityClass().getSimpleName() + "_."
                        + rel.name() + ")) or joinedload");
            }
            if (core == null || core.isClosed() || owner.session != core) {
                throw new DetachedInstanceException("Parent instance " + owner.mapper().entityClass().getSimpleName()
                        + (owner.key == null ? "" : " " + owner.key.values()) + " is not bound to a Session; lazy load "
                        + "of attribute '" + rel.name() + "' cannot proceed. Load it before the session closes "
                        + "(selectinload/joinedload), or add the object to an open session");
            }
            loading = true;
            try {
                core.autoflush(); // as a query would: the load sees what this session changed
                if (loaded) {
                    return; // the autoflush's own work loaded it
                }
                List<Object> members = Loader.loadCollection(core, owner, rel, criteria);
                c.fill(members);
                owner.commitRelationship(rel);
            } finally {
                loading = false;
            }
        }

        /** Keeps the mirror relationship of a member in step with its addition to this collection. */
        void added(Object member) {
            RelationshipProperty mirror = rel.reverse();
            if (mirror == null || member == null) {
                return;
            }
            Object owner = this.owner.object();
            if (!mirror.isCollection()) {
                Object old = mirror.get(member);
                if (old != owner) {
                    if (old != null && rel.get(old) instanceof TrackedCollection<?> t && t.isLoaded()) {
                        t.removeQuietly(member);
                    }
                    mirror.set(member, owner);
                }
            } else if (mirror.get(member) instanceof TrackedCollection<?> t) {
                if (t.isLoaded()) {
                    t.addQuietly(owner);
                }
            } else if (mirror.get(member) instanceof Collection<?> plain && !containsSame(plain, owner)) {
                @SuppressWarnings("unchecked")
                Collection<Object> members = (Collection<Object>) plain;
                members.add(owner);
            }
        }

        /** Keeps the mirror relationship of a member in step with its removal from this collection. */
        void removed(Object member) {
            RelationshipProperty mirror = rel.reverse();
            if (mirror == null || member == null) {
                return;
            }
            Object owner = this.owner.object();
            if (!mirror.isCollection()) {
                if (mirror.get(member) == owner) {
                    mirror.set(member, null);
                }
            } else if (mirror.get(member) instanceof TrackedCollection<?> t) {
                if (t.isLoaded()) {
                    t.removeQuietly(owner);
                }
            } else if (mirror.get(member) instanceof Collection<?> plain) {
                plain.removeIf(o -> o == owner);
            }
        }
    }

    /**
     * {@return true when a collection holds this very object}
     *
     * @param c the collection
     * @param o the object
     */
    static boolean containsSame(Collection<?> c, Object o) {
        for (Object x : c) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    /**
     * An unloaded collection for a relationship field of a persistent object.
     *
     * @param r the relationship
     * @param owner the owner's state
     * @param core the session
     * @return the collection
     */
    static Object unloaded(RelationshipProperty r, EntityState owner, SessionCore core) {
        return unloaded(r, owner, core, List.of());
    }

    /**
     * An unloaded collection whose lazy load adds loader criteria.
     *
     * @param r the relationship
     * @param owner the owner's state
     * @param core the session
     * @param criteria conditions on the target for the lazy load
     * @return the collection
     */
    static Object unloaded(RelationshipProperty r, EntityState owner, SessionCore core,
            List<org.retort.sql.Expression<?>> criteria) {
        return make(r, owner, core, core != null && core.factory().strictLoading() ? Mode.RAISE : Mode.LAZY, false,
                criteria);
    }

    /**
     * An unloaded collection that raises on access.
     *
     * @param r the relationship
     * @param owner the owner's state
     * @param core the session
     * @return the collection
     */
    static Object raising(RelationshipProperty r, EntityState owner, SessionCore core) {
        return make(r, owner, core, Mode.RAISE, false, List.of());
    }

    /**
     * A loaded collection with members.
     *
     * @param r the relationship
     * @param owner the owner's state
     * @param core the session
     * @param members the members
     * @return the collection
     */
    static Object loaded(RelationshipProperty r, EntityState owner, SessionCore core, List<?> members) {
        Object c = make(r, owner, core, Mode.LAZY, false, List.of());
        ((TrackedCollection<?>) c).fill(members);
        return c;
    }

    /**
     * A loaded collection made of a list a load built for it: a list relationship keeps that list as its items
     * (no copy; the caller no longer uses it), other shapes copy it.
     *
     * @param r the relationship
     * @param owner the owner's state
     * @param core the session
     * @param members the members, handed over
     * @return the collection
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object adopting(RelationshipProperty r, EntityState owner, SessionCore core, ArrayList<Object> members) {
        if (r.shape() != RelationshipProperty.Shape.LIST) {
            return loaded(r, owner, core, members);
        }
        return new TrackedList(new Link(owner, r, core, Mode.LAZY, true, List.of()), members);
    }

    private static Object make(RelationshipProperty r, EntityState owner, SessionCore core, Mode mode,
            boolean loaded, List<org.retort.sql.Expression<?>> criteria) {
        Link link = new Link(owner, r, core, mode, loaded, criteria);
        return switch (r.shape()) {
            case LIST -> new TrackedList<>(link, new ArrayList<>());
            case SET -> new TrackedSet<>(link, new LinkedHashSet<>());
            case MAP -> new TrackedMap<>(link, new LinkedHashMap<>());
            case REFERENCE, WRITE_ONLY -> throw new IllegalArgumentException(r + " is not a loadable collection");
        };
    }

    /**
     * Binds the tracked collections of an object joining a session to that session (a detached object added
     * again loads through its new session).
     *
     * @param st the state
     * @param core the session
     */
    static void bindAll(EntityState st, SessionCore core) {
        for (RelationshipProperty r : st.mapper().relationships()) {
            if (r.isWriteOnly()) {
                writeOnly(r, st);
                continue;
            }
            if (r.isCollection() && r.get(st.object()) instanceof TrackedCollection<?> t && t.link().owner == st) {
                t.link().core = core;
            }
        }
    }

    /**
     * Gives an object's write-only relationship a collection bound to it (creating one when the field is empty).
     *
     * @param r the write-only relationship
     * @param st the owner's state
     */
    static void writeOnly(RelationshipProperty r, EntityState st) {
        Object current = r.get(st.object());
        org.retort.orm.WriteOnlyCollection<?> w = current instanceof org.retort.orm.WriteOnlyCollection<?> c ? c
                : new org.retort.orm.WriteOnlyCollection<>();
        w.bind(st.object(), r);
        if (current != w) {
            r.set(st.object(), w);
        }
    }

    /**
     * Sets the members of a relationship collection of an object, keeping its tracked collection when it has one.
     *
     * @param r the relationship
     * @param target the object
     * @param members the new members
     * @param core the session
     */
    @SuppressWarnings("unchecked")
    static void replaceContents(RelationshipProperty r, Object target, List<Object> members, SessionCore core) {
        Object current = r.get(target);
        if (current instanceof TrackedCollection<?> t) {
            t.link().load(t);
            if (current instanceof Map<?, ?> m) {
                m.clear();
            } else {
                ((Collection<?>) current).clear();
            }
            for (Object o : members) {
                if (current instanceof TrackedMap<?, ?> tm) {
                    ((TrackedMap<Object, Object>) tm).put(r.mapKey().get(o), o);
                } else {
                    ((Collection<Object>) current).add(o);
                }
            }
            return;
        }
        EntityState st = core.stateOf(target);
        if (st == null) {
            st = core.inspect(target);
        }
        r.set(target, loaded(r, st, core, members));
    }
}
