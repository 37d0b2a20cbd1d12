/**
 * The object-relational mapper: declarative mapping, Session, unit of work and identity map.
 *
 * <ul>
 *   <li>{@link org.retort.orm.Registry} maps {@code @Entity} classes (or plain classes, imperatively) to
 *       tables and builds a {@link org.retort.orm.Mapper} per class.</li>
 *   <li>{@link org.retort.orm.Session} (made by a {@link org.retort.orm.SessionFactory}) tracks objects,
 *       keeps one object per row, and flushes changes in foreign-key order; its per-object
 *       {@link org.retort.orm.InstanceState} holds the committed values that dirty checking compares with.</li>
 *   <li>{@link org.retort.orm.Orm} has the ORM-enabled {@code select}, {@code insert}, {@code update},
 *       {@code delete} and {@code aliased}.</li>
 * </ul>
 */
package org.retort.orm;
