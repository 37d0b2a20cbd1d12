/**
 * The type system: {@link org.retort.types.SqlType} and the binders and readers that carry values between
 * Java and JDBC for each dialect.
 */
package org.retort.types;
