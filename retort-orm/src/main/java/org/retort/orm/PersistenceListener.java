package org.retort.orm;

import org.retort.engine.Connection;
import org.retort.orm.mapping.Mapper;

/**
 * Called per row inside a flush, before or after its INSERT, UPDATE or DELETE (SQLAlchemy's mapper events
 * {@code before_insert}, {@code after_update}, ...). A before-listener may still change the object's fields;
 * the statement sees the change.
 *
 * @param <T> the mapped class
 */
@FunctionalInterface
public interface PersistenceListener<T> {

    /**
     * Handles one row.
     *
     * @param mapper the mapper of the object
     * @param connection the connection the flush runs on
     * @param target the object
     */
    void handle(Mapper<T> mapper, Connection connection, T target);
}
