package org.retort.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.provider.Arguments;
import org.retort.dialect.Dialect;

/** One golden compiler case: a construct, a dialect, the exact SQL and (optionally) the exact parameters. */
public record Golden(String name, Dialect dialect, Supplier<Statement> statement, String sql, Map<String, Object> params) {

    /**
     * A case checking SQL only.
     *
     * @param name what it shows
     * @param dialect the dialect
     * @param statement builds the statement
     * @param sql the exact SQL
     * @return the case as test arguments
     */
    public static Arguments sql(String name, Dialect dialect, Supplier<Statement> statement, String sql) {
        return Arguments.of(new Golden(name, dialect, statement, sql, null));
    }

    /**
     * A case checking SQL and parameters.
     *
     * @param name what it shows
     * @param dialect the dialect
     * @param statement builds the statement
     * @param sql the exact SQL
     * @param params the exact parameters
     * @return the case as test arguments
     */
    public static Arguments sql(String name, Dialect dialect, Supplier<Statement> statement, String sql,
                                Map<String, Object> params) {
        return Arguments.of(new Golden(name, dialect, statement, sql, params));
    }

    /** Compiles and checks. */
    public void check() {
        Compiled c = statement.get().compile(dialect);
        assertThat(c.sql()).as(name + " on " + dialect.name()).isEqualTo(sql);
        if (params != null) {
            assertThat(c.params()).as(name + " params").isEqualTo(params);
        }
    }

    @Override
    public String toString() {
        return dialect.name() + ": " + name;
    }
}
