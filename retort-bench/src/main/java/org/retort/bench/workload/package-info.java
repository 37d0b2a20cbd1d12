/**
 * The workloads, after SQLAlchemy's {@code examples/performance}, each with its raw-JDBC floor ({@code *Jdbc})
 * and its Retort contenders: Core with {@code text()} ({@code *CoreText}), the expression language against
 * tables declared in {@code BenchTables} ({@code *Core}), the ORM's unit of work and queries on the mapped
 * classes of {@code OrmCustomers} ({@code *Orm}), and the ORM's bulk INSERT ({@code BulkInsertOrmBulk}).
 */
package org.retort.bench.workload;
