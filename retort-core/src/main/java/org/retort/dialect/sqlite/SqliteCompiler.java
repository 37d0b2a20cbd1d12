package org.retort.dialect.sqlite;

import org.retort.dialect.Dialect;
import org.retort.sql.BinaryExpression;
import org.retort.sql.Expression;
import org.retort.sql.Extract;
import org.retort.sql.ForUpdate;
import org.retort.sql.SelectBase;
import org.retort.sql.Statement;
import org.retort.sql.Tuple;
import org.retort.sql.Values;
import org.retort.sql.compiler.SqlCompiler;

/**
 * SQLite's SQL: {@code IS}/{@code IS NOT} for NULL-safe comparison, {@code LIMIT -1 OFFSET ?}, no row locks,
 * {@code ON CONFLICT} upserts, {@code UPDATE ... FROM}, RETURNING (3.35+), set-operation members wrapped in
 * {@code SELECT * FROM (...)} since SQLite does not parenthesize them, VALUES lists as UNION ALL.
 */
public class SqliteCompiler extends SqlCompiler {

    /**
     * Creates the compiler.
     *
     * @param dialect the SQLite dialect
     */
    public SqliteCompiler(Dialect dialect) {
        super(dialect);
    }

    @Override
    protected boolean supportsReturning(Statement statement) {
        return !dialect.isInitialized() || dialect.supportsReturning();
    }

    @Override
    protected void distinctFrom(BinaryExpression<?> b, boolean not) {
        infix(b, not ? "IS" : "IS NOT");
    }

    @Override
    protected void bitXor(BinaryExpression<?> b) {
        sql("((");
        expression(b.left());
        sql(") | (");
        expression(b.right());
        sql(")) - ((");
        expression(b.left());
        sql(") & (");
        expression(b.right());
        sql("))");
    }

    /** SQLite's CAST to NUMERIC keeps an integer an integer, so true division adds {@code 0.0} instead. */
    @Override
    protected void castToNumeric(Expression<?> divisor) {
        sql("(");
        expression(divisor);
        sql(" + 0.0)");
    }

    /**
     * JSON elements: {@code JSON_EXTRACT(doc, path)} gives text (strings unquoted, as SQLite returns them);
     * as JSON, {@code JSON_QUOTE(JSON_EXTRACT(doc, path))} for scalars and the element itself for objects and
     * arrays.
     */
    @Override
    protected void jsonElement(org.retort.sql.JsonElement<?> j) {
        if (j.asText()) {
            sql("JSON_EXTRACT(");
            expression(j.document());
            sql(", ");
            expression(j.jsonPath());
            sql(")");
            return;
        }
        sql("CASE JSON_TYPE(");
        expression(j.document());
        sql(", ");
        expression(j.jsonPath());
        sql(") WHEN 'object' THEN JSON_EXTRACT(");
        expression(j.document());
        sql(", ");
        expression(j.jsonPath());
        sql(") WHEN 'array' THEN JSON_EXTRACT(");
        expression(j.document());
        sql(", ");
        expression(j.jsonPath());
        sql(") ELSE JSON_QUOTE(JSON_EXTRACT(");
        expression(j.document());
        sql(", ");
        expression(j.jsonPath());
        sql(")) END");
    }

    /** SQLite counts characters with {@code length()}; it has no {@code char_length()}. */
    @Override
    protected String functionName(String lowerName) {
        return lowerName.equals("char_length") || lowerName.equals("character_length") ? "length" : null;
    }

    @Override
    protected boolean nowIsCurrentTimestamp() {
        return true;
    }

    /** SQLite has no EXTRACT: {@code CAST(strftime('%Y', x) AS INTEGER)}. */
    @Override
    protected void extract(Extract x) {
        String format = switch (x.field()) {
            case "year" -> "%Y";
            case "month" -> "%m";
            case "day" -> "%d";
            case "hour" -> "%H";
            case "minute" -> "%M";
            default -> "%S";
        };
        sql("CAST(strftime('" + format + "', ");
        expression(x.expression());
        sql(") AS INTEGER)");
    }

    @Override
    protected boolean supportsFetchWithTies() {
        return false;
    }

    @Override
    protected String offsetOnlyLimit() {
        return "-1";
    }

    /** SQLite renders no locking clause at all, whatever its strength. */
    @Override
    protected boolean supportsKeyShareLocks() {
        return true;
    }

    @Override
    protected void forUpdateClause(ForUpdate f) {
        // SQLite locks the whole database; there is no row-locking clause to render
    }

    @Override
    protected void compoundMember(SelectBase member, boolean parens) {
        if (parens) {
            sql("SELECT * FROM (");
            selectBase(member);
            sql(")");
        } else {
            selectBase(member);
        }
    }

    /** SQLite compares row values with IN only against VALUES or a subquery: {@code (a, b) IN (VALUES (?, ?))}. */
    @Override
    protected void inList(Tuple items) {
        if (!items.elements().isEmpty() && items.elements().stream().allMatch(e -> e instanceof Tuple)) {
            sql("(VALUES ");
            list(items.elements());
            sql(")");
        } else {
            super.inList(items);
        }
    }

    /** SQLite's table-valued functions see the FROM items to their left without LATERAL. */
    @Override
    protected boolean tableFunctionsCorrelate() {
        return true;
    }

    /** SQLite cannot rename a table-valued function's columns; refer to them by their own names. */
    @Override
    protected void derivedColumns(org.retort.sql.TableValued t) {
        throw unsupported("Column names after a table function's alias (renderDerived())");
    }

    @Override
    protected void lateral() {
        throw unsupported("LATERAL");
    }

    @Override
    protected void valuesFrom(Values v) {
        valuesAsUnion(v, "");
    }

    /** SQLite 3.35+ lets the last ON CONFLICT clause omit its target, even for DO UPDATE. */
    @Override
    protected boolean supportsUntargetedDoUpdate() {
        return true;
    }

    @Override
    protected boolean supportsOnConflict() {
        return true;
    }

    @Override
    protected boolean supportsUpdateFrom() {
        return true;
    }
}
