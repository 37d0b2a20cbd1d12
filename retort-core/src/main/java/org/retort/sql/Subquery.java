package org.retort.sql;

import java.util.List;
import org.retort.exc.ArgumentException;

/**
 * A SELECT in FROM: {@code (SELECT ...) AS name}, optionally {@code LATERAL}. Its columns are the SELECT's
 * result columns, by their names or labels.
 *
 * @param select the query
 * @param name the alias, or null for an anonymous {@code anon_N}
 * @param lateral true for {@code LATERAL (SELECT ...)}, which may refer to FROM items to its left
 */
public record Subquery(SelectBase select, String name, boolean lateral) implements FromClause {

    @Override
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        for (Expression<?> e : select.selectedColumns()) {
            String n = SelectColumns.nameOf(e);
            if (columnName.equals(n)) {
                return new DerivedColumn<>(this, n, (org.retort.types.SqlType<Object>) e.type());
            }
        }
        for (Expression<?> e : select.selectedColumns()) {
            if (e instanceof ColumnClause<?> col && columnName.equals(col.key())) { // a keyed column, by its key
                return new DerivedColumn<>(this, SelectColumns.nameOf(e), (org.retort.types.SqlType<Object>) e.type());
            }
        }
        throw new ArgumentException("Subquery " + (name == null ? "(anonymous)" : name) + " has no column '"
                + columnName + "'; its columns are " + SelectColumns.names(select.selectedColumns()));
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return SelectColumns.names(select.selectedColumns()).stream().<DerivedColumn<?>>map(this::c).toList();
    }

    @Override
    public String toString() {
        return "(" + select + ") AS " + (name == null ? "anon" : name);
    }
}
