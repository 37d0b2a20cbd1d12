package org.retort.sql;

import org.retort.sql.internal.Analysis;

/**
 * Base of the statement classes: keeps the statement's structural analysis (cache key, bind names, bound values)
 * once computed. Statements are immutable, so the memo never goes stale, and executing one statement object many
 * times costs one cache lookup per execution instead of a walk of the tree. Publication through a volatile field
 * makes a racing second computation harmless: both threads compute equal analyses.
 */
abstract class MemoizedStatement {
    private volatile Analysis analysis;
    private volatile Derived derived;

    /** The statement derived for one set of parameter names, e.g. the VALUES an {@code insert(t)} executes with. */
    private record Derived(java.util.Set<String> names, Executable statement) {
    }

    /**
     * Returns the statement derived for the parameter names of an execution, building it only when the names
     * differ from the previous execution's, so re-executing a statement with same-shaped parameters derives
     * (and analyses) nothing new.
     *
     * @param params the execution's parameters
     * @param derive builds the derived statement
     * @return the derived statement
     */
    final Executable derivedFor(java.util.Map<String, ?> params, java.util.function.Supplier<Executable> derive) {
        Derived d = derived;
        if (d != null && d.names().equals(params.keySet())) {
            return d.statement();
        }
        Executable s = derive.get();
        derived = new Derived(java.util.Set.copyOf(params.keySet()), s);
        return s;
    }

    final Analysis memoizedAnalysis() {
        Analysis a = analysis;
        if (a == null) {
            a = Analysis.of((Statement) this);
            analysis = a;
        }
        return a;
    }
}
