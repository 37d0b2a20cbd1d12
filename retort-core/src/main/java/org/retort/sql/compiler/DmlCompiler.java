package org.retort.sql.compiler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.dialect.Dialect;
import org.retort.sql.Delete;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.Insert;
import org.retort.sql.OnConflict;
import org.retort.sql.SelectBase;
import org.retort.sql.Statement;
import org.retort.sql.TableClause;
import org.retort.sql.Update;
import org.retort.sql.internal.Froms;

/**
 * Renders INSERT, UPDATE and DELETE: VALUES (single and multi-row), INSERT ... SELECT, DEFAULT VALUES,
 * upserts, RETURNING (SQL Server's OUTPUT), and the multi-table forms {@code UPDATE ... FROM} and
 * {@code DELETE ... USING} through dialect hooks.
 */
public abstract class DmlCompiler extends SelectCompiler {

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    protected DmlCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected void dml(Statement statement) {
        switch (statement) {
            case Insert i -> insert(i);
            case Update u -> update(u);
            case Delete d -> delete(d);
            case org.retort.sql.Merge m -> merge(m);
            case SelectBase s -> selectBase(s);
        }
    }

    /**
     * Whether this database can return rows from a statement of this kind.
     *
     * @param statement the INSERT, UPDATE or DELETE
     * @return true when RETURNING (or OUTPUT) is available
     */
    protected boolean supportsReturning(Statement statement) {
        return dialect.supportsReturning();
    }

    /** {@return true when returned rows come from an OUTPUT clause placed mid-statement (SQL Server)} */
    protected boolean returningAsOutput() {
        return false;
    }

    private void requireReturning(Statement s) {
        if (!s.returningColumns().isEmpty() && !supportsReturning(s)) {
            throw unsupported("RETURNING on " + s.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Renders SQL Server's {@code OUTPUT inserted.x} at its place, when the dialect uses it.
     *
     * @param s the statement
     * @param pseudoTable {@code inserted} or {@code deleted}
     */
    protected void output(Statement s, String pseudoTable) {
        if (returningAsOutput() && !s.returningColumns().isEmpty()) {
            sql(" OUTPUT ");
            TableClause savedTable = pseudoTableOf;
            String savedName = pseudoTableName;
            pseudoTableOf = switch (s) {
                case Insert i -> i.table();
                case org.retort.sql.Update u -> u.table();
                case org.retort.sql.Delete d -> d.table();
                case org.retort.sql.Merge m -> m.target();
                case SelectBase b -> null;
            };
            pseudoTableName = pseudoTable;
            try {
                selectList(s.returningColumns());
            } finally {
                pseudoTableOf = savedTable;
                pseudoTableName = savedName;
            }
        }
    }

    /**
     * Renders {@code RETURNING ...} at the end of a statement, when the dialect uses it.
     *
     * @param s the statement
     */
    protected void returning(Statement s) {
        if (!returningAsOutput() && !s.returningColumns().isEmpty()) {
            sql(" RETURNING ");
            selectList(s.returningColumns());
        }
    }

    // ------------------------------------------------------------------ INSERT

    /**
     * Renders an INSERT.
     *
     * @param i the statement
     */
    protected void insert(Insert i) {
        if (i.onConflict() != null && i.onConflict().kind() == OnConflict.Kind.UPSERT && upsertAsMerge()) {
            merge(i, i.onConflict());
            return;
        }
        requireReturning(i);
        sql("INSERT INTO " + tableName(i.table()));
        if (i.fromSelectQuery() != null) {
            sql(" (" + String.join(", ", i.fromSelectColumns().stream().map(this::quote).toList()) + ")");
            output(i, "inserted");
            sql(" ");
            selectBase(i.fromSelectQuery());
        } else if (i.rows().isEmpty() || i.rows().get(0).isEmpty()) {
            output(i, "inserted");
            defaultValues(i.table());
        } else {
            Map<String, Expression<?>> first = i.rows().get(0);
            sql(" (" + String.join(", ", first.keySet().stream().map(this::quote).toList()) + ")");
            output(i, "inserted");
            if (i.isMultiValues() && i.rows().size() > 1 && !dialect.supportsMultiValuesInsert()) {
                throw unsupported("A multi-row VALUES insert");
            }
            sql(" VALUES ");
            boolean single = i.rows().size() == 1;
            String sep = "";
            for (Map<String, Expression<?>> row : i.rows()) {
                sql(sep);
                if (single) {
                    out.markValuesGroupStart(); // insertmanyvalues repeats this row for executemany
                }
                sql("(");
                list(new ArrayList<>(row.values()));
                sql(")");
                if (single) {
                    out.markValuesGroupEnd();
                }
                sep = ", ";
            }
        }
        if (i.onConflict() != null) {
            upsert(i, i.onConflict());
        }
        returning(i);
    }

    /**
     * Renders an INSERT of a row of defaults; {@code DEFAULT VALUES} by default.
     *
     * @param table the table
     */
    protected void defaultValues(TableClause table) {
        sql(" DEFAULT VALUES");
    }

    /**
     * Renders the upsert clause: {@link #onConflict} where {@link #supportsOnConflict()}, else unsupported.
     *
     * @param i the INSERT
     * @param oc the clause
     */
    protected void upsert(Insert i, OnConflict oc) {
        if (supportsOnConflict()) {
            onConflict(i, oc);
            return;
        }
        throw unsupported(oc.kind() == OnConflict.Kind.DUPLICATE_KEY_UPDATE ? "ON DUPLICATE KEY UPDATE"
                : "ON CONFLICT (upsert)");
    }

    /**
     * Whether the database has PostgreSQL/SQLite {@code INSERT ... ON CONFLICT}; dialects that do return true.
     *
     * @return false by default
     */
    protected boolean supportsOnConflict() {
        return false;
    }

    /**
     * Whether {@code ON CONFLICT DO UPDATE} may omit the conflict target (SQLite 3.35+).
     *
     * @return false by default
     */
    protected boolean supportsUntargetedDoUpdate() {
        return false;
    }

    /**
     * Whether {@code ON CONFLICT ON CONSTRAINT name} exists (PostgreSQL).
     *
     * @return false by default
     */
    protected boolean supportsOnConflictOnConstraint() {
        return false;
    }

    /**
     * Renders PostgreSQL/SQLite {@code ON CONFLICT [(...) [WHERE ...] | ON CONSTRAINT name] DO NOTHING |
     * DO UPDATE SET ... [WHERE ...]}; the portable upsert is {@code DO UPDATE} on its keys, or {@code DO NOTHING}
     * when it sets nothing.
     *
     * @param i the INSERT
     * @param oc the clause
     */
    protected void onConflict(Insert i, OnConflict oc) {
        if (oc.kind() == OnConflict.Kind.DUPLICATE_KEY_UPDATE) {
            throw unsupported("ON DUPLICATE KEY UPDATE (use onConflictDoUpdate, or upsert() on every database)");
        }
        boolean doNothing = oc.kind() == OnConflict.Kind.DO_NOTHING
                || (oc.kind() == OnConflict.Kind.UPSERT && oc.set().isEmpty());
        sql(" ON CONFLICT");
        if (oc.constraint() != null) {
            if (!supportsOnConflictOnConstraint()) {
                throw unsupported("ON CONFLICT ON CONSTRAINT (name the columns with onConflictDoUpdate instead)");
            }
            sql(" ON CONSTRAINT " + quote(oc.constraint()));
        } else if (!oc.targets().isEmpty()) {
            sql(" (");
            String sep = "";
            for (Expression<?> t : oc.targets()) {
                sql(sep);
                if (t instanceof org.retort.sql.ColumnClause<?> c) {
                    sql(quote(c.name()));
                } else {
                    expression(t);
                }
                sep = ", ";
            }
            sql(")");
            if (oc.indexWhere() != null) {
                sql(" WHERE ");
                boolean saved = unqualifiedColumns;
                unqualifiedColumns = true;
                try {
                    expression(oc.indexWhere());
                } finally {
                    unqualifiedColumns = saved;
                }
            }
        } else if (!doNothing && !supportsUntargetedDoUpdate()) {
            throw unsupported("ON CONFLICT DO UPDATE without a conflict target (name the key columns)");
        }
        if (doNothing) {
            sql(" DO NOTHING");
            return;
        }
        sql(" DO UPDATE SET ");
        assignments(i.table(), oc.set(), " = ", false);
        if (oc.where() != null) {
            sql(" WHERE ");
            expression(oc.where());
        }
    }

    /**
     * Whether the portable upsert ({@link Insert#upsert}) is a {@code MERGE} statement here (H2, SQL Server,
     * Oracle) rather than an INSERT clause.
     *
     * @return false by default
     */
    protected boolean upsertAsMerge() {
        return false;
    }

    /**
     * Text after a MERGE statement; SQL Server requires {@code ;}.
     *
     * @return empty by default
     */
    protected String mergeTerminator() {
        return "";
    }

    /**
     * Renders the portable upsert as {@code MERGE INTO t USING (VALUES ...) AS excluded (cols) ON (t.k =
     * excluded.k ...) WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT (cols) VALUES
     * (excluded.cols)}, the VALUES list written as this dialect writes one in FROM.
     *
     * @param i the INSERT
     * @param oc its upsert clause
     */
    protected void merge(Insert i, OnConflict oc) {
        if (i.fromSelectQuery() != null) {
            throw unsupported("upsert() of INSERT ... SELECT (MERGE here needs VALUES rows)");
        }
        if (!i.returningColumns().isEmpty()) {
            throw unsupported("RETURNING with upsert() (it is a MERGE here)");
        }
        if (i.rows().isEmpty() || i.rows().get(0).isEmpty()) {
            throw unsupported("upsert() of a row of defaults (give the key values)");
        }
        List<String> cols = new ArrayList<>(i.rows().get(0).keySet());
        List<String> keys = new ArrayList<>();
        for (Expression<?> k : oc.targets()) {
            String name = ((org.retort.sql.ColumnClause<?>) k).name();
            if (!cols.contains(name)) {
                throw new org.retort.exc.CompileException("upsert() key " + name + " has no value in the inserted row;"
                        + " give each row its key");
            }
            if (oc.set().containsKey(name) && !mergeCanUpdateKeys()) {
                throw unsupported("upsert() that sets its own key column " + name + " (MERGE cannot update a column"
                        + " of its ON clause)");
            }
            keys.add(name);
        }
        List<List<Expression<?>>> rows = new ArrayList<>();
        for (Map<String, Expression<?>> row : i.rows()) {
            if (!row.keySet().equals(i.rows().get(0).keySet())) {
                throw new org.retort.exc.CompileException("upsert() rows must set the same columns; " + row.keySet()
                        + " differs from " + cols);
            }
            rows.add(new ArrayList<>(row.values()));
        }
        String target = tableName(i.table());
        sql("MERGE INTO " + target + " USING ");
        fromItem(new org.retort.sql.Values(cols, rows, "excluded"));
        sql(" ON (");
        String sep = "";
        for (String k : keys) {
            sql(sep + target + "." + quote(k) + " = excluded." + quote(k));
            sep = " AND ";
        }
        sql(")");
        if (!oc.set().isEmpty()) {
            sql(" WHEN MATCHED THEN UPDATE SET ");
            assignments(i.table(), oc.set(), " = ", false);
        }
        sql(" WHEN NOT MATCHED THEN INSERT (" + String.join(", ", cols.stream().map(this::quote).toList())
                + ") VALUES (" + String.join(", ", cols.stream().map(c -> "excluded." + quote(c)).toList()) + ")");
        sql(mergeTerminator());
    }

    /**
     * Whether the database has a MERGE statement.
     *
     * @return false by default; dialects with MERGE return true
     */
    protected boolean supportsMerge() {
        return false;
    }

    /**
     * Whether MERGE's WHEN clauses take {@code AND condition} and {@code THEN DELETE} (not on Oracle).
     *
     * @return true by default
     */
    protected boolean supportsMergeConditions() {
        return true;
    }

    /**
     * Renders {@code MERGE INTO target USING source ON (condition) WHEN [NOT] MATCHED [AND ...] THEN UPDATE SET ...
     * | DELETE | INSERT (...) VALUES (...)}.
     *
     * @param m the statement
     */
    protected void merge(org.retort.sql.Merge m) {
        if (!supportsMerge()) {
            throw unsupported("MERGE (use insert(...).upsert(...) for insert-or-update)");
        }
        if (m.source() == null || m.clauses().isEmpty()) {
            throw new org.retort.exc.CompileException("A MERGE needs a source (using(source, on)) and at least one "
                    + "WHEN clause");
        }
        sql("MERGE INTO " + tableName(m.target()) + " USING ");
        Set<FromClause> covered = new LinkedHashSet<>();
        covered.add(m.target());
        Froms.covered(m.source(), covered);
        enclosing.push(covered);
        try {
            fromItem(m.source());
            sql(" ON (");
            condition(m.on());
            sql(")");
            for (org.retort.sql.Merge.When w : m.clauses()) {
                if (w.condition() != null && !supportsMergeConditions()) {
                    throw unsupported("WHEN ... AND condition in MERGE");
                }
                sql(w.matched() ? " WHEN MATCHED" : " WHEN NOT MATCHED");
                if (w.condition() != null) {
                    sql(" AND ");
                    condition(w.condition());
                }
                switch (w.action()) {
                    case UPDATE -> {
                        sql(" THEN UPDATE SET ");
                        String sep = "";
                        for (Map.Entry<String, Expression<?>> e : w.values().entrySet()) {
                            sql(sep + quote(e.getKey()) + " = ");
                            expression(e.getValue());
                            sep = ", ";
                        }
                    }
                    case DELETE -> {
                        if (!supportsMergeConditions()) {
                            throw unsupported("WHEN MATCHED THEN DELETE in MERGE");
                        }
                        sql(" THEN DELETE");
                    }
                    case INSERT -> {
                        sql(" THEN INSERT (" + String.join(", ", w.values().keySet().stream().map(this::quote).toList())
                                + ") VALUES (");
                        list(new ArrayList<>(w.values().values()));
                        sql(")");
                    }
                }
            }
        } finally {
            enclosing.pop();
        }
        sql(mergeTerminator());
    }

    /**
     * Whether a MERGE may update the columns its ON clause compares (not on Oracle).
     *
     * @return true by default
     */
    protected boolean mergeCanUpdateKeys() {
        return true;
    }

    /**
     * Renders {@code col = value, ...}.
     *
     * @param table the target table
     * @param values the values by column name
     * @param eq the assignment text
     * @param qualify whether to qualify the column with its table
     */
    protected void assignments(TableClause table, Map<String, Expression<?>> values, String eq, boolean qualify) {
        String sep = "";
        Set<FromClause> covered = new LinkedHashSet<>();
        covered.add(table);
        enclosing.push(covered);
        try {
            for (Map.Entry<String, Expression<?>> e : values.entrySet()) {
                sql(sep + (qualify ? tableName(table) + "." : "") + quote(e.getKey()) + eq);
                nestedExpression(e.getValue());
                sep = ", ";
            }
        } finally {
            enclosing.pop();
        }
    }

    private void nestedExpression(Expression<?> e) {
        expression(e);
    }

    // ------------------------------------------------------------------ UPDATE

    private List<FromClause> extraFroms(TableClause table, List<Expression<?>> exprs) {
        List<FromClause> extra = new ArrayList<>();
        for (FromClause f : Froms.of(exprs)) {
            if (f != table) {
                extra.add(f);
            }
        }
        return extra;
    }

    /**
     * Renders {@code DELETE FROM t AS a} for a DELETE through an alias; MySQL and SQL Server write
     * {@code DELETE a FROM t AS a}.
     *
     * @param d the statement
     * @param hasExtraFroms whether other tables follow (USING / FROM)
     */
    protected void deleteAliased(Delete d, boolean hasExtraFroms) {
        sql("DELETE FROM " + tableName(d.table()) + aliasKeyword() + quote(fromName(d.alias())));
    }

    /**
     * Renders an UPDATE.
     *
     * @param u the statement
     */
    protected void update(Update u) {
        requireReturning(u);
        if (u.setValues().isEmpty()) {
            throw new org.retort.exc.CompileException("update(" + u.table().fullName() + ") has no SET values; call "
                    + "set(...) or execute it with parameters naming columns");
        }
        List<Expression<?>> exprs = new ArrayList<>(u.setValues().values());
        exprs.addAll(u.whereClause());
        List<FromClause> extra = extraFroms(u.table(), exprs);
        Set<FromClause> covered = new LinkedHashSet<>();
        covered.add(u.table());
        for (FromClause f : extra) {
            Froms.covered(f, covered);
        }
        enclosing.push(covered);
        try {
            sql("UPDATE ");
            updateTarget(u.table(), extra);
            sql(" SET ");
            assignments(u.table(), u.setValues(), "=", !extra.isEmpty() && qualifyMultiTableSet());
            output(u, "inserted");
            if (!extra.isEmpty()) {
                updateFrom(u.table(), extra);
            }
            whereClause(u.whereClause());
            returning(u);
        } finally {
            enclosing.pop();
        }
    }

    /**
     * Renders the table(s) after UPDATE; MySQL lists the extra tables here.
     *
     * @param table the target
     * @param extra other tables of the statement
     */
    protected void updateTarget(TableClause table, List<FromClause> extra) {
        sql(tableName(table));
    }

    /** {@return true when SET columns are qualified in a multi-table UPDATE (MySQL)} */
    protected boolean qualifyMultiTableSet() {
        return false;
    }

    /**
     * Renders the extra tables of an UPDATE: {@code FROM a, b} where {@link #supportsUpdateFrom()}, else
     * unsupported.
     *
     * @param table the target
     * @param extra the other tables
     */
    protected void updateFrom(TableClause table, List<FromClause> extra) {
        if (!supportsUpdateFrom()) {
            throw unsupported("UPDATE with other tables in its WHERE clause (UPDATE ... FROM)");
        }
        sql(" FROM ");
        fromList(extra);
    }

    /**
     * Whether the database has {@code UPDATE ... FROM other tables}; dialects that do return true.
     *
     * @return false by default
     */
    protected boolean supportsUpdateFrom() {
        return false;
    }

    /**
     * Renders {@code FROM a, b}.
     *
     * @param items the items
     */
    protected void fromList(List<FromClause> items) {
        String sep = "";
        for (FromClause f : items) {
            sql(sep);
            fromItem(f);
            sep = ", ";
        }
    }

    // ------------------------------------------------------------------ DELETE

    /**
     * Renders a DELETE.
     *
     * @param d the statement
     */
    protected void delete(Delete d) {
        requireReturning(d);
        List<FromClause> extra = extraFroms(d.table(), d.whereClause());
        extra.remove(d.alias());
        Set<FromClause> covered = new LinkedHashSet<>();
        covered.add(d.table());
        if (d.alias() != null) {
            covered.add(d.alias());
        }
        for (FromClause f : extra) {
            Froms.covered(f, covered);
        }
        enclosing.push(covered);
        try {
            if (d.alias() == null) {
                sql("DELETE FROM " + tableName(d.table()));
            } else {
                deleteAliased(d, !extra.isEmpty());
            }
            output(d, "deleted");
            if (!extra.isEmpty()) {
                deleteUsing(d.table(), extra);
            }
            whereClause(d.whereClause());
            returning(d);
        } finally {
            enclosing.pop();
        }
    }

    /**
     * Renders the extra tables of a DELETE: {@code USING a, b} where {@link #supportsDeleteUsing()}, else
     * unsupported.
     *
     * @param table the target
     * @param extra the other tables
     */
    protected void deleteUsing(TableClause table, List<FromClause> extra) {
        if (!supportsDeleteUsing()) {
            throw unsupported("DELETE with other tables in its WHERE clause (DELETE ... USING)");
        }
        sql(" USING ");
        fromList(extra);
    }

    /**
     * Whether the database has {@code DELETE ... USING other tables}; dialects that do return true.
     *
     * @return false by default
     */
    protected boolean supportsDeleteUsing() {
        return false;
    }
}
