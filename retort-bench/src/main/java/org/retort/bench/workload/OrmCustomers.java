package org.retort.bench.workload;

import org.retort.engine.Engine;
import org.retort.orm.Registry;
import org.retort.orm.SessionFactory;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.metamodel.ColumnAttribute;

/**
 * The ORM contenders' mapped classes: a plain {@link Customer} class with the three fields, and one
 * {@code @Entity} subclass per workload table (a mapped class maps one table). The registry maps them once;
 * the tables themselves are created by the workloads with plain DDL.
 */
final class OrmCustomers {

    /** The mapped fields every customer table has; a plain superclass, not itself mapped. */
    static class Customer {
        @MappedColumn(primaryKey = true) Integer id;
        @MappedColumn(length = 255) String name;
        @MappedColumn(length = 255) String description;

        Customer() {
        }

        Customer(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    /** A row of {@code bench_bulk_insert}. */
    @Entity(table = BulkInsert.TABLE)
    static final class BulkInsertCustomer extends Customer {
        BulkInsertCustomer() {
        }

        BulkInsertCustomer(String name, String description) {
            super(name, description);
        }
    }

    /** A row of {@code bench_single_inserts}. */
    @Entity(table = SingleInserts.TABLE)
    static final class SingleInsertCustomer extends Customer {
        SingleInsertCustomer() {
        }

        SingleInsertCustomer(String name, String description) {
            super(name, description);
        }
    }

    /** A row of {@code bench_large_result_rows}. */
    @Entity(table = "bench_large_result_rows")
    static final class LargeResultCustomer extends Customer {
        LargeResultCustomer() {
        }
    }

    /** A row of {@code bench_large_result_scalars}. */
    @Entity(table = "bench_large_result_scalars")
    static final class LargeScalarsCustomer extends Customer {
        LargeScalarsCustomer() {
        }
    }

    /** A row of {@code bench_large_result_stream}. */
    @Entity(table = LargeResultStream.TABLE)
    static final class LargeStreamCustomer extends Customer {
        LargeStreamCustomer() {
        }
    }

    /** A row of {@code bench_bulk_update}. */
    @Entity(table = BulkUpdate.TABLE)
    static final class BulkUpdateCustomer extends Customer {
        BulkUpdateCustomer() {
        }
    }

    /** A row of {@code bench_short_selects}, which has two more integer columns. */
    @Entity(table = ShortSelects.TABLE)
    static final class ShortSelectsCustomer extends Customer {
        Integer q;
        Integer p;

        ShortSelectsCustomer() {
        }
    }

    /** The registry of every class above. */
    static final Registry REGISTRY = Registry.of(BulkInsertCustomer.class, SingleInsertCustomer.class,
            LargeResultCustomer.class, LargeScalarsCustomer.class, LargeStreamCustomer.class, BulkUpdateCustomer.class,
            ShortSelectsCustomer.class);

    /** The key attribute of {@link BulkInsertCustomer}, for the ORM bulk INSERT's {@code returning}. */
    static final ColumnAttribute<BulkInsertCustomer, Integer> BULK_INSERT_ID =
            ColumnAttribute.of(BulkInsertCustomer.class, "id", Integer.class);

    /** The key attribute of {@link BulkUpdateCustomer}, for the chunked update's id ranges. */
    static final ColumnAttribute<BulkUpdateCustomer, Integer> BULK_UPDATE_ID =
            ColumnAttribute.of(BulkUpdateCustomer.class, "id", Integer.class);

    /** The {@code name} attribute of {@link LargeScalarsCustomer}, as the metamodel would generate it. */
    static final ColumnAttribute<LargeScalarsCustomer, String> LARGE_SCALARS_NAME =
            ColumnAttribute.of(LargeScalarsCustomer.class, "name", String.class);

    private OrmCustomers() {
    }

    /**
     * A session factory on the bench's engine with this registry and the ORM's default settings (expire on
     * commit, autoflush, autobegin), as an application would keep one.
     *
     * @param engine the engine
     * @return the factory
     */
    static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine).registry(REGISTRY).build();
    }
}
