package org.retort.schema;

import java.util.Objects;
import org.retort.exc.ArgumentException;

/**
 * A column's key (SQLAlchemy's {@code Column(..., key=...)}): the name the application knows it by, when that differs
 * from its name in the database. {@code column("user_name", VARCHAR(30), key("name"))} is looked up as
 * {@code table.c("name")}, takes its values from {@code insert(table).values(Map.of("name", ...))} and binds as
 * {@code :name}, while SQL says {@code user_name}. Without one, the key is the column name.
 *
 * @param key the key
 */
public record ColumnKey(String key) implements ColumnOption {

    /**
     * Checks the key.
     *
     * @param key the key
     * @throws ArgumentException when it is empty
     */
    public ColumnKey {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new ArgumentException("A column key must not be empty; leave key(...) out to use the column name");
        }
    }
}
