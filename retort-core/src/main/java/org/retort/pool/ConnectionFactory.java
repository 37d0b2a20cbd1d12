package org.retort.pool;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new raw JDBC connection; a pool calls it when it needs one (SQLAlchemy's pool {@code creator}). */
@FunctionalInterface
public interface ConnectionFactory {

    /**
     * Opens a connection.
     *
     * @return a new JDBC connection
     * @throws SQLException when the database cannot be reached
     */
    Connection connect() throws SQLException;
}
