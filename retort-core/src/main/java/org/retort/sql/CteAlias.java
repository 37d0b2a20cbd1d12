package org.retort.sql;

import java.util.List;

/**
 * A common table expression under another name in FROM ({@code FROM cte AS name}), so one CTE can appear
 * twice in a query, for example joined to itself (SQLAlchemy's {@code cte.alias()}). Made by {@link Cte#alias}.
 *
 * @param cte the CTE
 * @param name the alias, or null for an anonymous one named when compiled
 */
public record CteAlias(Cte cte, String name) implements FromClause {

    @Override
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        DerivedColumn<?> col = cte.c(columnName);
        return new DerivedColumn<>(this, col.name(), (org.retort.types.SqlType<Object>) col.type());
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return cte.columns().stream().<DerivedColumn<?>>map(c -> new DerivedColumn<>(this, c.name(), c.type()))
                .toList();
    }

    @Override
    public String toString() {
        return cte.name() + " AS " + (name == null ? "<anonymous>" : name);
    }
}
