package org.retort.sql;

import java.util.Objects;

/**
 * A binary SQL operator: its generic SQL text and its precedence, from which the compiler decides where
 * parentheses are needed. Dialect compilers may render an operator differently (string concatenation,
 * regular expressions, bitwise exclusive or, IS DISTINCT FROM).
 *
 * @param sql the generic SQL text
 * @param precedence binding strength; higher binds tighter
 * @param associative true when {@code (a op b) op c} equals {@code a op (b op c)}
 */
public record Operator(String sql, int precedence, boolean associative) {
    /** Precedence of comparisons, LIKE, IN, BETWEEN and IS. */
    public static final int COMPARISON = 5;

    /** {@code =}. */
    public static final Operator EQ = new Operator("=", COMPARISON, false);
    /** {@code <>} (rendered {@code !=} like SQLAlchemy). */
    public static final Operator NE = new Operator("!=", COMPARISON, false);
    /** {@code <}. */
    public static final Operator LT = new Operator("<", COMPARISON, false);
    /** {@code <=}. */
    public static final Operator LE = new Operator("<=", COMPARISON, false);
    /** {@code >}. */
    public static final Operator GT = new Operator(">", COMPARISON, false);
    /** {@code >=}. */
    public static final Operator GE = new Operator(">=", COMPARISON, false);
    /** {@code IS DISTINCT FROM}. */
    public static final Operator IS_DISTINCT_FROM = new Operator("IS DISTINCT FROM", COMPARISON, false);
    /** {@code IS NOT DISTINCT FROM}. */
    public static final Operator IS_NOT_DISTINCT_FROM = new Operator("IS NOT DISTINCT FROM", COMPARISON, false);
    /** Regular expression match. */
    public static final Operator REGEXP = new Operator("~", COMPARISON, false);
    /** {@code +}. */
    public static final Operator ADD = new Operator("+", 7, true);
    /** {@code -}. */
    public static final Operator SUB = new Operator("-", 7, false);
    /** {@code *}. */
    public static final Operator MUL = new Operator("*", 8, true);
    /** {@code /}. */
    public static final Operator DIV = new Operator("/", 8, false);
    /**
     * Floor division, Python's {@code //} (SQLAlchemy's {@code floordiv}): {@code a / b} between integers where
     * the database's division already discards the fraction, {@code a DIV b} on MySQL, {@code FLOOR(a / b)}
     * elsewhere.
     */
    public static final Operator FLOORDIV = new Operator("//", 8, false);
    /** {@code %}. */
    public static final Operator MOD = new Operator("%", 8, false);
    /** String concatenation. */
    public static final Operator CONCAT = new Operator("||", 6, true);
    /** {@code &}. */
    public static final Operator BIT_AND = new Operator("&", 6, true);
    /** {@code |}. */
    public static final Operator BIT_OR = new Operator("|", 6, true);
    /** Bitwise exclusive or. */
    public static final Operator BIT_XOR = new Operator("^", 6, true);
    /** {@code <<}. */
    public static final Operator BIT_LSHIFT = new Operator("<<", 6, false);
    /** {@code >>}. */
    public static final Operator BIT_RSHIFT = new Operator(">>", 6, false);
    /** PostgreSQL containment, {@code @>} (JSONB and arrays). */
    public static final Operator CONTAINS = new Operator("@>", COMPARISON, false);
    /** PostgreSQL containment, {@code <@} (JSONB and arrays). */
    public static final Operator CONTAINED_BY = new Operator("<@", COMPARISON, false);
    /** PostgreSQL array overlap, {@code &&}. */
    public static final Operator OVERLAP = new Operator("&&", COMPARISON, false);
    /** PostgreSQL JSONB key existence, {@code ?}. */
    public static final Operator HAS_KEY = new Operator("?", COMPARISON, false);
    /** PostgreSQL JSONB existence of any key, {@code ?|}. */
    public static final Operator HAS_ANY = new Operator("?|", COMPARISON, false);
    /** PostgreSQL JSONB existence of all keys, {@code ?&}. */
    public static final Operator HAS_ALL = new Operator("?&", COMPARISON, false);
    /** Array element, {@code a[i]} (1-based, PostgreSQL and H2). */
    public static final Operator ARRAY_INDEX = new Operator("[]", 10, false);
    /** Array slice, {@code a[i:j]} (PostgreSQL). */
    public static final Operator ARRAY_SLICE = new Operator("[:]", 10, false);
    /** {@code AND}. */
    public static final Operator AND = new Operator("AND", 3, true);
    /** {@code OR}. */
    public static final Operator OR = new Operator("OR", 2, true);

    /**
     * Creates an operator.
     *
     * @param sql the SQL text
     * @param precedence the binding strength
     * @param associative whether it is associative
     */
    public Operator {
        Objects.requireNonNull(sql, "sql");
    }

    /**
     * A custom operator, for {@link Expression#op(String, Object)}; it binds like a comparison.
     *
     * @param sql the operator text
     * @return the operator
     */
    public static Operator custom(String sql) {
        return new Operator(sql, COMPARISON, false);
    }

    /** {@return true for comparisons, whose result is boolean} */
    public boolean isComparison() {
        return precedence == COMPARISON;
    }
}
