/**
 * The workloads, after SQLAlchemy's {@code examples/performance}, each with its raw-JDBC floor ({@code *Jdbc})
 * and its Retort Core {@code text()} variant ({@code *CoreText}). Expression-language and ORM variants join as
 * new classes listed in their workload's {@code variants()}.
 */
package org.retort.bench.workload;
