/**
 * Schema description and DDL: {@link org.retort.schema.MetaData}, {@link org.retort.schema.Table},
 * {@link org.retort.schema.Column}, constraints, indexes, sequences, identity and computed columns, and the
 * DDL statements and compiler that create and drop them (SQLAlchemy's {@code sqlalchemy.schema}). Declare tables
 * with the static methods of {@link org.retort.schema.Schema}.
 */
package org.retort.schema;
