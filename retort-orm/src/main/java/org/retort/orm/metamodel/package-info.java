/**
 * The runtime side of the generated metamodel: {@code User_.name} is a
 * {@link org.retort.orm.metamodel.ColumnAttribute}, usable anywhere a column expression is; {@code User_.addresses}
 * a {@link org.retort.orm.metamodel.RelationshipAttribute}, for loader options, joins and relationship conditions.
 */
package org.retort.orm.metamodel;
