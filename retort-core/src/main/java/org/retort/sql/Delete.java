package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code DELETE FROM table WHERE ...} (SQLAlchemy's {@code delete()}). Other tables named in the WHERE clause
 * become {@code DELETE ... USING} (PostgreSQL, MySQL) or {@code DELETE ... FROM} (SQL Server).
 *
 * <pre>{@code
 * delete(users).where(users.c("name").eq("patrick"))   // DELETE FROM users WHERE users.name = ?
 * }</pre>
 */
public final class Delete extends MemoizedStatement implements Statement {
    private final TableClause table;
    private final List<Expression<?>> where;
    private final List<Expression<?>> returning;
    private final TableAlias alias;

    private Delete(TableClause table, List<Expression<?>> where, List<Expression<?>> returning, TableAlias alias) {
        this.table = table;
        this.where = where;
        this.returning = returning;
        this.alias = alias;
    }

    static Delete from(TableClause table) {
        return new Delete(Objects.requireNonNull(table, "table"), List.of(), List.of(), null);
    }

    static Delete from(TableAlias alias) {
        return new Delete(Objects.requireNonNull(alias, "alias").table(), List.of(), List.of(), alias);
    }

    /** {@return the alias the rows are deleted through ({@code DELETE FROM t AS a}), or null} */
    public TableAlias alias() {
        return alias;
    }

    /** {@return the table rows are deleted from} */
    public TableClause table() {
        return table;
    }

    /** {@return the WHERE conditions} */
    public List<Expression<?>> whereClause() {
        return where;
    }

    @Override
    public List<Expression<?>> returningColumns() {
        return returning;
    }

    /**
     * {@return the statement with {@code WHERE conditions}}
     *
     * @param conditions conditions, ANDed
     */
    public Delete where(Expression<?>... conditions) {
        List<Expression<?>> w = new ArrayList<>(where);
        w.addAll(List.of(conditions));
        return new Delete(table, List.copyOf(w), returning, alias);
    }

    /**
     * {@return the statement with {@code RETURNING columns}}
     *
     * @param columns columns or expressions
     */
    public Delete returning(Expression<?>... columns) {
        List<Expression<?>> r = new ArrayList<>(returning);
        r.addAll(List.of(columns));
        return new Delete(table, where, List.copyOf(r), alias);
    }

    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
