package org.retort.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables by foreign key dependency (Kahn's algorithm, stable in declaration order). Foreign keys declared
 * {@code useAlter}, and those that close a cycle, are left out of the ordering and returned separately: they are
 * added with ALTER TABLE after the tables exist.
 */
final class TableSorter {
    private TableSorter() {
    }

    record Sorted(List<Table> tables, Set<ForeignKeyConstraint> deferred) {
    }

    static Sorted sort(List<Table> tables) {
        Set<Table> all = new LinkedHashSet<>(tables);
        Set<ForeignKeyConstraint> deferred = new LinkedHashSet<>();
        Map<Table, Set<Table>> deps = new LinkedHashMap<>();
        for (Table t : tables) {
            Set<Table> d = new LinkedHashSet<>();
            for (ForeignKeyConstraint fk : t.foreignKeys()) {
                if (fk.isUseAlter()) {
                    deferred.add(fk);
                    continue;
                }
                Table ref = fk.referredTable();
                if (ref != t && all.contains(ref)) {
                    d.add(ref);
                }
            }
            deps.put(t, d);
        }
        List<Table> out = new ArrayList<>();
        Set<Table> done = new LinkedHashSet<>();
        while (out.size() < tables.size()) {
            boolean progressed = false;
            for (Table t : tables) {
                if (!done.contains(t) && done.containsAll(deps.get(t))) {
                    out.add(t);
                    done.add(t);
                    progressed = true;
                }
            }
            if (!progressed) {
                // a cycle: take the first remaining table and defer its foreign keys to unfinished tables
                for (Table t : tables) {
                    if (!done.contains(t)) {
                        for (ForeignKeyConstraint fk : t.foreignKeys()) {
                            Table ref = fk.referredTable();
                            if (ref != t && !done.contains(ref)) {
                                deferred.add(fk);
                            }
                        }
                        out.add(t);
                        done.add(t);
                        break;
                    }
                }
            }
        }
        return new Sorted(out, deferred);
    }
}
