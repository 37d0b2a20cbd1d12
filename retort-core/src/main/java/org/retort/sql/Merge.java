package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;

/**
 * {@code MERGE INTO target USING source ON condition WHEN MATCHED ... WHEN NOT MATCHED ...} (SQL:2003; PostgreSQL
 * 15+, H2, SQL Server, Oracle). Immutable: each {@code when...} returns a new statement with the clause added in
 * order. MySQL, MariaDB and SQLite have no MERGE and refuse it at compile time; for a portable "insert or
 * update" use {@link Insert#upsert}.
 *
 * <pre>{@code
 * merge(account).using(staged, account.c("id").eq(staged.c("id")))
 *     .whenMatchedThenUpdate(Map.of("balance", staged.c("balance")))
 *     .whenNotMatchedThenInsert(Map.of("id", staged.c("id"), "balance", staged.c("balance")))
 * }</pre>
 *
 * @param target the table written to
 * @param source the rows merged in: a table, alias, subquery or VALUES list
 * @param on the matching condition
 * @param clauses the WHEN clauses, in order
 */
public record Merge(TableClause target, FromClause source, Expression<?> on, List<When> clauses) implements Statement {

    /**
     * One WHEN clause.
     *
     * @param matched true for WHEN MATCHED, false for WHEN NOT MATCHED
     * @param condition the extra {@code AND condition}, or null
     * @param action UPDATE, DELETE or INSERT
     * @param values SET values (UPDATE) or inserted values (INSERT) by column name, in table order; empty for DELETE
     */
    public record When(boolean matched, Expression<?> condition, Action action, Map<String, Expression<?>> values) {
        /**
         * Copies the values.
         *
         * @param matched matched or not
         * @param condition condition or null
         * @param action the action
         * @param values the values
         */
        public When {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** What a WHEN clause does. */
    public enum Action {
        /** {@code THEN UPDATE SET ...}. */
        UPDATE,
        /** {@code THEN DELETE}. */
        DELETE,
        /** {@code THEN INSERT (...) VALUES (...)}. */
        INSERT
    }

    /**
     * Checks the parts.
     *
     * @param target the target
     * @param source the source
     * @param on the condition
     * @param clauses the clauses
     */
    public Merge {
        Objects.requireNonNull(target, "target");
        clauses = List.copyOf(clauses);
    }

    /**
     * {@return a MERGE into a table, to be given its source with {@link #using(FromClause, Expression)}}
     *
     * @param target the table
     */
    static Merge into(TableClause target) {
        return new Merge(target, null, null, List.of());
    }

    /**
     * {@return this MERGE reading from a source, rows matching where {@code on} holds}
     *
     * @param source a table, alias, subquery or VALUES list
     * @param on the matching condition
     */
    public Merge using(FromClause source, Expression<?> on) {
        return new Merge(target, Objects.requireNonNull(source, "source"), Objects.requireNonNull(on, "on"), clauses);
    }

    /**
     * {@return this MERGE with {@code WHEN MATCHED THEN UPDATE SET ...}}
     *
     * @param set new values by column name or column: expressions (usually the source's columns) or values
     */
    public Merge whenMatchedThenUpdate(Map<?, ?> set) {
        return with(new When(true, null, Action.UPDATE, values(set)));
    }

    /**
     * {@return this MERGE with {@code WHEN MATCHED AND condition THEN UPDATE SET ...}}
     *
     * @param condition the extra condition
     * @param set new values
     */
    public Merge whenMatchedThenUpdate(Expression<?> condition, Map<?, ?> set) {
        return with(new When(true, Objects.requireNonNull(condition, "condition"), Action.UPDATE, values(set)));
    }

    /** {@return this MERGE with {@code WHEN MATCHED THEN DELETE}} */
    public Merge whenMatchedThenDelete() {
        return with(new When(true, null, Action.DELETE, Map.of()));
    }

    /**
     * {@return this MERGE with {@code WHEN MATCHED AND condition THEN DELETE}}
     *
     * @param condition the extra condition
     */
    public Merge whenMatchedThenDelete(Expression<?> condition) {
        return with(new When(true, Objects.requireNonNull(condition, "condition"), Action.DELETE, Map.of()));
    }

    /**
     * {@return this MERGE with {@code WHEN NOT MATCHED THEN INSERT (cols) VALUES (...)}}
     *
     * @param values inserted values by column name or column
     */
    public Merge whenNotMatchedThenInsert(Map<?, ?> values) {
        if (values.isEmpty()) {
            throw new ArgumentException("whenNotMatchedThenInsert() needs the values to insert");
        }
        return with(new When(false, null, Action.INSERT, values(values)));
    }

    private Merge with(When w) {
        if (source == null) {
            throw new ArgumentException("Give the MERGE its source first: merge(table).using(source, on)");
        }
        List<When> all = new ArrayList<>(clauses);
        all.add(w);
        return new Merge(target, source, on, all);
    }

    private Map<String, Expression<?>> values(Map<?, ?> set) {
        Map<String, Expression<?>> byName = new java.util.HashMap<>();
        for (Map.Entry<?, ?> e : set.entrySet()) {
            ColumnClause<?> col = Coercions.targetColumn(target, e.getKey());
            byName.put(col.name(), Coercions.columnValue(col, col.key(), e.getValue(), true));
        }
        if (byName.isEmpty()) {
            throw new ArgumentException("A MERGE UPDATE needs values to set");
        }
        return Coercions.inTableOrder(target, byName);
    }

    /** {@return the statement as generic SQL with {@code :name} parameters} */
    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
