package org.retort.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.exc.ArgumentException;

/**
 * A {@code text()} query that states its result columns (SQLAlchemy's {@code TextualSelect}, from
 * {@code text(...).columns(...)}): it runs like a SELECT, and can be a subquery, a CTE, a member of a UNION or a
 * scalar subquery, its columns referred to by name. Its {@code :name} parameters stay bind parameters.
 *
 * <pre>{@code
 * TextualSelect big = text("SELECT id, name FROM users WHERE id > :min")
 *         .columns(ColumnClause.named("id", INTEGER), ColumnClause.named("name", VARCHAR));
 * Subquery s = big.bindparams(Map.of("min", 5)).subquery("big");
 * select(s.c("name")).where(s.c("id").lt(9))   // SELECT big.name FROM (SELECT id, name FROM users WHERE id > ?) AS big ...
 * }</pre>
 *
 * @param text the SQL
 * @param columns the result columns, in order
 * @param parameters one bind parameter per distinct {@code :name} of the text, with the values bound to the text
 */
public record TextualSelect(TextClause text, List<ColumnClause<?>> columns, List<BindParameter<?>> parameters)
        implements SelectBase {

    /**
     * Checks the parts.
     *
     * @param text the SQL
     * @param columns the result columns
     * @param parameters the bind parameters
     */
    public TextualSelect {
        columns = List.copyOf(columns);
        parameters = List.copyOf(parameters);
        if (columns.isEmpty()) {
            throw new ArgumentException("text().columns() needs at least one column: the query's result columns");
        }
    }

    static TextualSelect of(TextClause text, List<ColumnClause<?>> columns) {
        Map<String, BindParameter<?>> params = new LinkedHashMap<>();
        for (String name : text.parameterNames()) {
            params.computeIfAbsent(name, n -> new BindParameter<>(n, text.boundValues().get(n),
                    text.bindTypeOf(n), false, false, text.boundValues().containsKey(n)));
        }
        return new TextualSelect(text, columns, new ArrayList<>(params.values()));
    }

    /**
     * {@return this query with values bound to some of its parameters}
     *
     * @param values values by parameter name
     */
    public TextualSelect bindparams(Map<String, ?> values) {
        return of(text.bindparams(values), columns);
    }

    /**
     * This query with unique bind parameters (SQLAlchemy's {@code bindparam(..., unique=True)}): each {@code :name}
     * is renamed {@code name_N} when compiled, so two textual queries with the same parameter name but different
     * values can sit in one statement (a UNION, two subqueries). Bind the values first with
     * {@link #bindparams(Map)}; the renamed parameters cannot be given values at execution by their old names.
     *
     * @return the query with unique parameters
     */
    public TextualSelect withUniqueParameters() {
        List<BindParameter<?>> unique = new ArrayList<>();
        for (BindParameter<?> p : parameters) {
            if (!p.hasValue()) {
                throw new ArgumentException("Bind a value to ':" + p.key() + "' with bindparams(...) before making the "
                        + "parameters unique; a renamed parameter cannot be given its value at execution");
            }
            unique.add(new BindParameter<>(p.key(), p.value(), p.type(), false, true, true));
        }
        return new TextualSelect(text, columns, unique);
    }

    /**
     * The bind parameter of a name.
     *
     * @param name the parameter name
     * @return its parameter
     */
    public BindParameter<?> parameter(String name) {
        for (BindParameter<?> p : parameters) {
            if (p.key().equals(name)) {
                return p;
            }
        }
        throw new ArgumentException("This text() has no bind parameter '" + name + "'");
    }

    @Override
    public List<Expression<?>> selectedColumns() {
        return List.copyOf(columns);
    }

    @Override
    public String toString() {
        return text.text();
    }
}
