package org.retort.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;
import org.retort.sql.internal.Froms;

/**
 * {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT ...} (SQLAlchemy's
 * {@code select()}). Immutable: every method returns a new statement, so a statement may be shared and
 * refined freely. FROM is inferred from the columns and conditions unless given with {@link #selectFrom}.
 *
 * <pre>{@code
 * select(users.c("name"), func.count().label("n")).where(users.c("id").gt(5))
 *         .groupBy(users.c("name")).orderBy(users.c("name").desc()).limit(10)
 * // SELECT users.name, count(*) AS n FROM users WHERE users.id > ? GROUP BY users.name
 * //     ORDER BY users.name DESC LIMIT ?
 * }</pre>
 */
public final class Select extends MemoizedStatement implements SelectBase {
    private final List<Expression<?>> columns;
    private final List<FromClause> froms;
    private final List<Expression<?>> where;
    private final List<Expression<?>> groupBy;
    private final List<Expression<?>> having;
    private final List<OrderBy> orderBy;
    private final Expression<?> limit;
    private final Expression<?> offset;
    private final boolean distinct;
    private final List<Expression<?>> distinctOn;
    private final ForUpdate forUpdate;
    private final List<FromClause> correlate;
    private final boolean correlateNone;
    private final boolean withTies;
    private final boolean percent;

    /** The parts of a statement being derived from another; a new Select copies them into final fields. */
    private static final class Parts {
        List<Expression<?>> columns = List.of();
        List<FromClause> froms = List.of();
        List<Expression<?>> where = List.of();
        List<Expression<?>> groupBy = List.of();
        List<Expression<?>> having = List.of();
        List<OrderBy> orderBy = List.of();
        Expression<?> limit;
        Expression<?> offset;
        boolean distinct;
        List<Expression<?>> distinctOn = List.of();
        ForUpdate forUpdate;
        List<FromClause> correlate;
        boolean correlateNone;
        boolean withTies;
        boolean percent;
    }

    private Select(Parts p) {
        this.columns = p.columns;
        this.froms = p.froms;
        this.where = p.where;
        this.groupBy = p.groupBy;
        this.having = p.having;
        this.orderBy = p.orderBy;
        this.limit = p.limit;
        this.offset = p.offset;
        this.distinct = p.distinct;
        this.distinctOn = p.distinctOn;
        this.forUpdate = p.forUpdate;
        this.correlate = p.correlate;
        this.correlateNone = p.correlateNone;
        this.withTies = p.withTies;
        this.percent = p.percent;
    }

    /**
     * A SELECT of columns, expressions, or whole FROM items (all their columns).
     *
     * @param items expressions or FROM items
     * @return the statement
     */
    public static Select of(Object... items) {
        Parts s = new Parts();
        List<Expression<?>> cols = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof FromClause f) {
                cols.addAll(f.columns());
            } else if (item instanceof Expression<?> e) {
                cols.add(e);
            } else {
                throw new ArgumentException("select() takes expressions and FROM items (tables, aliases, subqueries); "
                        + "got " + (item == null ? "null" : item.getClass().getName()) + "; wrap values in literal()");
            }
        }
        s.columns = List.copyOf(cols);
        return new Select(s);
    }

    private Parts copy() {
        Parts s = new Parts();
        s.columns = columns;
        s.froms = froms;
        s.where = where;
        s.groupBy = groupBy;
        s.having = having;
        s.orderBy = orderBy;
        s.limit = limit;
        s.offset = offset;
        s.distinct = distinct;
        s.distinctOn = distinctOn;
        s.forUpdate = forUpdate;
        s.correlate = correlate;
        s.correlateNone = correlateNone;
        s.withTies = withTies;
        s.percent = percent;
        return s;
    }

    private static <E> List<E> append(List<E> list, List<? extends E> more) {
        List<E> l = new ArrayList<>(list);
        l.addAll(more);
        return Collections.unmodifiableList(l);
    }

    /**
     * Adds columns to the SELECT list.
     *
     * @param items expressions
     * @return the new statement
     */
    public Select addColumns(Expression<?>... items) {
        Parts s = copy();
        s.columns = append(columns, List.of(items));
        return new Select(s);
    }

    /**
     * Replaces the SELECT list, keeping everything else (SQLAlchemy's {@code with_only_columns}). The FROM list
     * stays what it was when it was given explicitly or by joins; otherwise it follows the new columns.
     *
     * @param items expressions
     * @return the new statement
     */
    public Select withOnlyColumns(Expression<?>... items) {
        Parts s = copy();
        s.columns = List.of(items);
        return new Select(s);
    }

    /**
     * Adds WHERE conditions, joined with AND.
     *
     * @param conditions the conditions
     * @return the new statement
     */
    public Select where(Expression<?>... conditions) {
        Parts s = copy();
        s.where = append(where, List.of(conditions));
        return new Select(s);
    }

    /**
     * Same as {@link #where(Expression...)}, under SQLAlchemy's other name.
     *
     * @param conditions the conditions
     * @return the new statement
     */
    public Select filter(Expression<?>... conditions) {
        return where(conditions);
    }

    /**
     * Adds explicit FROM items, in addition to those inferred from the columns.
     *
     * @param items tables, aliases, subqueries, joins
     * @return the new statement
     */
    public Select selectFrom(FromClause... items) {
        Parts s = copy();
        s.froms = append(froms, List.of(items));
        return new Select(s);
    }

    /**
     * {@code JOIN target ON ...} from the leftmost FROM item, the condition inferred from foreign keys.
     *
     * @param target the joined item
     * @return the new statement
     */
    public Select join(FromClause target) {
        return joinInternal(target, null, Join.Type.INNER);
    }

    /**
     * {@return the statement with {@code JOIN target ON on}}
     *
     * @param target the joined item
     * @param on the condition
     */
    public Select join(FromClause target, Expression<?> on) {
        return joinInternal(target, on, Join.Type.INNER);
    }

    /**
     * {@return the statement with {@code LEFT OUTER JOIN target}}
     *
     * @param target the joined item
     */
    public Select outerjoin(FromClause target) {
        return joinInternal(target, null, Join.Type.LEFT);
    }

    /**
     * {@return the statement with {@code LEFT OUTER JOIN}}
     *
     * @param target the joined item
     * @param on the condition
     */
    public Select outerjoin(FromClause target, Expression<?> on) {
        return joinInternal(target, on, Join.Type.LEFT);
    }

    /**
     * {@return the statement with {@code FULL OUTER JOIN}}
     *
     * @param target the joined item
     * @param on the condition
     */
    public Select fullOuterJoin(FromClause target, Expression<?> on) {
        return joinInternal(target, on, Join.Type.FULL);
    }

    /**
     * {@code FROM left JOIN right ON ...} with an explicit left side (SQLAlchemy's {@code join_from}), the condition
     * inferred from foreign keys.
     *
     * @param left the left side
     * @param right the joined item
     * @return the new statement
     */
    public Select joinFrom(FromClause left, FromClause right) {
        return selectFrom(left.join(right));
    }

    /**
     * {@code FROM left JOIN right ON on}.
     *
     * @param left the left side
     * @param right the joined item
     * @param on the condition
     * @return the new statement
     */
    public Select joinFrom(FromClause left, FromClause right, Expression<?> on) {
        return selectFrom(left.join(right, on));
    }

    /**
     * {@code FROM left LEFT OUTER JOIN right ON on}.
     *
     * @param left the left side
     * @param right the joined item
     * @param on the condition
     * @return the new statement
     */
    public Select outerjoinFrom(FromClause left, FromClause right, Expression<?> on) {
        return selectFrom(left.outerjoin(right, on));
    }

    private Select joinInternal(FromClause target, Expression<?> on, Join.Type type) {
        Parts s = copy();
        List<FromClause> f = new ArrayList<>(froms);
        FromClause left;
        if (f.isEmpty()) {
            List<FromClause> inferred = Froms.of(columns);
            if (inferred.isEmpty()) {
                throw new ArgumentException("join(" + target + ") has nothing to join from: select columns of a table "
                        + "first, or use selectFrom(left.join(right))");
            }
            left = inferred.get(0);
        } else {
            left = f.remove(f.size() - 1);
        }
        f.add(Join.of(left, target, on, type));
        s.froms = List.copyOf(f);
        return new Select(s);
    }

    /**
     * {@return the statement with {@code GROUP BY items}}
     *
     * @param items grouping expressions
     */
    public Select groupBy(Expression<?>... items) {
        Parts s = copy();
        s.groupBy = append(groupBy, List.of(items));
        return new Select(s);
    }

    /**
     * {@return the statement with {@code HAVING conditions}}
     *
     * @param conditions conditions on groups
     */
    public Select having(Expression<?>... conditions) {
        Parts s = copy();
        s.having = append(having, List.of(conditions));
        return new Select(s);
    }

    /**
     * {@return the statement with {@code ORDER BY items}}
     *
     * @param items expressions or {@link OrderBy} items
     */
    public Select orderBy(OrderByElement... items) {
        Parts s = copy();
        s.orderBy = append(orderBy, Coercions.orderBy(items));
        return new Select(s);
    }

    /**
     * Limits the rows: {@code LIMIT ?}, {@code TOP ?} or {@code FETCH FIRST ? ROWS ONLY} per dialect; the count
     * is a bind parameter so every limit shares one compiled form.
     *
     * @param count the maximum number of rows
     * @return the new statement
     */
    public Select limit(int count) {
        Parts s = copy();
        s.limit = Coercions.intParam("param", count);
        return new Select(s);
    }

    /**
     * Limits the rows by an expression, usually a named or literal-execute bind parameter: {@code
     * limit(bindparam("n", 10).withLiteralExecute())} keeps one cached compiled form for every count and writes
     * {@code LIMIT 10} into the SQL at execution, for drivers or servers that cannot take a parameter there
     * (SQLAlchemy's {@code limit(bindparam(..., literal_execute=True))}).
     *
     * @param count an expression for the maximum number of rows
     * @return the new statement
     */
    public Select limit(Expression<?> count) {
        Parts s = copy();
        s.limit = java.util.Objects.requireNonNull(count, "count");
        return new Select(s);
    }

    /**
     * {@code FETCH FIRST ? ROWS WITH TIES}: the first {@code count} rows plus any rows tied with the last one in
     * the ORDER BY (SQL Server: {@code TOP (?) WITH TIES}); MySQL and SQLite refuse to compile it.
     *
     * @param count the number of rows before ties
     * @return the new statement
     */
    public Select fetchWithTies(int count) {
        Parts s = copy();
        s.limit = Coercions.intParam("param", count);
        s.withTies = true;
        return new Select(s);
    }

    /**
     * {@code FETCH FIRST ? ROWS ONLY} (SQLAlchemy's {@code fetch()}): the same rows as {@link #limit(int)},
     * written as each database pages ({@code LIMIT ?} where it has no FETCH).
     *
     * @param count the maximum number of rows
     * @return the new statement
     */
    public Select fetch(int count) {
        return limit(count);
    }

    /**
     * {@code FETCH FIRST ? PERCENT ROWS ONLY} (SQLAlchemy's {@code fetch(percent=True)}): that percentage of the
     * rows, on Oracle, H2 and SQL Server ({@code TOP (?) PERCENT}); PostgreSQL, MySQL, MariaDB and SQLite have no
     * percentage limit and refuse it at compile time.
     *
     * @param percentage the percentage of rows, 0 to 100
     * @param withTies true to keep rows tied with the last one in the ORDER BY
     * @return the new statement
     */
    public Select fetchPercent(double percentage, boolean withTies) {
        if (percentage < 0 || percentage > 100 || Double.isNaN(percentage)) {
            throw new ArgumentException("fetchPercent() takes a percentage from 0 to 100, got " + percentage);
        }
        Parts s = copy();
        s.limit = new BindParameter<>("param", percentage, org.retort.types.Types.DOUBLE, false, true, true);
        s.percent = true;
        s.withTies = withTies;
        return new Select(s);
    }

    /**
     * {@return the statement with {@code OFFSET ?}}
     *
     * @param count rows to skip
     */
    public Select offset(int count) {
        Parts s = copy();
        s.offset = Coercions.intParam("param", count);
        return new Select(s);
    }

    /**
     * Skips rows by an expression, usually a named or literal-execute bind parameter (see {@link
     * #limit(Expression)}).
     *
     * @param count an expression for the number of rows to skip
     * @return the new statement
     */
    public Select offset(Expression<?> count) {
        Parts s = copy();
        s.offset = java.util.Objects.requireNonNull(count, "count");
        return new Select(s);
    }

    /** {@return the statement with {@code SELECT DISTINCT}} */
    public Select distinct() {
        Parts s = copy();
        s.distinct = true;
        return new Select(s);
    }

    /**
     * PostgreSQL's {@code SELECT DISTINCT ON (expressions)}; other dialects refuse to compile it. Calls
     * accumulate, as SQLAlchemy's do: {@code distinctOn(a).distinctOn(b)} is {@code DISTINCT ON (a, b)}.
     *
     * @param on the expressions
     * @return the new statement
     */
    public Select distinctOn(Expression<?>... on) {
        Parts s = copy();
        s.distinct = true;
        List<Expression<?>> all = new java.util.ArrayList<>(distinctOn);
        all.addAll(List.of(on));
        s.distinctOn = List.copyOf(all);
        return new Select(s);
    }

    /** {@return the statement with {@code FOR UPDATE}} */
    public Select forUpdate() {
        return forUpdate(ForUpdate.DEFAULT);
    }

    /**
     * {@return the statement with it}
     *
     * @param clause the locking clause
     */
    public Select forUpdate(ForUpdate clause) {
        Parts s = copy();
        s.forUpdate = clause;
        return new Select(s);
    }

    /**
     * Correlates exactly these FROM items to an enclosing query instead of the automatic choice.
     *
     * @param items the enclosing query's items to leave out of this subquery's FROM
     * @return the new statement
     */
    public Select correlate(FromClause... items) {
        Parts s = copy();
        s.correlate = List.of(items);
        s.correlateNone = false;
        return new Select(s);
    }

    /** {@return the statement with auto-correlation disabled: its FROM is always complete} */
    public Select correlateNone() {
        Parts s = copy();
        s.correlate = List.of();
        s.correlateNone = true;
        return new Select(s);
    }

    @Override
    public List<Expression<?>> selectedColumns() {
        return columns;
    }

    /** {@return the explicit FROM items (joins, selectFrom)} */
    public List<FromClause> explicitFroms() {
        return froms;
    }

    /** {@return the WHERE conditions, ANDed} */
    public List<Expression<?>> whereClause() {
        return where;
    }

    /** {@return the GROUP BY expressions} */
    public List<Expression<?>> groupByClause() {
        return groupBy;
    }

    /** {@return the HAVING conditions} */
    public List<Expression<?>> havingClause() {
        return having;
    }

    /** {@return the ORDER BY items} */
    public List<OrderBy> orderByClause() {
        return orderBy;
    }

    /** {@return the LIMIT expression, or null} */
    public Expression<?> limitClause() {
        return limit;
    }

    /** {@return the OFFSET expression, or null} */
    public Expression<?> offsetClause() {
        return offset;
    }

    /** {@return true when the limit is a percentage of the rows ({@link #fetchPercent(double, boolean)})} */
    public boolean isPercent() {
        return percent;
    }

    /** {@return true when the limit keeps rows tied with the last one ({@link #fetchWithTies(int)})} */
    public boolean isWithTies() {
        return withTies;
    }

    /** {@return true for SELECT DISTINCT} */
    public boolean isDistinct() {
        return distinct;
    }

    /** {@return the DISTINCT ON expressions} */
    public List<Expression<?>> distinctOnClause() {
        return distinctOn;
    }

    /** {@return the locking clause, or null} */
    public ForUpdate forUpdateClause() {
        return forUpdate;
    }

    /** {@return the explicit correlation, or null for automatic} */
    public List<FromClause> correlation() {
        return correlate;
    }

    /** {@return true when correlation is disabled} */
    public boolean isCorrelateNone() {
        return correlateNone;
    }

    @Override
    public String toString() {
        return org.retort.sql.internal.GenericDialect.render(this);
    }
}
