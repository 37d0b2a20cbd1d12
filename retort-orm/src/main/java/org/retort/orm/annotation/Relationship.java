package org.retort.orm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field to related objects (SQLAlchemy's {@code relationship()}). The field's type says the target and
 * the shape: an entity class for a reference, {@code List<T>}, {@code Set<T>}, {@code Collection<T>} or
 * {@code Map<K, T>} (with {@link #mapKey()}) for a collection. The join comes from the foreign key between the
 * two tables, or through the {@link #secondary()} table for many-to-many.
 *
 * <pre>{@code
 * @Entity(table = "user_account")
 * class User {
 *     @MappedColumn(primaryKey = true) Long id;
 *     @Relationship(backPopulates = "user", cascade = "all, delete-orphan")
 *     List<Address> addresses = new ArrayList<>();
 * }
 *
 * @Entity(table = "address")
 * class Address {
 *     @MappedColumn(primaryKey = true) Long id;
 *     @MappedColumn(foreignKey = "user_account.id") Long userId;
 *     @Relationship(backPopulates = "addresses") User user;
 * }
 * }</pre>
 *
 * <p>Collection fields are declared as interfaces ({@code List}, {@code Set}, {@code Collection}, {@code Map}):
 * the ORM puts its own lazy-loading collection into the field of loaded objects.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {
    /**
     * {@return the name of the relationship on the target class that mirrors this one; both are kept in sync in
     * memory (appending to a loaded collection sets the other side) and at flush}
     */
    String backPopulates() default "";

    /**
     * {@return the name of the association table of a many-to-many relationship; when the registry's MetaData
     * has no such table it is created with one foreign key column per side ({@code <table>_<key column>})}
     */
    String secondary() default "";

    /**
     * {@return the cascades, comma separated, from {@code save-update, merge, expunge, delete, delete-orphan,
     * refresh-expire} and {@code all} (everything but delete-orphan); SQLAlchemy's default is {@code save-update,
     * merge}}
     */
    String cascade() default "save-update, merge";

    /** {@return how the relationship loads when no query option says otherwise} */
    Lazy lazy() default Lazy.SELECT;

    /**
     * {@return attribute names of the target, each optionally followed by {@code asc} or {@code desc}, comma
     * separated, that order the collection when it is loaded}
     */
    String orderBy() default "";

    /** {@return true for a relationship used only to load and query; the flush never writes through it} */
    boolean viewOnly() default false;

    /**
     * {@return true when the database deletes or nulls the children itself ({@code ON DELETE CASCADE}); deleting a
     * parent then does not load its unloaded children}
     */
    boolean passiveDeletes() default false;

    /**
     * {@return true to write this reference by a second UPDATE after both rows exist, for two rows that refer to
     * each other (a cycle of foreign keys)}
     */
    boolean postUpdate() default false;

    /**
     * {@return the local attributes holding the foreign key, when the tables have more than one foreign key
     * between them (or the join is self-referential and ambiguous)}
     */
    String[] foreignKeys() default {};

    /**
     * {@return for a self-referential relationship, the attributes on the "remote" (parent) side: naming the
     * primary key makes a reference to the parent a many-to-one, as SQLAlchemy's {@code remote_side}}
     */
    String[] remoteSide() default {};

    /** {@return for a {@code Map} collection, the target attribute whose value is the key} */
    String mapKey() default "";
}
