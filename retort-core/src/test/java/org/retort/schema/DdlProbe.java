package org.retort.schema;

import static org.retort.schema.Schema.*;
import static org.retort.types.Types.*;

import org.junit.jupiter.api.Test;
import org.retort.dialect.Dialects;

class DdlProbe {
    @Test
    void print() {
        MetaData md = Fixtures.users(new MetaData());
        for (String d : new String[] {"sqlite", "postgresql", "mysql", "h2", "oracle", "mssql"}) {
            var dialect = Dialects.forName(d);
            for (Table t : md.sortedTables()) {
                System.out.println("== " + d + "\n" + new CreateTable(t).compile(dialect).sql());
                for (Index ix : t.indexes()) System.out.println(new CreateIndex(ix).compile(dialect).sql());
            }
        }
    }
}
