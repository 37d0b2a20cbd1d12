/**
 * The annotations of declarative mapping: {@link org.retort.orm.annotation.Entity},
 * {@link org.retort.orm.annotation.MappedColumn}, {@link org.retort.orm.annotation.Transient}.
 */
package org.retort.orm.annotation;
