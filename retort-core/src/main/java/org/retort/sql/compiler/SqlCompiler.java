package org.retort.sql.compiler;

import java.util.ArrayList;
import java.util.List;
import org.retort.dialect.Dialect;
import org.retort.sql.Compiled;
import org.retort.sql.Delete;
import org.retort.sql.Expression;
import org.retort.sql.Insert;
import org.retort.sql.ResultColumn;
import org.retort.sql.SelectBase;
import org.retort.sql.SelectColumns;
import org.retort.sql.Statement;
import org.retort.sql.StatementKind;
import org.retort.sql.Update;
import org.retort.sql.internal.Analysis;

/**
 * Compiles statements of the expression language to standard SQL for one dialect (SQLAlchemy's
 * {@code SQLCompiler}); each dialect's compiler extends it and overrides only what its database does
 * differently. Obtain one from {@link Dialect#sqlCompiler()}; an instance compiles one statement.
 */
public class SqlCompiler extends DmlCompiler {

    /**
     * Creates a compiler.
     *
     * @param dialect the dialect
     */
    public SqlCompiler(Dialect dialect) {
        super(dialect);
    }

    /**
     * Sets the schema names to replace as tables and sequences are written (the {@code schemaTranslateMap}
     * execution option); call before compiling.
     *
     * @param map the translation
     * @return this compiler
     */
    public SqlCompiler schemaTranslateMap(org.retort.sql.SchemaTranslateMap map) {
        this.schemas = java.util.Objects.requireNonNull(map, "map");
        return this;
    }

    /**
     * Compiles a statement.
     *
     * @param statement the statement
     * @param literalBinds true to render bind values inline as literals
     * @return the compiled form, carrying the statement's own values
     */
    public Compiled compile(Statement statement, boolean literalBinds) {
        this.literalBinds = literalBinds;
        CompilerOutput body = render(statement);
        List<ResultColumn> columns = resultColumns(statement);
        StatementKind kind = switch (statement) {
            case SelectBase s -> StatementKind.SELECT;
            case Insert i -> StatementKind.INSERT;
            case Update u -> StatementKind.UPDATE;
            case Delete d -> StatementKind.DELETE;
            case org.retort.sql.Merge m -> StatementKind.UPDATE;
        };
        boolean singleRowValues = statement instanceof Insert i && i.fromSelectQuery() == null && i.rows().size() == 1
                && !i.rows().get(0).isEmpty() && !literalBinds;
        return new Compiled(dialect, kind, body.fragments(), body.slots(), columns, analysis.values(),
                kind != StatementKind.SELECT && !statement.returningColumns().isEmpty(),
                singleRowValues ? body.valuesGroup() : null);
    }

    /**
     * Renders a statement with {@code :name} placeholders, for {@code toString()} and debugging.
     *
     * @param statement the statement
     * @return the SQL text
     */
    public String renderNamed(Statement statement) {
        this.namedPlaceholders = true;
        return render(statement).toString();
    }

    /**
     * Renders one expression with {@code :name} placeholders, for the expressions' {@code toString()}.
     *
     * @param expression the expression
     * @return the SQL text
     */
    public String renderNamed(Expression<?> expression) {
        this.namedPlaceholders = true;
        analysis = Analysis.of(org.retort.sql.Select.of(expression));
        out = new CompilerOutput();
        expression(expression);
        return withCtes(out).toString();
    }

    /**
     * Renders one expression with its values as literals, for DDL (a column's server default) and offline SQL.
     *
     * @param expression the expression
     * @return the SQL text
     * @throws org.retort.exc.CompileException when a value has no literal form on this dialect
     */
    public String renderLiteral(Expression<?> expression) {
        this.literalBinds = true;
        analysis = Analysis.of(org.retort.sql.Select.of(expression));
        out = new CompilerOutput();
        expression(expression);
        return withCtes(out).toString();
    }

    /**
     * Renders one value as a SQL literal escaped for this dialect: what a literal-execute parameter
     * ({@link org.retort.sql.BindParameter#withLiteralExecute()}) becomes at each execution.
     *
     * @param value the value
     * @param type the parameter's type
     * @return the literal, e.g. {@code 'O''Brien'} or {@code 10}
     * @throws org.retort.exc.CompileException when the value has no literal form on this dialect
     */
    public String renderLiteralValue(Object value, org.retort.types.SqlType<?> type) {
        return literal(value, type);
    }

    private CompilerOutput render(Statement statement) {
        analysis = Analysis.of(statement);
        out = new CompilerOutput();
        dml(statement);
        return withCtes(out);
    }

    private static List<ResultColumn> resultColumns(Statement statement) {
        List<Expression<?>> cols = statement instanceof SelectBase s ? s.selectedColumns() : statement.returningColumns();
        List<String> labels = SelectColumns.labels(cols);
        List<ResultColumn> out = new ArrayList<>(cols.size());
        for (int i = 0; i < cols.size(); i++) {
            out.add(new ResultColumn(labels.get(i), cols.get(i).type(), cols.get(i)));
        }
        return out;
    }

    /**
     * The most bind parameters one statement may carry on this database, which bounds the rows per statement of
     * insertmanyvalues.
     *
     * @return the limit
     */
    public int maxBindParameters() {
        return 32767;
    }
}
