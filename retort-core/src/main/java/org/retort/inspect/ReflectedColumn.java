package org.retort.inspect;

import org.retort.schema.Computed;
import org.retort.schema.Identity;
import org.retort.types.SqlType;

/**
 * A column as the database describes it.
 *
 * @param name the column name
 * @param type the Retort type its database type maps to ({@link org.retort.types.NullType} when unknown)
 * @param nullable true when NULL is allowed
 * @param defaultSql the server default as SQL text, or null
 * @param autoincrement true when the database generates values (SERIAL, AUTO_INCREMENT, IDENTITY, SQLite rowid)
 * @param identity the IDENTITY definition, or null
 * @param computed the generated-column expression, or null
 * @param comment the comment, or null
 */
public record ReflectedColumn(String name, SqlType<?> type, boolean nullable, String defaultSql, boolean autoincrement,
                              Identity identity, Computed computed, String comment) {
}
