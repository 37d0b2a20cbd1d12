/**
 * Code generation from an existing schema (jOOQ's code generator, SQLAlchemy's {@code sqlacodegen}):
 * {@link org.retort.migrate.codegen.CodeGenerator} writes typed Core table classes and {@code @Entity} classes from
 * a live database or a {@code MetaData}.
 */
package org.retort.migrate.codegen;
