/**
 * JMH microbenchmarks of Retort's hot paths: compiling a statement cold against fetching it from the engine's
 * {@link org.retort.engine.CompiledCache}, and reading rows through {@link org.retort.engine.Result} against
 * reading a {@link java.sql.ResultSet} by hand. Run them with the command in {@code retort-bench/README.md}.
 */
package org.retort.bench.jmh;
