package org.retort.bench.workload;

import static org.retort.schema.Schema.column;
import static org.retort.schema.Schema.primaryKey;
import static org.retort.types.Types.INTEGER;
import static org.retort.types.Types.VARCHAR;

import org.retort.schema.MetaData;
import org.retort.schema.Table;

/**
 * The workloads' tables declared with {@code org.retort.schema}, for the expression-language contenders
 * ({@code core}). They describe the tables the workloads create with plain DDL ({@code Customers.COLUMNS}); the
 * contenders only build statements against them and never create them.
 */
final class BenchTables {
    private static final MetaData METADATA = new MetaData();

    static final Table BULK_INSERT = customers(BulkInsert.TABLE);
    static final Table SINGLE_INSERTS = customers(SingleInserts.TABLE);
    static final Table LARGE_RESULT_ROWS = customers("bench_large_result_rows");
    static final Table LARGE_RESULT_SCALARS = customers("bench_large_result_scalars");
    static final Table BULK_UPDATE = customers(BulkUpdate.TABLE);
    static final Table SHORT_SELECTS = METADATA.table(ShortSelects.TABLE,
            column("id", INTEGER, primaryKey()),
            column("name", VARCHAR(255)),
            column("description", VARCHAR(255)),
            column("q", INTEGER),
            column("p", INTEGER));

    private BenchTables() {
    }

    private static Table customers(String name) {
        return METADATA.table(name,
                column("id", INTEGER, primaryKey()),
                column("name", VARCHAR(255)),
                column("description", VARCHAR(255)));
    }

    /** @return the table of one of the large-result workloads, by its table name */
    static Table largeResult(String table) {
        return table.equals(LARGE_RESULT_ROWS.name()) ? LARGE_RESULT_ROWS : LARGE_RESULT_SCALARS;
    }
}
