package org.retort.sql;

import java.util.List;
import org.retort.exc.ArgumentException;

/**
 * {@code table AS name}: the same table under another name, to use it twice in one query
 * (SQLAlchemy's {@code table.alias()}). A null name gets an anonymous {@code tablename_N} at compile time.
 *
 * @param table the aliased table
 * @param name the alias, or null for an anonymous one
 */
public record TableAlias(TableClause table, String name) implements FromClause {

    @Override
    public DerivedColumn<Object> c(String columnName) {
        ColumnClause<Object> col = table.c(columnName);
        return new DerivedColumn<>(this, col.name(), col.type());
    }

    /**
     * The column of a name, typed.
     *
     * @param columnName the column
     * @param javaType the Java class of its values
     * @param <T> the value type
     * @return the column of the alias
     */
    public <T> DerivedColumn<T> c(String columnName, Class<T> javaType) {
        ColumnClause<T> col = table.c(columnName, javaType);
        return new DerivedColumn<>(this, col.name(), col.type());
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return table.columns().stream().<DerivedColumn<?>>map(c -> new DerivedColumn<>(this, c.name(), c.type())).toList();
    }

    /**
     * Finds the alias's column standing for a column of the aliased table.
     *
     * @param column a column of {@link #table()}
     * @return the alias's column
     */
    public DerivedColumn<?> corresponding(ColumnClause<?> column) {
        if (column.table() != table) {
            throw new ArgumentException("Column " + column + " is not a column of " + table.fullName());
        }
        return c(column.name());
    }

    @Override
    public String toString() {
        return table.fullName() + " AS " + (name == null ? "<anonymous>" : name);
    }
}
