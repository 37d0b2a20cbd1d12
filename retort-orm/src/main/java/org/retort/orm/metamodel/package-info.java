/**
 * The runtime side of the generated metamodel: {@code User_.name} is a
 * {@link org.retort.orm.metamodel.ColumnAttribute}, usable anywhere a column expression is.
 */
package org.retort.orm.metamodel;
