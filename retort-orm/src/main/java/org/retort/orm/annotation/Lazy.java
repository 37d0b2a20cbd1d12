package org.retort.orm.annotation;

/**
 * How a relationship is loaded when no query option says otherwise (SQLAlchemy's {@code lazy=} values).
 *
 * <p>A plain Java field cannot run code when it is read, so "on access" loading happens through the collection
 * the ORM puts in a collection field. A many-to-one field holds the object itself; its {@link #SELECT} default
 * is filled when the object is loaded: from the identity map without SQL when the target is already there,
 * otherwise together with the other loaded rows' targets in one {@code SELECT ... IN} (never one per row).
 */
public enum Lazy {
    /** Loaded on first access (collections), or at load time from the identity map or one batched SELECT (references). */
    SELECT,
    /** Loaded with the parent's query by a LEFT OUTER JOIN. */
    JOINED,
    /** Loaded right after the parent's query by a second SELECT with {@code IN} (chunked for large results). */
    SELECTIN,
    /** Loaded right after the parent's query by a second SELECT joined to the parent's query as a subquery. */
    SUBQUERY,
    /** Not loaded; a collection throws {@link org.retort.orm.LazyLoadException} when accessed. */
    RAISE,
    /** Not loaded: a collection is empty, a reference null. */
    NOLOAD,
    /**
     * Loaded from the columns of a join the query itself makes ({@code Load.containsEager}); a query option
     * only, refused as a mapping default.
     */
    CONTAINS_EAGER
}
