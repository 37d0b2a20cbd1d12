package org.retort.sql;

import org.retort.types.SqlType;

/**
 * One column of a statement's result as the compiler knows it: the key rows are addressed by, the type that
 * reads its values, and the expression it came from (so {@code row.get(users.c("id"))} finds it).
 *
 * @param name the column's key in rows (its label)
 * @param type the type whose reader converts the values
 * @param source the expression object the column was selected as, or null
 */
public record ResultColumn(String name, SqlType<?> type, Object source) {
}
