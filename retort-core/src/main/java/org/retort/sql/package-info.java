/**
 * The SQL expression language: statements and expressions as immutable Java values, compiled per dialect into
 * {@link org.retort.sql.Compiled} SQL with bind parameters. Start from the static methods of
 * {@link org.retort.sql.Sql}.
 */
package org.retort.sql;
