package org.retort.sql;

import java.util.function.Supplier;

/**
 * A bind value computed when the statement is bound for execution, once per execution or per parameter set of
 * an executemany; it carries a {@link ColumnDefault.Callable} column default to the moment of execution.
 *
 * @param supplier computes the value
 */
public record DeferredValue(Supplier<?> supplier) {

    /** @return a freshly computed value */
    public Object get() {
        return supplier.get();
    }

    @Override
    public String toString() {
        return "<computed at execution>";
    }
}
