package org.retort.bench.jmh;

import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;

/** A mapped class of ten columns (ints, longs, doubles, strings) for the ORM microbenchmarks. */
@Entity(table = "bench_wide_entity")
class WideEntity {
    @MappedColumn(primaryKey = true, autoincrement = false) Integer id;
    @MappedColumn(length = 50) String c1;
    Integer c2;
    Long c3;
    Double c4;
    @MappedColumn(length = 50) String c5;
    Integer c6;
    @MappedColumn(length = 50) String c7;
    Long c8;
    Double c9;

    WideEntity() {
    }

    /** @return row {@code i} of the table, id {@code i + 1} */
    static WideEntity row(int i) {
        WideEntity e = new WideEntity();
        e.id = i + 1;
        e.c1 = "name " + i;
        e.c2 = i * 2;
        e.c3 = i * 1_000_000_000L;
        e.c4 = i / 3.0;
        e.c5 = "description of row " + i;
        e.c6 = -i;
        e.c7 = "x" + i;
        e.c8 = (long) i * i;
        e.c9 = i * 0.5;
        return e;
    }
}
