package org.retort.sql.compiler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Objects;
import org.retort.dialect.Dialect;
import org.retort.exc.CompileException;
import org.retort.sql.BindParameter;
import org.retort.sql.BindSlot;
import org.retort.sql.TableClause;
import org.retort.sql.internal.Analysis;
import org.retort.types.SqlType;

/**
 * State and output of one compilation: the dialect, the output being written, the statement's analysis (bind
 * and anonymous names), and the rendering of bind parameters as {@code ?}, {@code :name} or inline literals.
 * A compiler instance compiles one statement and is then discarded; it is not thread-safe.
 */
public abstract class CompilerBase {
    /** The dialect compiled for. */
    protected final Dialect dialect;
    /** Where SQL is written; swapped while parts are rendered separately. */
    protected CompilerOutput out = new CompilerOutput();
    /** Bind and anonymous names of the statement being compiled. */
    protected Analysis analysis;
    /** Render bind values inline as literals. */
    protected boolean literalBinds;
    /** Render placeholders as {@code :name} (for toString()) instead of {@code ?}. */
    protected boolean namedPlaceholders;
    /** Schema names replaced as tables are written (the {@code schemaTranslateMap} execution option). */
    protected org.retort.sql.SchemaTranslateMap schemas = org.retort.sql.SchemaTranslateMap.empty();

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    protected CompilerBase(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * Appends SQL text.
     *
     * @param text the text
     */
    protected void sql(String text) {
        out.text(text);
    }

    /**
     * Quotes an identifier when the dialect needs it.
     *
     * @param name the identifier
     * @return the identifier as written in SQL
     */
    protected String quote(String name) {
        return dialect.quote(name);
    }

    /**
     * The SQL name of a table, schema-qualified and quoted.
     *
     * @param table the table
     * @return {@code schema.name} or {@code name}
     */
    protected String tableName(TableClause table) {
        String schema = schema(table.schema());
        return schema == null ? quote(table.name()) : dialect.quoteSchema(schema) + "." + quote(table.name());
    }

    /**
     * The schema to write for a declared one, after the {@code schemaTranslateMap} in force.
     *
     * @param declared the declared schema, or null for the default schema
     * @return the schema to write, or null for none
     */
    protected String schema(String declared) {
        return schemas.translate(declared);
    }

    /**
     * The error for a construct this dialect cannot render.
     *
     * @param construct what the construct is
     * @return the exception to throw
     */
    protected CompileException unsupported(String construct) {
        return new CompileException(construct + " is not supported by the " + dialect.name()
                + " dialect; rewrite the statement without it for this database");
    }

    /**
     * Renders a bind parameter: a {@code ?} slot (a literal-execute one is filled in at each execution),
     * {@code :name} ({@code __[POSTCOMPILE_name]} for an expanding or literal-execute one), or the value as a literal.
     *
     * @param b the parameter
     */
    protected void bind(BindParameter<?> b) {
        String name = analysis.nameOf(b);
        if (literalBinds) {
            if (!b.hasValue()) {
                throw new CompileException("Bind parameter '" + name + "' has no value to render as a literal; "
                        + "give it a value or compile without literal binds");
            }
            if (b.expanding()) {
                Collection<?> items = (Collection<?>) b.value();
                if (items.isEmpty()) {
                    sql(dialect.emptySetExpression(b.type()));
                    return;
                }
                String sep = "";
                for (Object item : items) {
                    sql(sep);
                    sql(literal(item, b.type()));
                    sep = ", ";
                }
                return;
            }
            sql(literal(b.value(), b.type()));
        } else if (namedPlaceholders) {
            sql(b.expanding() || b.literalExecute() ? "__[POSTCOMPILE_" + name + "]" : ":" + name);
        } else {
            out.slot(new BindSlot(name, b.type(), b.expanding(), b.literalExecute()));
        }
    }

    /**
     * Renders a value as a SQL literal, escaped for this dialect.
     *
     * @param value the value
     * @param type its type
     * @return the literal
     * @throws CompileException when the value has no literal form
     */
    protected String literal(Object value, SqlType<?> type) {
        return switch (value) {
            case null -> "NULL";
            case org.retort.sql.DeferredValue d -> literal(d.get(), type);
            case Boolean bool -> booleanLiteral(bool);
            case BigDecimal d -> d.toPlainString();
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case Double d when !d.isNaN() && !d.isInfinite() -> d.toString();
            case Float f when !f.isNaN() && !f.isInfinite() -> f.toString();
            case java.math.BigInteger i -> i.toString();
            case CharSequence s -> stringLiteral(s.toString());
            case Character c -> stringLiteral(c.toString());
            case LocalDate d -> stringLiteral(d.toString());
            case LocalDateTime t -> stringLiteral(t.toString().replace('T', ' '));
            case LocalTime t -> stringLiteral(t.toString());
            case java.time.OffsetDateTime t -> stringLiteral(t.toString().replace('T', ' '));
            case java.util.UUID u -> stringLiteral(u.toString());
            case byte[] bytes -> dialect.literalStyle().binary(bytes);
            case Enum<?> e -> stringLiteral(e.name());
            default -> throw new CompileException("Cannot render a " + value.getClass().getName()
                    + " value as a SQL literal for " + dialect.name() + "; compile without literal binds");
        };
    }

    /**
     * A string literal in the dialect's {@link org.retort.dialect.LiteralStyle}, which reads the same under every
     * server setting that changes how backslashes are parsed.
     *
     * @param s the string
     * @return the literal
     * @throws CompileException when the string has no safe literal form on this database
     */
    protected String stringLiteral(String s) {
        return dialect.literalStyle().string(s, dialect.name());
    }

    /**
     * TRUE/FALSE, or 1/0 on databases without booleans.
     *
     * @param value the boolean
     * @return the literal
     */
    protected String booleanLiteral(boolean value) {
        if (dialect.supportsNativeBoolean()) {
            return value ? "true" : "false";
        }
        return value ? "1" : "0";
    }
}
