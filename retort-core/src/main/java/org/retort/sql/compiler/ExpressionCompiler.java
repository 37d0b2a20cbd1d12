package org.retort.sql.compiler;

import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.exc.CompileException;
import org.retort.sql.AnyAll;
import org.retort.sql.Between;
import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.BooleanClauseList;
import org.retort.sql.Case;
import org.retort.sql.Cast;
import org.retort.sql.Collate;
import org.retort.sql.ColumnClause;
import org.retort.sql.Constant;
import org.retort.sql.Cte;
import org.retort.sql.DerivedColumn;
import org.retort.sql.Excluded;
import org.retort.sql.Exists;
import org.retort.sql.Extract;
import org.retort.sql.Expression;
import org.retort.sql.FromClause;
import org.retort.sql.FunctionCall;
import org.retort.sql.FunctionFilter;
import org.retort.sql.Grouping;
import org.retort.sql.InExpression;
import org.retort.sql.Label;
import org.retort.sql.Like;
import org.retort.sql.LiteralColumn;
import org.retort.sql.SequenceNextValue;
import org.retort.sql.Operator;
import org.retort.sql.OrderBy;
import org.retort.sql.Over;
import org.retort.sql.ScalarSelect;
import org.retort.sql.SelectBase;
import org.retort.sql.Subquery;
import org.retort.sql.TableAlias;
import org.retort.sql.Tuple;
import org.retort.sql.TypeCoerce;
import org.retort.sql.UnaryExpression;
import org.retort.sql.Values;
import org.retort.sql.WithinGroup;
import org.retort.sql.internal.Arithmetic;
import org.retort.types.SqlType;

/**
 * Renders expressions: a pattern-matching switch over the sealed expression tree, parenthesizing operands by
 * precedence. Dialect compilers override the hooks for operators and functions their database spells
 * differently ({@link #concat}, {@link #regexp}, {@link #distinctFrom}, {@link FunctionCompiler#specialFunction}, ...).
 */
public abstract class ExpressionCompiler extends CompilerBase {
    private static final int ATOM = 100;

    /** Render table columns by name alone (an index predicate, where SQL does not qualify them). */
    protected boolean unqualifiedColumns;

    /** While SQL Server's OUTPUT list is written: the statement's table, whose columns are read from {@link #pseudoTableName}. */
    protected org.retort.sql.TableClause pseudoTableOf;

    /** {@code inserted} or {@code deleted}, with {@link #pseudoTableOf}. */
    protected String pseudoTableName;

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    protected ExpressionCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * Renders a nested SELECT (without parentheses), correlated to the enclosing statement.
     *
     * @param select the query
     */
    protected abstract void nestedSelect(SelectBase select);

    /**
     * Renders a function call (see {@link FunctionCompiler}).
     *
     * @param f the call
     */
    protected abstract void function(FunctionCall<?> f);

    /**
     * Renders {@code aggregate FILTER (WHERE ...)} or its emulation.
     *
     * @param f the filtered aggregate
     */
    protected abstract void filter(FunctionFilter<?> f);

    /**
     * Renders a window function.
     *
     * @param o the window
     */
    protected abstract void over(Over<?> o);

    /**
     * Renders ORDER BY items separated by commas.
     *
     * @param items the items
     */
    protected abstract void orderByList(List<OrderBy> items);

    /**
     * Renders any expression.
     *
     * @param e the expression
     */
    protected void expression(Expression<?> e) {
        switch (e) {
            case ColumnClause<?> c -> column(c);
            case DerivedColumn<?> d -> sql(quote(fromName(d.from())) + "." + quote(d.name()));
            case BindParameter<?> b -> bind(b);
            case Constant<?> c -> sql(switch (c.kind()) {
                case NULL -> "NULL";
                case TRUE -> booleanLiteral(true);
                case FALSE -> booleanLiteral(false);
            });
            case LiteralColumn<?> l -> sql(l.text());
            case SequenceNextValue<?> n -> sql(dialect.supportsSequences() ? nextValue(schema(n.schema()) == null
                    ? quote(n.name()) : dialect.quoteSchema(schema(n.schema())) + "." + quote(n.name())) : "NULL");
            case Excluded<?> x -> excluded(x);
            case ScalarSelect<?> s -> {
                sql("(");
                nestedSelect(s.select());
                sql(")");
            }
            case Exists x -> {
                sql("EXISTS (");
                nestedSelect(x.select());
                sql(")");
            }
            case BinaryExpression<?> b -> binary(b);
            case UnaryExpression<?> u -> unary(u);
            case BooleanClauseList l -> {
                String sep = "";
                for (Expression<?> c : l.clauses()) {
                    sql(sep);
                    if (isBooleanConstant(c)) {
                        condition(c);
                        sep = " " + l.operator().sql() + " ";
                        continue;
                    }
                    operand(c, precedence(c) < l.operator().precedence());
                    sep = " " + l.operator().sql() + " ";
                }
            }
            case Like l -> like(l);
            case Between b -> {
                operand(b.expression(), precedence(b.expression()) <= Operator.COMPARISON);
                sql(b.negate() ? " NOT BETWEEN " : " BETWEEN ");
                operand(b.lower(), precedence(b.lower()) <= Operator.COMPARISON);
                sql(" AND ");
                operand(b.upper(), precedence(b.upper()) <= Operator.COMPARISON);
            }
            case InExpression i -> in(i);
            case Case<?> c -> caseExpression(c);
            case Cast<?> c -> cast(c);
            case TypeCoerce<?> t -> expression(t.expression());
            case FunctionCall<?> f -> function(f);
            case FunctionFilter<?> f -> filter(f);
            case WithinGroup<?> w -> {
                function(w.function());
                sql(" WITHIN GROUP (ORDER BY ");
                orderByList(w.orderBy());
                sql(")");
            }
            case Over<?> o -> over(o);
            case Label<?> l -> expression(l.element());
            case Tuple t -> {
                sql("(");
                list(t.elements());
                sql(")");
            }
            case Collate<?> c -> {
                operand(c.expression(), precedence(c.expression()) < ATOM);
                sql(" COLLATE " + quote(c.collation()));
            }
            case AnyAll<?> a -> {
                sql(a.all() ? "ALL " : "ANY ");
                operand(a.operand(), !(a.operand() instanceof ScalarSelect<?>));
            }
            case Grouping<?> g -> {
                sql("(");
                expression(g.expression());
                sql(")");
            }
            case Extract x -> extract(x);
            case org.retort.sql.JsonElement<?> j -> jsonElement(j);
        }
    }

    private static boolean isBooleanConstant(Expression<?> e) {
        return e instanceof Constant<?> c && c.kind() != Constant.Kind.NULL;
    }

    /**
     * Renders an expression in a place SQL requires a condition (WHERE, HAVING, ON, WHEN, AND/OR/NOT operands):
     * {@code TRUE}/{@code FALSE} become {@code 1 = 1}/{@code 1 = 0} on databases without a boolean type.
     *
     * @param e the condition
     */
    protected void condition(Expression<?> e) {
        if (isBooleanConstant(e) && !dialect.supportsNativeBoolean()) {
            sql(((Constant<?>) e).kind() == Constant.Kind.TRUE ? "1 = 1" : "1 = 0");
        } else {
            expression(e);
        }
    }

    /**
     * Whether a condition may stand where a value is expected (a SELECT list, ORDER BY): not on SQL Server, nor on
     * Oracle before its BOOLEAN type, where {@code SELECT a = b} is a syntax error.
     *
     * @return true by default
     */
    protected boolean conditionsAreValues() {
        return true;
    }

    /**
     * Renders an expression where SQL expects a value; a condition becomes {@code CASE WHEN cond THEN 1 ELSE 0 END}
     * where {@link #conditionsAreValues()} is false (SQLAlchemy renders it so on SQL Server).
     *
     * @param e the expression
     */
    protected void valueExpression(Expression<?> e) {
        if (!conditionsAreValues() && isCondition(e)) {
            sql("CASE WHEN ");
            condition(e);
            sql(" THEN 1 ELSE 0 END");
        } else {
            expression(e);
        }
    }

    /**
     * Whether an expression is a condition rather than a value: a comparison, LIKE, BETWEEN, IN, EXISTS, IS NULL,
     * NOT, AND/OR.
     *
     * @param e the expression
     * @return true for a condition
     */
    protected static boolean isCondition(Expression<?> e) {
        return switch (e) {
            case BinaryExpression<?> b -> b.operator().isComparison();
            case Like l -> true;
            case Between b -> true;
            case InExpression i -> true;
            case Exists x -> true;
            case BooleanClauseList l -> true;
            case UnaryExpression<?> u -> u.kind() == UnaryExpression.Kind.NOT || u.kind() == UnaryExpression.Kind.IS_NULL
                    || u.kind() == UnaryExpression.Kind.IS_NOT_NULL;
            case Grouping<?> g -> isCondition(g.expression());
            default -> false;
        };
    }

    /**
     * Renders {@code EXTRACT(FIELD FROM expr)}; dialects without EXTRACT override it.
     *
     * @param x the expression
     */
    protected void extract(Extract x) {
        sql("EXTRACT(" + x.field().toUpperCase(java.util.Locale.ROOT) + " FROM ");
        expression(x.expression());
        sql(")");
    }

    /**
     * How tightly an expression binds, for parenthesization.
     *
     * @param e the expression
     * @return its precedence; atoms are highest
     */
    protected int precedence(Expression<?> e) {
        return switch (e) {
            case BinaryExpression<?> b -> b.operator().precedence();
            case BooleanClauseList l -> l.operator().precedence();
            case Like l -> Operator.COMPARISON;
            case Between b -> Operator.COMPARISON;
            case InExpression i -> Operator.COMPARISON;
            case Exists x -> Operator.COMPARISON;
            case UnaryExpression<?> u -> switch (u.kind()) {
                case NOT -> 4;
                case IS_NULL, IS_NOT_NULL -> Operator.COMPARISON;
                case NEG, BIT_NOT -> 9;
                case DISTINCT -> 1;
            };
            case Collate<?> c -> 9;
            case TypeCoerce<?> t -> precedence(t.expression());
            case Label<?> l -> precedence(l.element());
            default -> ATOM;
        };
    }

    /**
     * Renders an operand, in parentheses when asked.
     *
     * @param e the operand
     * @param parenthesize whether to wrap it
     */
    protected void operand(Expression<?> e, boolean parenthesize) {
        if (parenthesize) {
            sql("(");
            expression(e);
            sql(")");
        } else {
            expression(e);
        }
    }

    /**
     * Renders expressions separated by commas.
     *
     * @param items the expressions
     */
    protected void list(List<? extends Expression<?>> items) {
        String sep = "";
        for (Expression<?> e : items) {
            sql(sep);
            expression(e);
            sep = ", ";
        }
    }

    /**
     * The name a FROM item is referred to by.
     *
     * @param from the item
     * @return its (possibly anonymous) name
     */
    protected String fromName(FromClause from) {
        return switch (from) {
            case TableAlias a -> analysis.nameOf(a, a.name());
            case Subquery s -> analysis.nameOf(s, s.name());
            case org.retort.sql.TableValued t -> analysis.nameOf(t, t.name());
            case org.retort.sql.TableSample t -> t.name() == null ? t.table().name() : t.name();
            case Cte c -> analysis.nameOf(c, c.name());
            case org.retort.sql.CteAlias a -> analysis.nameOf(a, a.name());
            case Values v -> v.name();
            default -> from.toString();
        };
    }

    /**
     * How this dialect takes the next value of a sequence; the SQL standard's {@code NEXT VALUE FOR s} by default.
     * On a database without sequences the INSERT gets {@code NULL} instead, so the column's own autoincrement
     * applies.
     *
     * @param qualifiedName the quoted, schema-qualified sequence name
     * @return the SQL
     */
    protected String nextValue(String qualifiedName) {
        return "NEXT VALUE FOR " + qualifiedName;
    }

    /**
     * Renders a table column, qualified by its table.
     *
     * @param c the column
     */
    protected void column(ColumnClause<?> c) {
        if (pseudoTableOf != null && c.table() == pseudoTableOf) {
            sql(pseudoTableName + "." + quote(c.name()));
            return;
        }
        if (c.table() == null || unqualifiedColumns) {
            sql(quote(c.name()));
        } else {
            sql(tableName(c.table()) + "." + quote(c.name()));
        }
    }

    /**
     * Renders the value an upsert tried to insert; {@code excluded.col} by default.
     *
     * @param x the reference
     */
    protected void excluded(Excluded<?> x) {
        sql("excluded." + quote(x.column().name()));
    }

    private boolean needsParens(Expression<?> child, Operator parent) {
        int cp = precedence(child);
        if (cp != parent.precedence()) {
            return cp < parent.precedence();
        }
        return !(parent.associative() && child instanceof BinaryExpression<?> b && b.operator().equals(parent));
    }

    /**
     * Renders {@code left op right}, dispatching operators dialects spell differently to their hooks.
     *
     * @param b the expression
     */
    protected void binary(BinaryExpression<?> b) {
        Operator op = b.operator();
        if (castsMixedNumericBinds() && Arithmetic.isArithmetic(op)) {
            b = Arithmetic.castMixedBinds(b);
        }
        if (op.equals(Operator.CONCAT)) {
            concat(b);
        } else if (op.equals(Operator.REGEXP)) {
            regexp(b);
        } else if (op.equals(Operator.IS_DISTINCT_FROM) || op.equals(Operator.IS_NOT_DISTINCT_FROM)) {
            distinctFrom(b, op.equals(Operator.IS_NOT_DISTINCT_FROM));
        } else if (op.equals(Operator.DIV)) {
            trueDiv(b);
        } else if (op.equals(Operator.FLOORDIV)) {
            floorDiv(b);
        } else if (op.equals(Operator.MOD)) {
            modulo(b);
        } else if (op.equals(Operator.CONTAINS) || op.equals(Operator.CONTAINED_BY) || op.equals(Operator.OVERLAP)
                || op.equals(Operator.HAS_KEY) || op.equals(Operator.HAS_ANY) || op.equals(Operator.HAS_ALL)) {
            postgresqlOperator(b);
        } else if (op.equals(Operator.ARRAY_INDEX) || op.equals(Operator.ARRAY_SLICE)) {
            arrayAccess(b);
        } else if (op.equals(Operator.BIT_XOR)) {
            bitXor(b);
        } else if (op.equals(Operator.BIT_AND) || op.equals(Operator.BIT_OR) || op.equals(Operator.BIT_LSHIFT)
                || op.equals(Operator.BIT_RSHIFT)) {
            bitwise(b);
        } else {
            infix(b, op.sql());
        }
    }

    /**
     * Renders {@code left text right} with precedence-driven parentheses.
     *
     * @param b the expression
     * @param text the operator text
     */
    protected void infix(BinaryExpression<?> b, String text) {
        operand(b.left(), needsParens(b.left(), b.operator()));
        sql(" " + text + " ");
        operand(b.right(), needsParens(b.right(), b.operator()));
    }

    /**
     * Whether this database gives a parameter the type of the other operand of arithmetic (H2 reads the
     * {@code 0.5} of {@code int_col + ?} as an integer; MySQL sends {@code 60000.0} as a DECIMAL literal), so a
     * parameter of another kind of number than its operand is cast to its own type: {@code CAST(? AS DOUBLE)}.
     *
     * @return false by default
     */
    protected boolean castsMixedNumericBinds() {
        return false;
    }

    /**
     * Whether {@code /} between two integers discards the fraction on this database (SQLAlchemy's
     * {@code div_is_floordiv}); true for the SQL standard, PostgreSQL, SQLite, H2 and SQL Server.
     *
     * @return true when integer division truncates
     */
    protected boolean divIsFloorDiv() {
        return true;
    }

    private static boolean integers(BinaryExpression<?> b) {
        return Arithmetic.isInteger(b.left().type()) && Arithmetic.isInteger(b.right().type());
    }

    /**
     * True division: {@code a / b}, or {@code a / CAST(b AS NUMERIC)} between integers where
     * {@link #divIsFloorDiv()}.
     *
     * @param b the expression
     */
    protected void trueDiv(BinaryExpression<?> b) {
        if (divIsFloorDiv() && integers(b)) {
            operand(b.left(), needsParens(b.left(), b.operator()));
            sql(" / ");
            castToNumeric(b.right());
        } else {
            infix(b, "/");
        }
    }

    /**
     * Renders the divisor of a true division between integers so that the database divides exactly:
     * {@code CAST(b AS NUMERIC)} by default.
     *
     * @param divisor the integer divisor
     */
    protected void castToNumeric(Expression<?> divisor) {
        sql("CAST(");
        expression(divisor);
        sql(" AS " + typeName(org.retort.types.Types.NUMERIC) + ")");
    }

    /**
     * Floor division: {@code a / b} between integers where {@link #divIsFloorDiv()}, else {@code FLOOR(a / b)}.
     *
     * @param b the expression
     */
    protected void floorDiv(BinaryExpression<?> b) {
        if (divIsFloorDiv() && integers(b)) {
            infix(b, "/");
            return;
        }
        sql("FLOOR(");
        infix(b, "/");
        sql(")");
    }

    /**
     * The element of a JSON document, by default with the SQL standard's JSON functions:
     * {@code JSON_VALUE(doc, path)} for text, {@code JSON_QUERY(doc, path)} for JSON (objects and arrays).
     *
     * @param j the element
     */
    protected void jsonElement(org.retort.sql.JsonElement<?> j) {
        sql(j.asText() ? "JSON_VALUE(" : "JSON_QUERY(");
        expression(j.document());
        sql(", ");
        expression(j.jsonPath());
        sql(")");
    }

    /**
     * Whether the database has PostgreSQL's JSONB and array operators ({@code @>}, {@code <@}, {@code &&},
     * {@code ?}, {@code ?|}, {@code ?&}).
     *
     * @return false by default
     */
    protected boolean supportsPostgresqlOperators() {
        return false;
    }

    /**
     * Renders a PostgreSQL JSONB or array operator; {@code ?} is written {@code ??} in a prepared statement,
     * which the PostgreSQL driver reads as the operator, not a placeholder.
     *
     * @param b the expression
     */
    protected void postgresqlOperator(BinaryExpression<?> b) {
        if (!supportsPostgresqlOperators()) {
            throw unsupported("The PostgreSQL operator " + b.operator().sql());
        }
        String text = b.operator().sql();
        if (text.startsWith("?") && !literalBinds && !namedPlaceholders) {
            text = "?" + text;
        }
        infix(b, text);
    }

    /**
     * Whether arrays have element access {@code a[i]} here (PostgreSQL, H2).
     *
     * @return false by default
     */
    protected boolean supportsArrayIndex() {
        return false;
    }

    /**
     * Renders {@code a[i]} or {@code a[i:j]}.
     *
     * @param b the expression: left the array, right the index or a tuple of the two bounds
     */
    protected void arrayAccess(BinaryExpression<?> b) {
        boolean slice = b.operator().equals(Operator.ARRAY_SLICE);
        if (!supportsArrayIndex() || (slice && !supportsPostgresqlOperators())) {
            throw unsupported(slice ? "An array slice a[i:j]" : "Array element access a[i]");
        }
        operand(b.left(), precedence(b.left()) < b.operator().precedence());
        sql("[");
        if (slice) {
            Tuple bounds = (Tuple) b.right();
            expression(bounds.elements().get(0));
            sql(":");
            expression(bounds.elements().get(1));
        } else {
            expression(b.right());
        }
        sql("]");
    }

    /**
     * The remainder; {@code a % b} by default.
     *
     * @param b the expression
     */
    protected void modulo(BinaryExpression<?> b) {
        infix(b, "%");
    }

    /**
     * String concatenation; {@code a || b} by default.
     *
     * @param b the expression
     */
    protected void concat(BinaryExpression<?> b) {
        infix(b, "||");
    }

    /**
     * Regular-expression match; unsupported by default.
     *
     * @param b the expression
     */
    protected void regexp(BinaryExpression<?> b) {
        throw unsupported("regexpMatch()");
    }

    /**
     * {@code IS [NOT] DISTINCT FROM}.
     *
     * @param b the expression
     * @param not true for IS NOT DISTINCT FROM
     */
    protected void distinctFrom(BinaryExpression<?> b, boolean not) {
        infix(b, not ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM");
    }

    /**
     * Bitwise exclusive or; {@code a ^ b} by default.
     *
     * @param b the expression
     */
    protected void bitXor(BinaryExpression<?> b) {
        infix(b, "^");
    }

    /**
     * {@code &, |, <<, >>}.
     *
     * @param b the expression
     */
    protected void bitwise(BinaryExpression<?> b) {
        infix(b, b.operator().sql());
    }

    /**
     * Renders a function-style operator {@code name(left, right)}.
     *
     * @param name the function
     * @param left first argument
     * @param right second argument
     */
    protected void call(String name, Expression<?> left, Expression<?> right) {
        sql(name + "(");
        expression(left);
        sql(", ");
        expression(right);
        sql(")");
    }

    private void unary(UnaryExpression<?> u) {
        switch (u.kind()) {
            case NOT -> {
                sql("NOT ");
                if (isBooleanConstant(u.operand())) {
                    sql("(");
                    condition(u.operand());
                    sql(")");
                } else {
                    operand(u.operand(), precedence(u.operand()) < ATOM);
                }
            }
            case NEG -> {
                sql("-");
                operand(u.operand(), precedence(u.operand()) < ATOM);
            }
            case BIT_NOT -> bitNot(u);
            case DISTINCT -> {
                sql("DISTINCT ");
                expression(u.operand());
            }
            case IS_NULL, IS_NOT_NULL -> {
                operand(u.operand(), precedence(u.operand()) <= Operator.COMPARISON);
                sql(u.kind() == UnaryExpression.Kind.IS_NULL ? " IS NULL" : " IS NOT NULL");
            }
        }
    }

    /**
     * {@code ~x}.
     *
     * @param u the expression
     */
    protected void bitNot(UnaryExpression<?> u) {
        sql("~");
        operand(u.operand(), precedence(u.operand()) < ATOM);
    }

    /** {@return true when the database has ILIKE; otherwise it is rendered with lower()} */
    protected boolean supportsIlike() {
        return false;
    }

    private void like(Like l) {
        boolean paren = precedence(l.left()) <= Operator.COMPARISON;
        if (l.ignoreCase() && !supportsIlike()) {
            sql("lower(");
            expression(l.left());
            sql(l.negate() ? ") NOT LIKE lower(" : ") LIKE lower(");
            expression(l.pattern());
            sql(")");
        } else {
            operand(l.left(), paren);
            String kw = l.ignoreCase() ? "ILIKE" : "LIKE";
            sql(l.negate() ? " NOT " + kw + " " : " " + kw + " ");
            operand(l.pattern(), precedence(l.pattern()) <= Operator.COMPARISON);
        }
        if (l.escape() != null) {
            sql(" ESCAPE " + stringLiteral(l.escape().toString()));
        }
    }

    private void in(InExpression i) {
        operand(i.left(), precedence(i.left()) <= Operator.COMPARISON);
        sql(i.negate() ? " NOT IN " : " IN ");
        switch (i.right()) {
            case ScalarSelect<?> s -> expression(s);
            case Tuple t -> inList(t);
            default -> {
                sql("(");
                expression(i.right());
                sql(")");
            }
        }
    }

    /**
     * Renders the item list of {@code IN (a, b, ...)}; SQLite overrides it for lists of row values.
     *
     * @param items the items
     */
    protected void inList(Tuple items) {
        expression(items);
    }

    private void caseExpression(Case<?> c) {
        sql("CASE");
        if (c.value() != null) {
            sql(" ");
            expression(c.value());
        }
        for (Case.When w : c.whens()) {
            sql(" WHEN ");
            if (c.value() == null) {
                condition(w.condition());
            } else {
                expression(w.condition());
            }
            sql(" THEN ");
            expression(w.result());
        }
        if (c.elseValue() != null) {
            sql(" ELSE ");
            expression(c.elseValue());
        }
        sql(" END");
    }

    private void cast(Cast<?> c) {
        sql("CAST(");
        expression(c.expression());
        sql(" AS " + typeName(c.type()) + ")");
    }

    /**
     * The SQL name of a type in CAST, from the dialect's type compiler ({@link
     * org.retort.types.TypeCompiler#castTarget}), so lengths, precision and scale survive and each database
     * gets a target it accepts.
     *
     * @param type the type
     * @return its CAST spelling
     * @throws CompileException when the database cannot cast to that type
     */
    protected String typeName(SqlType<?> type) {
        return dialect.typeCompiler().castTarget(type);
    }

}
