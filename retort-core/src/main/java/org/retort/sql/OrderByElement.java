package org.retort.sql;

/** Something ORDER BY accepts: an expression (ascending) or an {@link OrderBy} with direction and NULLS placement. */
public sealed interface OrderByElement permits Expression, OrderBy {
}
