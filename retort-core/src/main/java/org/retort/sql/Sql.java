package org.retort.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.retort.sql.internal.Coercions;
import org.retort.sql.internal.LiteralTypes;
import org.retort.types.NullType;
import org.retort.types.SqlType;

/**
 * Static entry points of the SQL expression language, meant for {@code import static org.retort.sql.Sql.*}:
 * {@code select}, {@code insert}, {@code update}, {@code delete}, {@code text}, {@code func}, {@code and_},
 * {@code or_}, {@code not_}, {@code case_}, {@code cast}, {@code literal}, {@code bindparam}, {@code exists},
 * {@code tuple}, {@code values}, {@code table}, {@code column}, {@code excluded}, {@code union}...
 */
public final class Sql {
    /** SQL functions: {@code func.count()}, {@code func.max(col)}, {@code func.call("name", args...)}. */
    public static final Func func = new Func();

    private Sql() {
    }

    /**
     * Literal SQL with {@code :name} bind parameters.
     *
     * @param sql the SQL text
     * @return the clause
     * @see TextClause
     */
    public static TextClause text(String sql) {
        return TextClause.of(sql);
    }

    /**
     * {@code SELECT items}: expressions, or FROM items meaning all their columns.
     *
     * @param items what to select
     * @return the statement
     */
    public static Select select(Object... items) {
        return Select.of(items);
    }

    /**
     * {@return {@code INSERT INTO table}}
     *
     * @param table the table
     */
    public static Insert insert(TableClause table) {
        return Insert.into(table);
    }

    /**
     * {@return {@code UPDATE table}}
     *
     * @param table the table
     */
    public static Update update(TableClause table) {
        return Update.of(table);
    }

    /**
     * {@code MERGE INTO target}: give it a source with {@link Merge#using(FromClause, Expression)} and its WHEN
     * clauses (PostgreSQL 15+, H2, SQL Server, Oracle).
     *
     * @param target the table written to
     * @return the statement
     */
    public static Merge merge(TableClause target) {
        return Merge.into(target);
    }

    /**
     * {@return {@code DELETE FROM table}}
     *
     * @param table the table
     */
    public static Delete delete(TableClause table) {
        return Delete.from(table);
    }

    /**
     * {@code DELETE FROM table AS alias}: rows deleted through an alias, its columns used in WHERE
     * ({@code DELETE a FROM t AS a} on MySQL and SQL Server, {@code DELETE FROM t a} on Oracle).
     *
     * @param alias the aliased table
     * @return the statement
     */
    public static Delete delete(TableAlias alias) {
        return Delete.from(alias);
    }

    /**
     * A lightweight table of untyped columns (SQLAlchemy's {@code table()}).
     *
     * @param name the table name
     * @param columns its column names
     * @return the table
     */
    public static TableClause table(String name, String... columns) {
        return TableClause.of(name, columns);
    }

    /**
     * {@return a free-standing column, rendered unqualified}
     *
     * @param name the column name
     */
    public static ColumnClause<Object> column(String name) {
        return new ColumnClause<>(name, NullType.INSTANCE, null);
    }

    /**
     * {@return {@code a AND b AND ...}}
     *
     * @param conditions the conditions
     */
    public static Expression<Boolean> and_(Expression<?>... conditions) {
        return BooleanClauseList.allOf(conditions);
    }

    /**
     * {@return {@code a OR b OR ...}}
     *
     * @param conditions the conditions
     */
    public static Expression<Boolean> or_(Expression<?>... conditions) {
        return BooleanClauseList.anyOf(conditions);
    }

    /**
     * {@return {@code NOT condition}}
     *
     * @param condition the condition
     */
    public static Expression<Boolean> not_(Expression<?> condition) {
        return condition.not();
    }

    /**
     * A value as a bind parameter expression (SQLAlchemy's {@code literal()}), e.g. to select a constant.
     *
     * @param value the value, typed after its Java class ({@code Integer} as INTEGER, {@code String} as
     *              VARCHAR...); an expression is returned as it is
     * @param <T> the value's Java type
     * @return the parameter
     */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> literal(T value) {
        return (Expression<T>) Coercions.literal("param", value);
    }

    /**
     * A typed value as a bind parameter.
     *
     * @param value the value
     * @param type its type
     * @param <T> the Java type
     * @return the parameter
     */
    public static <T> BindParameter<T> literal(T value, SqlType<T> type) {
        Coercions.checkType(type, value, "literal");
        return new BindParameter<>("param", value, type, false, true, true);
    }

    /**
     * SQL text used as an expression, as written (SQLAlchemy's {@code literal_column()}); never user input.
     *
     * @param text the SQL text
     * @return the expression
     */
    public static LiteralColumn<Object> literalColumn(String text) {
        return new LiteralColumn<>(Objects.requireNonNull(text, "text"), NullType.INSTANCE);
    }

    /**
     * A named bind parameter whose value is passed at execution: {@code :name}.
     *
     * @param name the name
     * @return the parameter
     */
    public static BindParameter<Object> bindparam(String name) {
        return new BindParameter<>(name, null, NullType.INSTANCE, false, false, false);
    }

    /**
     * A named bind parameter with a default value.
     *
     * @param name the name
     * @param value the value, overridable at execution
     * @return the parameter
     */
    public static BindParameter<Object> bindparam(String name, Object value) {
        return new BindParameter<>(name, value, NullType.INSTANCE, false, false, true);
    }

    /**
     * A named, typed bind parameter whose value is passed at execution.
     *
     * @param name the name
     * @param type its type
     * @param <T> the Java type
     * @return the parameter
     */
    public static <T> BindParameter<T> bindparam(String name, SqlType<T> type) {
        return new BindParameter<>(name, null, type, false, false, false);
    }

    /**
     * A named expanding parameter for {@code IN}: its value at execution is a collection.
     *
     * @param name the name
     * @return the parameter; use as {@code col.in(List.of(bindparamExpanding("ids")))}, or in {@link #inParam}
     */
    public static BindParameter<Object> bindparamExpanding(String name) {
        return new BindParameter<>(name, null, NullType.INSTANCE, true, false, false);
    }

    /**
     * A named expanding parameter for {@code IN} with a default collection value, overridable at execution.
     *
     * @param name the name
     * @param values the items
     * @return the parameter; use as {@code col.in(bindparamExpanding("ids", ids))}, or make it
     *         {@link BindParameter#withLiteralExecute() literal-execute} to have the items written into the SQL
     */
    public static BindParameter<Object> bindparamExpanding(String name, java.util.Collection<?> values) {
        Objects.requireNonNull(values, "values");
        return new BindParameter<>(name, java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)),
                NullType.INSTANCE, true, false, true);
    }

    /**
     * {@code expr IN (:name)} with a named expanding parameter bound at execution to a collection.
     *
     * @param expr the tested expression
     * @param name the parameter name
     * @return the test
     */
    public static Expression<Boolean> inParam(Expression<?> expr, String name) {
        return new InExpression(expr, bindparamExpanding(name), false);
    }

    /** {@return {@code NULL}} */
    public static Constant<Object> null_() {
        return new Constant<>(Constant.Kind.NULL, NullType.INSTANCE);
    }

    /** {@return {@code TRUE} (or {@code 1})} */
    public static Constant<Boolean> true_() {
        return new Constant<>(Constant.Kind.TRUE, LiteralTypes.booleanType());
    }

    /** {@return {@code FALSE} (or {@code 0})} */
    public static Constant<Boolean> false_() {
        return new Constant<>(Constant.Kind.FALSE, LiteralTypes.booleanType());
    }

    /** {@return an empty searched {@code CASE}; add branches with {@link Case#when(Object, Object)}} */
    public static Case<Object> case_() {
        return new Case<>(null, List.of(), null, NullType.INSTANCE);
    }

    /**
     * A searched CASE with its first branch: {@code CASE WHEN condition THEN result}.
     *
     * @param condition the condition
     * @param result the result
     * @return the CASE
     */
    public static Case<Object> case_(Expression<?> condition, Object result) {
        return case_().when(condition, result);
    }

    /**
     * A simple CASE comparing one value: {@code CASE value WHEN ...}.
     *
     * @param value the compared expression
     * @return the CASE
     */
    public static Case<Object> caseValue(Expression<?> value) {
        return new Case<>(value, List.of(), null, NullType.INSTANCE);
    }

    /**
     * {@code CAST(expr AS type)}.
     *
     * @param expr expression or value
     * @param type the target type
     * @param <T> its Java type
     * @return the cast
     */
    public static <T> Cast<T> cast(Object expr, SqlType<T> type) {
        return new Cast<>(Coercions.expression(expr), type);
    }

    /**
     * The expression read as another type, no SQL change.
     *
     * @param expr the expression
     * @param type the type
     * @param <T> its Java type
     * @return the expression
     */
    public static <T> TypeCoerce<T> typeCoerce(Expression<?> expr, SqlType<T> type) {
        return new TypeCoerce<>(expr, type);
    }

    /**
     * {@code EXTRACT(field FROM expr)}.
     *
     * @param field year, month, day, hour, minute or second
     * @param expr the date or timestamp
     * @return the extracted part
     */
    public static Extract extract(String field, Expression<?> expr) {
        return new Extract(field, expr);
    }

    /**
     * {@return {@code EXISTS (query)}}
     *
     * @param query the subquery
     */
    public static Exists exists(SelectBase query) {
        return new Exists(query);
    }

    /**
     * {@return the row value {@code (a, b, ...)}}
     *
     * @param items expressions or values
     */
    public static Tuple tuple(Object... items) {
        return new Tuple(Arrays.stream(items).<Expression<?>>map(Coercions::expression).toList());
    }

    /**
     * {@return {@code ANY (query)}, the right side of a comparison}
     *
     * @param query a one-column query
     */
    public static AnyAll<Object> any(SelectBase query) {
        return new AnyAll<>(false, query.scalarSubquery(), NullType.INSTANCE);
    }

    /**
     * {@return {@code ALL (query)}}
     *
     * @param query a one-column query
     */
    public static AnyAll<Object> all(SelectBase query) {
        return new AnyAll<>(true, query.scalarSubquery(), NullType.INSTANCE);
    }

    /**
     * A VALUES list used as a table; add rows with {@link Values#data(List)}.
     *
     * @param name its alias
     * @param columns its column names
     * @return the VALUES list
     */
    public static Values values(String name, String... columns) {
        return new Values(List.of(columns), List.of(), name);
    }

    /**
     * In an upsert's SET: the value the INSERT tried to put in the column ({@code excluded.col}, {@code VALUES(col)}).
     *
     * @param column the column
     * @param <T> its Java type
     * @return the reference
     */
    public static <T> Excluded<T> excluded(ColumnClause<T> column) {
        return new Excluded<>(column);
    }

    /**
     * {@return {@code first UNION others}}
     *
     * @param first a query
     * @param others more
     */
    public static CompoundSelect union(SelectBase first, SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION, first, others);
    }

    /**
     * {@return {@code first UNION ALL others}}
     *
     * @param first a query
     * @param others more
     */
    public static CompoundSelect unionAll(SelectBase first, SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.UNION_ALL, first, others);
    }

    /**
     * {@return {@code first INTERSECT others}}
     *
     * @param first a query
     * @param others more
     */
    public static CompoundSelect intersect(SelectBase first, SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.INTERSECT, first, others);
    }

    /**
     * {@return {@code first EXCEPT others}}
     *
     * @param first a query
     * @param others more
     */
    public static CompoundSelect except(SelectBase first, SelectBase... others) {
        return CompoundSelect.of(CompoundSelect.Kind.EXCEPT, first, others);
    }

    /**
     * Ascending order with explicit NULL placement helpers: {@code asc(col).nullsFirst()}.
     *
     * @param expr the expression
     * @return the item
     */
    public static OrderBy asc(Expression<?> expr) {
        return expr.asc();
    }

    /**
     * {@return the descending item}
     *
     * @param expr the expression
     */
    public static OrderBy desc(Expression<?> expr) {
        return expr.desc();
    }

    /**
     * {@return {@code expr AS name}}
     *
     * @param name the label
     * @param expr the expression
     * @param <T> type
     */
    public static <T> Label<T> label(String name, Expression<T> expr) {
        return expr.label(name);
    }
}
