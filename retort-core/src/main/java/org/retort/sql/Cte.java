package org.retort.sql;

import java.util.List;
import org.retort.exc.ArgumentException;

/**
 * A common table expression: {@code WITH name AS (statement)} (SQLAlchemy's {@code cte()}). Use it in FROM like a
 * table; the WITH clause is rendered once at the top of the statement that uses it. A recursive CTE refers to
 * itself in the second part of {@link #unionAll(SelectBase)}. The statement may be an INSERT, UPDATE or DELETE
 * with RETURNING (a data-modifying CTE, PostgreSQL).
 *
 * @param statement the SELECT or DML statement
 * @param name the CTE's name, or null for an anonymous {@code anon_N} (not for a recursive CTE)
 * @param recursive true for {@code WITH RECURSIVE}
 * @param restates the CTE this one extends with a UNION (the anchor of a recursive CTE), or null
 */
public record Cte(Statement statement, String name, boolean recursive, Cte restates) implements FromClause {

    /**
     * Creates a CTE.
     *
     * @param statement the statement
     * @param name the name
     * @param recursive recursive
     * @param restates anchor or null
     */
    public Cte {
        if (name == null && recursive) {
            throw new ArgumentException("A recursive CTE needs a name: its second part selects from it by name");
        }
        if (name != null && name.isEmpty()) {
            throw new ArgumentException("A CTE's name must not be empty; pass null (cte()) for an anonymous one");
        }
    }

    private List<Expression<?>> statementColumns() {
        if (statement instanceof SelectBase s) {
            return s.selectedColumns();
        }
        return statement.returningColumns();
    }

    @Override
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        for (Expression<?> e : statementColumns()) {
            if (columnName.equals(SelectColumns.nameOf(e))) {
                return new DerivedColumn<>(this, columnName, (org.retort.types.SqlType<Object>) e.type());
            }
        }
        for (Expression<?> e : statementColumns()) {
            if (e instanceof ColumnClause<?> col && columnName.equals(col.key())) { // a keyed column, by its key
                return new DerivedColumn<>(this, SelectColumns.nameOf(e), (org.retort.types.SqlType<Object>) e.type());
            }
        }
        throw new ArgumentException("CTE " + (name == null ? "(anonymous)" : name) + " has no column '" + columnName
                + "'; its columns are "
                + SelectColumns.names(statementColumns()));
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return SelectColumns.names(statementColumns()).stream().<DerivedColumn<?>>map(this::c).toList();
    }

    /**
     * {@code anchor UNION ALL recursive-part}: completes a recursive CTE.
     *
     * @param other the part that selects from this CTE
     * @return the complete CTE, with the same name
     */
    public Cte unionAll(SelectBase other) {
        return new Cte(CompoundSelect.of(CompoundSelect.Kind.UNION_ALL, anchor(), other), name, recursive, this);
    }

    /**
     * {@return {@code anchor UNION recursive-part}}
     *
     * @param other the recursive part
     */
    public Cte union(SelectBase other) {
        return new Cte(CompoundSelect.of(CompoundSelect.Kind.UNION, anchor(), other), name, recursive, this);
    }

    /**
     * {@return this CTE under another name in FROM, {@code FROM name_of_cte AS name}; use it twice to join the
     * CTE to itself}
     *
     * @param name the alias
     */
    public CteAlias alias(String name) {
        return new CteAlias(this, java.util.Objects.requireNonNull(name, "name"));
    }

    /** {@return this CTE under an anonymous alias, named when the statement is compiled} */
    public CteAlias alias() {
        return new CteAlias(this, null);
    }

    private SelectBase anchor() {
        if (statement instanceof SelectBase s) {
            return s;
        }
        throw new ArgumentException("Only a SELECT CTE can be extended with UNION");
    }

    @Override
    public String toString() {
        return name;
    }
}
