package org.retort.sql.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.BinaryExpression;
import org.retort.sql.BindParameter;
import org.retort.sql.ColumnClause;
import org.retort.sql.Between;
import org.retort.sql.Expression;
import org.retort.sql.InExpression;
import org.retort.sql.Like;
import org.retort.sql.Operator;
import org.retort.sql.OrderBy;
import org.retort.sql.OrderByElement;
import org.retort.sql.ScalarSelect;
import org.retort.sql.SelectBase;
import org.retort.sql.TableClause;
import org.retort.sql.Tuple;
import org.retort.sql.UnaryExpression;
import org.retort.types.SqlType;

/**
 * Turns the Java values users pass to operators into expressions: values become unique bind parameters typed
 * after the expression they meet (checked against its Java type), queries become scalar subqueries.
 */
public final class Coercions {
    private Coercions() {
    }

    /** {@return the boolean type} */
    public static SqlType<Boolean> booleanType() {
        return LiteralTypes.booleanType();
    }

    /**
     * An operand meeting {@code left}: an expression as is, a query as a scalar subquery, a value as a unique
     * parameter named after {@code left}.
     *
     * @param left the other side
     * @param value the operand
     * @return the expression
     */
    public static Expression<?> operand(Expression<?> left, Object value) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        if (value instanceof SelectBase s) {
            return s.scalarSubquery();
        }
        return bindFor(left, value);
    }

    /**
     * A unique bind parameter for a value compared with {@code left}, typed like it.
     *
     * @param left the expression
     * @param value the value
     * @return the parameter
     */
    public static BindParameter<?> bindFor(Expression<?> left, Object value) {
        SqlType<?> type = left.type();
        checkType(type, value, left);
        if (type.javaType() == Object.class) {
            type = LiteralTypes.forValue(value);
        }
        return new BindParameter<>(baseName(left), value, type, false, true, true);
    }

    /**
     * Checks a value against an expression's Java type.
     *
     * @param type the type
     * @param value the value
     * @param target what it is for, for the message
     * @throws ArgumentException when the value cannot be a value of that type
     */
    public static void checkType(SqlType<?> type, Object value, Object target) {
        Class<?> javaType = type.javaType();
        if (value == null || javaType == Object.class || javaType.isInstance(value)) {
            return;
        }
        if (Number.class.isAssignableFrom(javaType) && value instanceof Number) {
            return;
        }
        throw new ArgumentException(describe(target) + " holds " + javaType.getName() + " values (type "
                + type.name() + "), but was given " + value.getClass().getName() + " " + abbreviate(value)
                + "; convert the value or use a matching column");
    }

    private static String describe(Object target) {
        if (target instanceof ColumnClause<?> c) {
            return "Column '" + c + "'";
        }
        return "Expression " + target;
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /**
     * The base name of parameters compared with an expression: its column key or label, else {@code param}.
     *
     * @param left the expression
     * @return the base name
     */
    public static String baseName(Expression<?> left) {
        String n = left instanceof ColumnClause<?> c ? c.key() : left.naturalName();
        if (n == null || n.isEmpty()) {
            return "param";
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return "param";
            }
        }
        return n;
    }

    /**
     * A plain expression from an expression or a value (anonymous parameter).
     *
     * @param value expression or value
     * @return the expression
     */
    public static Expression<?> expression(Object value) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        if (value instanceof SelectBase s) {
            return s.scalarSubquery();
        }
        return new BindParameter<>("param", value, LiteralTypes.forValue(value), false, true, true);
    }

    /**
     * A unique literal parameter with a base name.
     *
     * @param base the base name
     * @param value the value
     * @return the parameter
     */
    public static Expression<?> literal(String base, Object value) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        return new BindParameter<>(base, value, LiteralTypes.forValue(value), false, true, true);
    }

    /**
     * An integer parameter, for LIMIT and OFFSET.
     *
     * @param base the base name
     * @param value the count
     * @return the parameter
     */
    public static BindParameter<?> intParam(String base, int value) {
        if (value < 0) {
            throw new ArgumentException("LIMIT/OFFSET must not be negative, got " + value);
        }
        return new BindParameter<>(base, value, LiteralTypes.forValue(value), false, true, true);
    }

    /**
     * {@code left op other}, typed as a boolean comparison.
     *
     * @param left left side
     * @param op operator
     * @param other right side
     * @return the comparison
     */
    public static Expression<Boolean> compare(Expression<?> left, Operator op, Object other) {
        return new BinaryExpression<>(left, op, operand(left, other), booleanType());
    }

    /**
     * {@code left op other} typed like the left side.
     *
     * @param left left side
     * @param op operator
     * @param other right side
     * @param <T> the type
     * @return the expression
     */
    public static <T> Expression<T> binary(Expression<T> left, Operator op, Object other) {
        return new BinaryExpression<>(left, op, operand(left, other), left.type());
    }

    /**
     * {@code left [NOT] IN (values)}: one expanding parameter for plain values, a tuple when any item is an
     * expression.
     *
     * @param left tested expression
     * @param values the items
     * @param negate NOT IN
     * @return the test
     */
    public static Expression<Boolean> in(Expression<?> left, Collection<?> values, boolean negate) {
        boolean anyExpression = values.stream().anyMatch(v -> v instanceof Expression<?>);
        if (anyExpression) {
            List<Expression<?>> items = new ArrayList<>();
            for (Object v : values) {
                items.add(operand(left, v));
            }
            return new InExpression(left, new Tuple(items), negate);
        }
        SqlType<?> type = left.type();
        for (Object v : values) {
            if (left instanceof Tuple) {
                continue;
            }
            checkType(type, v, left);
        }
        if (type.javaType() == Object.class) {
            type = LiteralTypes.forValue(values.isEmpty() ? null : values.iterator().next());
        }
        List<Object> copy = Collections.unmodifiableList(new ArrayList<>(values));
        return new InExpression(left, new BindParameter<>(baseName(left), copy, type, true, true, true), negate);
    }

    /**
     * The negation of a condition, simplified where SQL has a direct opposite.
     *
     * @param e the condition
     * @return NOT e
     */
    public static Expression<Boolean> negate(Expression<?> e) {
        return switch (e) {
            case BinaryExpression<?> b when opposite(b.operator()) != null ->
                    new BinaryExpression<>(b.left(), opposite(b.operator()), b.right(), booleanType());
            case Like l -> new Like(l.left(), l.pattern(), l.escape(), !l.negate(), l.ignoreCase());
            case Between b -> new Between(b.expression(), b.lower(), b.upper(), !b.negate());
            case InExpression i -> new InExpression(i.left(), i.right(), !i.negate());
            case UnaryExpression<?> u when u.kind() == UnaryExpression.Kind.IS_NULL ->
                    new UnaryExpression<>(UnaryExpression.Kind.IS_NOT_NULL, u.operand(), booleanType());
            case UnaryExpression<?> u when u.kind() == UnaryExpression.Kind.IS_NOT_NULL ->
                    new UnaryExpression<>(UnaryExpression.Kind.IS_NULL, u.operand(), booleanType());
            case UnaryExpression<?> u when u.kind() == UnaryExpression.Kind.NOT -> cast(u.operand());
            default -> new UnaryExpression<>(UnaryExpression.Kind.NOT, e, booleanType());
        };
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> cast(Expression<?> e) {
        return (Expression<Boolean>) e;
    }

    private static Operator opposite(Operator op) {
        if (op.equals(Operator.EQ)) {
            return Operator.NE;
        } else if (op.equals(Operator.NE)) {
            return Operator.EQ;
        } else if (op.equals(Operator.LT)) {
            return Operator.GE;
        } else if (op.equals(Operator.GE)) {
            return Operator.LT;
        } else if (op.equals(Operator.GT)) {
            return Operator.LE;
        } else if (op.equals(Operator.LE)) {
            return Operator.GT;
        } else if (op.equals(Operator.IS_DISTINCT_FROM)) {
            return Operator.IS_NOT_DISTINCT_FROM;
        } else if (op.equals(Operator.IS_NOT_DISTINCT_FROM)) {
            return Operator.IS_DISTINCT_FROM;
        }
        return null;
    }

    /**
     * Escapes LIKE wildcards with {@code /}, for startsWith/endsWith/contains.
     *
     * @param s the literal text
     * @return the escaped text
     */
    public static String escapeLike(String s) {
        return s.replace("/", "//").replace("%", "/%").replace("_", "/_");
    }

    /**
     * ORDER BY items from expressions and items.
     *
     * @param items the items
     * @return the list
     */
    public static List<OrderBy> orderBy(OrderByElement... items) {
        List<OrderBy> out = new ArrayList<>();
        for (OrderByElement e : items) {
            out.add(e instanceof OrderBy o ? o : ((Expression<?>) e).asc());
        }
        return List.copyOf(out);
    }

    /**
     * The column of a table named by a DML key (a name or a column).
     *
     * @param table the table
     * @param key a name or column
     * @return the column
     */
    public static ColumnClause<?> targetColumn(TableClause table, Object key) {
        if (key instanceof String s) {
            return table.c(s);
        }
        if (key instanceof ColumnClause<?> c) {
            if (c.table() != table) {
                throw new ArgumentException("Column " + c + " is not a column of table " + table.fullName());
            }
            return c;
        }
        throw new ArgumentException("Keys of INSERT/UPDATE values are column names or columns, got " + key);
    }

    /**
     * Orders DML values by the table's column order, so the SQL does not depend on a map's iteration order.
     *
     * @param table the table
     * @param byName values by column name
     * @return an unmodifiable map in column order
     */
    public static java.util.Map<String, Expression<?>> inTableOrder(TableClause table,
                                                                    java.util.Map<String, Expression<?>> byName) {
        java.util.Map<String, Expression<?>> out = new java.util.LinkedHashMap<>();
        for (ColumnClause<?> c : table.columns()) {
            Expression<?> e = byName.get(c.name());
            if (e != null) {
                out.put(c.name(), e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Adds the defaults of the columns a row of INSERT/UPDATE values does not set.
     *
     * @param table the table
     * @param row values by column name
     * @param bindSuffix suffix of the default's parameter name ({@code ""}, or {@code "_m3"} in multi-row VALUES)
     * @param update true for UPDATE ({@link ColumnClause#updateDefault()}), false for INSERT
     * @return the row with defaults, in table column order
     */
    public static java.util.Map<String, Expression<?>> withDefaults(TableClause table, java.util.Map<String, Expression<?>> row,
                                                                     String bindSuffix, boolean update) {
        java.util.Map<String, Expression<?>> all = new java.util.HashMap<>(row);
        for (ColumnClause<?> c : table.columns()) {
            if (all.containsKey(c.name())) {
                continue;
            }
            org.retort.sql.ColumnDefault d = update ? c.updateDefault() : c.insertDefault();
            if (d == null) {
                continue;
            }
            all.put(c.name(), switch (d) {
                case org.retort.sql.ColumnDefault.Scalar v -> columnValue(c, c.key() + bindSuffix, v.value());
                case org.retort.sql.ColumnDefault.SqlExpression x -> x.expression();
                case org.retort.sql.ColumnDefault.Callable f -> new BindParameter<>(c.key() + bindSuffix,
                        new org.retort.sql.DeferredValue(f.supplier()), c.type(), false, false, true);
                case org.retort.sql.ColumnDefault.NextValue n -> nextValue(c, n);
            });
        }
        return inTableOrder(table, all);
    }

    private static Expression<?> nextValue(ColumnClause<?> c, org.retort.sql.ColumnDefault.NextValue n) {
        return new org.retort.sql.SequenceNextValue<>(n.schema(), n.name(), c.type());
    }

    /**
     * The value of a column in INSERT/UPDATE: an expression as is, a value as a parameter named after the column.
     *
     * @param col the column
     * @param bindName the parameter's name
     * @param value the value
     * @return the expression
     */
    public static Expression<?> columnValue(ColumnClause<?> col, String bindName, Object value) {
        return columnValue(col, bindName, value, false);
    }

    /**
     * As {@link #columnValue(ColumnClause, String, Object)}, optionally with a unique parameter name.
     *
     * @param col the column
     * @param bindName the parameter's (base) name
     * @param value the value
     * @param unique true to make the name unique
     * @return the expression
     */
    public static Expression<?> columnValue(ColumnClause<?> col, String bindName, Object value, boolean unique) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        if (value instanceof SelectBase s) {
            return new ScalarSelect<>(s, col.type());
        }
        checkType(col.type(), value, col);
        return new BindParameter<>(bindName, value, col.type(), false, unique, true);
    }
}
