/**
 * The object-relational mapper: declarative mapping, relationships, Session, unit of work, identity map and
 * loading.
 *
 * <ul>
 *   <li>{@link org.retort.orm.Registry} maps {@code @Entity} classes (or plain classes, imperatively) to
 *       tables and builds a {@link org.retort.orm.mapping.Mapper} per class, with its column and relationship
 *       properties.</li>
 *   <li>{@link org.retort.orm.Session} (made by a {@link org.retort.orm.SessionFactory}) tracks objects,
 *       keeps one object per row, and flushes changes in foreign-key order; its per-object
 *       {@link org.retort.orm.InstanceState} holds the committed values that dirty checking compares with.</li>
 *   <li>{@link org.retort.orm.Orm} has the ORM-enabled {@code select}, {@code insert}, {@code update},
 *       {@code delete} and {@code aliased}; {@link org.retort.orm.loading.Load} the loader options that say how
 *       relationships load.</li>
 * </ul>
 *
 * <p>The implementation lives in {@code org.retort.orm.internal.*}, which the module does not export.
 */
package org.retort.orm;
