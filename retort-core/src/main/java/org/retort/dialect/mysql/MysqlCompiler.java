package org.retort.dialect.mysql;

import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.Excluded;
import org.retort.sql.ForUpdate;
import org.retort.sql.FromClause;
import org.retort.sql.Insert;
import org.retort.sql.OnConflict;
import org.retort.sql.Select;
import org.retort.sql.Statement;
import org.retort.sql.TableClause;
import org.retort.sql.Update;
import org.retort.sql.Values;
import org.retort.sql.compiler.SqlCompiler;

/**
 * MySQL's and MariaDB's SQL: backtick quoting, {@code concat()}, {@code REGEXP}, {@code <=>} for NULL-safe
 * comparison, NULLS FIRST/LAST emulated, {@code ON DUPLICATE KEY UPDATE} with {@code VALUES(col)}, the
 * multi-table {@code UPDATE a, b SET ...} and {@code DELETE FROM a USING a, b}, {@code LOCK IN SHARE MODE}, and
 * RETURNING on MariaDB 10.5+ for INSERT and DELETE. No FULL OUTER JOIN.
 */
public class MysqlCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the MySQL or MariaDB dialect
     */
    public MysqlCompiler(Dialect dialect) {
        super(dialect);
    }

    private boolean mariadb() {
        return dialect instanceof MariadbDialect;
    }

    /** JSON elements: {@code JSON_EXTRACT(doc, path)}, as text {@code JSON_UNQUOTE(JSON_EXTRACT(doc, path))}. */
    @Override
    protected void jsonElement(org.retort.sql.JsonElement<?> j) {
        sql(j.asText() ? "JSON_UNQUOTE(JSON_EXTRACT(" : "JSON_EXTRACT(");
        expression(j.document());
        sql(", ");
        expression(j.jsonPath());
        sql(j.asText() ? "))" : ")");
    }

    /** MySQL and MariaDB have no functions in FROM (JSON_TABLE has its own syntax). */
    @Override
    protected boolean supportsTableValuedFunctions() {
        return false;
    }

    /** No GROUPS window frames here. */
    @Override
    protected boolean supportsGroupsFrame() {
        return false;
    }

    /** MySQL types a parameter after the other operand of arithmetic; a mixed-kind number is cast to its own type. */
    @Override
    protected boolean castsMixedNumericBinds() {
        return true;
    }

    @Override
    protected boolean supportsReturning(Statement statement) {
        if (statement instanceof Update || !mariadb()) {
            return false;
        }
        return !dialect.isInitialized() || dialect.supportsReturning();
    }

    @Override
    protected void concat(BinaryExpression<?> b) {
        call("concat", b.left(), b.right());
    }

    /** MySQL's {@code /} divides exactly; {@code DIV} is its integer division. */
    @Override
    protected boolean divIsFloorDiv() {
        return false;
    }

    @Override
    protected void floorDiv(BinaryExpression<?> b) {
        if (org.retort.sql.internal.Arithmetic.isInteger(b.left().type())
                && org.retort.sql.internal.Arithmetic.isInteger(b.right().type())) {
            infix(b, "DIV");
        } else {
            super.floorDiv(b);
        }
    }

    @Override
    protected void regexp(BinaryExpression<?> b) {
        infix(b, "REGEXP");
    }

    @Override
    protected void distinctFrom(BinaryExpression<?> b, boolean not) {
        if (!not) {
            sql("NOT (");
        }
        infix(b, "<=>");
        if (!not) {
            sql(")");
        }
    }

    @Override
    protected boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    protected boolean supportsAggregateFilter() {
        return false;
    }

    @Override
    protected String fullOuterJoin() {
        throw unsupported("FULL OUTER JOIN");
    }

    @Override
    protected void lateral() {
        if (mariadb()) {
            throw unsupported("LATERAL");
        }
        super.lateral();
    }

    @Override
    protected String emptyFrom(Select s) {
        return s.whereClause().isEmpty() ? "" : " FROM DUAL";
    }

    @Override
    protected boolean supportsFetchWithTies() {
        return false;
    }

    @Override
    protected String offsetOnlyLimit() {
        return "18446744073709551615";
    }

    @Override
    protected void forUpdateClause(ForUpdate f) {
        if (f.isRead()) {
            sql(" LOCK IN SHARE MODE");
            return;
        }
        sql(" FOR UPDATE");
        if (!f.of().isEmpty()) {
            if (mariadb()) {
                throw unsupported("FOR UPDATE OF");
            }
            forUpdateOf(f);
        }
        if (f.isNowait()) {
            sql(" NOWAIT");
        }
        if (f.isSkipLocked()) {
            sql(" SKIP LOCKED");
        }
    }

    @Override
    protected void valuesFrom(Values v) {
        valuesAsUnion(v, "");
    }

    @Override
    protected void defaultValues(TableClause table) {
        sql(" () VALUES ()");
    }

    /** True once {@code AS new} is written: the inserted row's values are then {@code new.col}. */
    private boolean rowAlias;

    /**
     * MySQL 8.0.19+ names the inserted row ({@code INSERT ... VALUES (...) AS new ON DUPLICATE KEY UPDATE
     * x = new.x}); {@code VALUES(x)} is deprecated there since 8.0.20. MariaDB and older MySQL (or an unknown
     * version) keep {@code VALUES(x)}.
     *
     * @return true for a known MySQL 8.0.19 or later
     */
    protected boolean rowAliasUpserts() {
        return !mariadb() && dialect.isInitialized()
                && dialect.serverVersion().compareTo(org.retort.dialect.ServerVersion.of(8, 0, 19)) >= 0;
    }

    @Override
    protected void excluded(Excluded<?> x) {
        if (rowAlias) {
            sql("new." + quote(x.column().name()));
        } else {
            sql("VALUES(" + quote(x.column().name()) + ")");
        }
    }

    @Override
    protected void upsert(Insert i, OnConflict oc) {
        if (rowAliasUpserts() && i.fromSelectQuery() == null && !i.rows().isEmpty() && !i.rows().get(0).isEmpty()) {
            sql(" AS new");
            rowAlias = true;
        }
        if (oc.kind() == OnConflict.Kind.UPSERT) {
            sql(" ON DUPLICATE KEY UPDATE ");
            if (oc.set().isEmpty()) {
                // insert if absent: an assignment that changes nothing
                String key = quote(((org.retort.sql.ColumnClause<?>) oc.targets().get(0)).name());
                sql(key + " = " + key);
            } else {
                assignments(i.table(), oc.set(), " = ", false);
            }
            return;
        }
        if (oc.kind() != OnConflict.Kind.DUPLICATE_KEY_UPDATE) {
            throw unsupported("ON CONFLICT (use onDuplicateKeyUpdate, or upsert() on every database)");
        }
        sql(" ON DUPLICATE KEY UPDATE ");
        assignments(i.table(), oc.set(), " = ", false);
    }

    @Override
    protected void updateTarget(TableClause table, List<FromClause> extra) {
        sql(tableName(table));
        for (FromClause f : extra) {
            sql(", ");
            fromItem(f);
        }
    }

    @Override
    protected boolean qualifyMultiTableSet() {
        return true;
    }

    @Override
    protected void updateFrom(TableClause table, List<FromClause> extra) {
        // the other tables are listed after UPDATE
    }

    /** MySQL deletes through an alias with {@code DELETE a FROM t AS a}; other tables in the WHERE are refused then. */
    @Override
    protected void deleteAliased(org.retort.sql.Delete d, boolean hasExtraFroms) {
        if (hasExtraFroms) {
            throw unsupported("DELETE through an alias that also reads other tables");
        }
        if (!d.returningColumns().isEmpty()) {
            throw unsupported("RETURNING from a DELETE through an alias");
        }
        String a = quote(fromName(d.alias()));
        sql("DELETE " + a + " FROM " + tableName(d.table()) + aliasKeyword() + a);
    }

    @Override
    protected void deleteUsing(TableClause table, List<FromClause> extra) {
        sql(" USING " + tableName(table));
        for (FromClause f : extra) {
            sql(", ");
            fromItem(f);
        }
    }
}
