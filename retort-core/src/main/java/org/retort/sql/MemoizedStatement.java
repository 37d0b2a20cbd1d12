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

    final Analysis memoizedAnalysis() {
        Analysis a = analysis;
        if (a == null) {
            a = Analysis.of((Statement) this);
            analysis = a;
        }
        return a;
    }
}
